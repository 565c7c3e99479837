package dev.rein.runtime.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * Puts a spec's penalties and constraints into any Tribuo SGD trainer by wrapping its optimiser, the way Tribuo's
 * {@code ParameterAveraging} wraps one.
 *
 * <pre>{@code
 * Regularization reg = ...;   // e.g. "l2(lambda=0.1) + max_norm(c=3)", bound against the registry
 * StochasticGradientOptimiser sgd = SGD.getSimpleSGD(0.01);
 * int batch = 8;   // the trainer's mini-batch size, given to both
 * var trainer = new LinearSGDTrainer(new SquaredLoss(), new RegularizedOptimiser(sgd, reg, batch),
 *         50, -1, batch, 1L);   // epochs, logging interval, mini-batch size, seed
 * LinearSGDModel model = trainer.train(data);   // minimises mean loss + 0.05·‖w‖², keeps every ‖row‖ <= 3
 * }</pre>
 *
 * <h2>Penalties (coupled)</h2>
 * The penalty's gradient joins the loss gradient before the inner optimiser, so adaptive optimisers (AdaGrad,
 * RMSProp) see both. Training minimises {@code J(w) = (1/n) Σ_i ω_i·L_i(w) + Σ_k R_k(w)} ({@code ω_i} the example
 * weights) whatever the mini-batch size. How each step's share of the penalty is scaled, from Tribuo 4.3.2's
 * {@code AbstractSGDTrainer.train}, for a mini-batch {@code B} of {@code b} examples
 * ({@code b} = the trainer's {@code minibatchSize}) with log-likelihood gradients {@code g_k = -∇L_k}:
 * <ol>
 *   <li>{@code b = 1}: Tribuo calls {@code step(g_k, ω_k)}. For {@code b > 1} it sums the batch
 *       ({@code Parameters.merge}), then <em>multiplies</em> the sum by {@code b} ({@code scaleInPlace(minibatchSize)})
 *       and passes the mean weight: {@code step(G, ω̄)} with {@code G = b·Σ_B g_k}, {@code ω̄ = Σ_B ω_k / b}.</li>
 *   <li>The optimisers multiply the gradient by {@code weight} (SGD: {@code U = η·ω̄·G}; AdaGrad and RMSProp
 *       accumulate {@code ω̄·G}); Adam and AdaDelta ignore it. So the loss moves a step along
 *       {@code ω̄·G = b·Σ_B ω̄·g_k = -b·∇ Σ_B ω_k·L_k} (exact when a batch's weights are equal).</li>
 *   <li>The batch's part of {@code n·J} is {@code Σ_B (ω_k·L_k + R)}; {@code b} times its ascent direction is
 *       {@code -b·Σ_B ω_k·∇L_k - b²·∇R}. The first term is what Tribuo hands the optimiser, so the penalty's share
 *       after the weight must be {@code -b²·∇R}: Rein adds {@code -(b²/ω̄)·∇R} to {@code G} (just {@code -b²·∇R}
 *       for Adam and AdaDelta). Tribuo climbs the log-likelihood and adds the update, hence the minus sign;
 *       plugin authors never see it.</li>
 * </ol>
 * For plain SGD one full batch gives {@code w ← w + η·b²·(ω̄·mean_B g_k - ∇R(w))}; for {@code b = 1} and unit
 * weight, {@code w + η·(g - ∇R(w))}. (The {@code b²} is Tribuo's own learning-rate scaling of mini-batches: Rein
 * matches it, so that the fixed point is the minimiser of {@code J}.)
 *
 * <p>Limits: an optimiser never sees the batch size, so it is given here ({@code minibatchSize}, default 1) and
 * must equal the trainer's. A last, partial batch of {@code r < b} examples gets a full batch's penalty share,
 * {@code b/r} times too much for that one step per epoch. A step with {@code ω̄ = 0} moves nothing and gets no
 * penalty either. Penalties cost {@code O(parameters)} per step: sparse gradients are made dense.
 *
 * <h2>Constraints</h2>
 * After the inner step returns the update {@code U}, each constraint projects {@code w + U} in spec order, and the
 * update returned is {@code P(w + U) - w}, so that the trainer's {@code w += update} lands on the projected
 * weights and decorators outside this one (ParameterAveraging) see the real move.
 *
 * <h2>Roles</h2>
 * Penalties and constraints see the blocks of {@link ParameterLayout}: a linear model's weights (its matrix
 * without the bias column) and, only for {@code on=all}, its bias column; a factorization machine's weights and
 * factors, and its biases for {@code on=all}.
 *
 * <h2>Refused</h2>
 * {@code mode=decoupled} and {@code mode=proximal} (not yet: {@code auto} means coupled for now); Pegasos and
 * AdaGradRDA with any penalty or constraint (they keep the weights in their own matrix types and apply their own
 * L2 or L1/L2); activation and normalization plugins (they need a network); parameters other than linear models
 * and factorization machines. Stopping rules are left to the trainer's epoch loop and ignored here.
 */
public final class RegularizedOptimiser implements StochasticGradientOptimiser {
    @Config(mandatory = true, description = "The optimiser that turns the regularized gradient into an update.")
    private StochasticGradientOptimiser optimiser;

    @Config(description = "The trainer's mini-batch size; each step's penalty share is scaled to it so that"
            + " training minimises mean loss + penalty.")
    private int minibatchSize = 1;

    @Config(description = "The regularization spec, in canonical form, e.g. l2(lambda=0.1) + max_norm(c=3.0).")
    private String spec = "none";

    private Regularization regularization;
    private List<PenaltyTerm> penalties;
    private List<BoundTerm> constraints;
    private boolean scalesByWeight;

    private Parameters parameters;
    private ParameterLayout layout;

    /** For OLCUT. */
    private RegularizedOptimiser() {
    }

    /**
     * Wraps {@code optimiser} for a trainer with mini-batches of one example.
     *
     * @throws IllegalArgumentException if the regularization asks for something this class refuses (see above)
     */
    public RegularizedOptimiser(StochasticGradientOptimiser optimiser, Regularization regularization) {
        this(optimiser, regularization, 1);
    }

    /**
     * Wraps {@code optimiser} for a trainer whose {@code minibatchSize} is {@code minibatchSize}.
     *
     * @throws IllegalArgumentException if {@code minibatchSize < 1} or the regularization asks for something this
     *                                  class refuses (see above)
     */
    public RegularizedOptimiser(StochasticGradientOptimiser optimiser, Regularization regularization,
            int minibatchSize) {
        this.optimiser = Objects.requireNonNull(optimiser, "optimiser");
        this.minibatchSize = minibatchSize;
        bind(Objects.requireNonNull(regularization, "regularization"));
    }

    /** OLCUT calls this after setting the {@code @Config} fields. */
    @Override
    public void postConfig() {
        if (!spec.equals(Regularization.none().toSpec())) {
            throw new IllegalStateException("RegularizedOptimiser was configured with spec '" + spec + "', but"
                    + " reading a spec from a configuration file is not wired yet; build it in code with"
                    + " new RegularizedOptimiser(optimiser, regularization, minibatchSize)");
        }
        bind(Regularization.none());
    }

    private void bind(Regularization regularization) {
        if (minibatchSize < 1) {
            throw new IllegalArgumentException("minibatchSize is " + minibatchSize + "; it must be the trainer's"
                    + " mini-batch size, at least 1");
        }
        OptimiserChain chain = OptimiserChain.of(optimiser);
        for (BoundTerm term : regularization.terms()) {
            check(term, chain);
        }
        this.regularization = regularization;
        this.spec = regularization.toSpec();
        this.penalties = PenaltyTerm.of(regularization);
        this.constraints = regularization.terms(Kind.CONSTRAINT);
        this.scalesByWeight = chain.scalesByWeight();
    }

    private void check(BoundTerm term, OptimiserChain chain) {
        Kind kind = term.kind();
        String name = "'" + term.name() + "'";
        if (kind == Kind.ACTIVATION || kind == Kind.NORMALIZATION) {
            throw new IllegalArgumentException("Term " + name + " is " + (kind == Kind.ACTIVATION
                    ? "an activation regularizer" : "a normalization layer") + ", which needs a network with"
                    + " layers; Tribuo's linear and factorization-machine trainers have none: use Rein's network"
                    + " trainer, or remove " + name + " from the spec");
        }
        boolean penalty = kind == Kind.PENALTY || kind == Kind.BLOCK_PENALTY;
        if (!penalty && kind != Kind.CONSTRAINT) {
            return;   // stopping rules belong to the trainer's epoch loop
        }
        String what = (penalty ? "Penalty " : "Constraint ") + name;
        if (penalty && (term.mode() == PenaltyMode.DECOUPLED || term.mode() == PenaltyMode.PROXIMAL)) {
            throw new IllegalArgumentException(what + " asks for mode=" + term.mode().specName() + ", which"
                    + " RegularizedOptimiser (wrapping " + optimiser + ") does not support yet: use mode=coupled"
                    + " (the default) for now");
        }
        if (chain.contains(OptimiserChain.PEGASOS)) {
            throw new IllegalArgumentException(what + " cannot wrap " + optimiser + ": " + (penalty
                    ? "Pegasos already applies L2 through its lambda. Use Pegasos's lambda alone, or wrap another"
                    + " optimiser (e.g. SGD.getLinearDecaySGD) with " + name
                    : "Pegasos keeps the weights in its own shrinking matrix, which a projection cannot reach."
                    + " Wrap another optimiser (e.g. SGD or AdaGrad) instead"));
        }
        if (chain.contains(OptimiserChain.ADA_GRAD_RDA)) {
            throw new IllegalArgumentException(what + " cannot wrap " + optimiser + ": AdaGradRDA keeps the"
                    + " weights in its own dual-averaging matrix and applies its own l1 and l2. Use AdaGradRDA's"
                    + " l1/l2 options, or wrap another optimiser (e.g. AdaGrad) with " + name);
        }
    }

    /** The regularization this optimiser applies. */
    public Regularization regularization() {
        return regularization;
    }

    /** The trainer mini-batch size the penalty is scaled for. */
    public int minibatchSize() {
        return minibatchSize;
    }

    /** What each term does here, for people: {@code ["l2(lambda=0.1): coupled penalty on weight"]}. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (PenaltyTerm p : penalties) {
            out.add(p.term().name() + ": " + (p.term().mode() == PenaltyMode.AUTO ? "mode=auto chose coupled"
                    : "coupled") + " penalty on " + p.term().target().specName());
        }
        for (BoundTerm c : constraints) {
            out.add(c.name() + ": constraint after each step on " + c.target().specName());
        }
        return out;
    }

    /**
     * Keeps {@code parameters} (their tensors are read at every step) and initialises the inner optimiser.
     *
     * @throws IllegalArgumentException if the parameters are not a layout Rein knows and there is something to
     *                                  apply
     * @throws IllegalStateException    if the inner optimiser replaced the tensors by types whose update does more
     *                                  than add
     */
    @Override
    public void initialise(Parameters parameters) {
        optimiser.initialise(parameters);
        this.parameters = parameters;
        if (penalties.isEmpty() && constraints.isEmpty()) {
            this.layout = null;
            return;
        }
        this.layout = ParameterLayout.of(parameters);
        Tensor[] tensors = parameters.get();
        if (!layout.isPlainDense(tensors)) {
            throw new IllegalStateException("RegularizedOptimiser cannot apply '" + spec + "' with " + optimiser
                    + ": after its initialise the " + layout.describe() + " is held in "
                    + tensorTypes(tensors) + ", whose update does more than add; wrap an optimiser that keeps"
                    + " plain DenseMatrix parameters (SGD, AdaGrad, RMSProp, Adam, AdaDelta)");
        }
    }

    /**
     * Adds the penalty gradient (scaled as the class javadoc derives), lets the inner optimiser step, and projects
     * the result onto the constraints.
     */
    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        if (parameters == null) {
            throw new IllegalStateException("RegularizedOptimiser.step was called before initialise(Parameters);"
                    + " a Tribuo trainer calls initialise first");
        }
        if (layout == null) {
            return optimiser.step(gradients, weight);
        }
        addPenaltyGradient(gradients, weight);
        Tensor[] update = optimiser.step(gradients, weight);
        if (!constraints.isEmpty()) {
            project(update);
        }
        return update;
    }

    /** {@code G += -share·∇R(w)} over every slot a penalty covers. */
    private void addPenaltyGradient(Tensor[] gradients, double weight) {
        if (penalties.isEmpty() || (scalesByWeight && weight == 0)) {
            return;
        }
        double b2 = (double) minibatchSize * minibatchSize;
        double share = scalesByWeight ? b2 / weight : b2;
        Tensor[] live = parameters.get();
        for (ParameterSlot slot : layout.slots()) {
            ParameterBlock w = null;
            double[] penaltyGradient = null;
            for (PenaltyTerm p : penalties) {
                if (p.covers(slot)) {
                    if (w == null) {
                        w = slot.read(live);
                        penaltyGradient = new double[slot.size()];
                    }
                    p.addGradient(w, penaltyGradient);
                }
            }
            if (penaltyGradient != null) {
                slot.dense(gradients);
                slot.add(gradients, penaltyGradient, -share);
            }
        }
    }

    /** Rewrites {@code update} in place to {@code P(w + update) - w}, constraints in spec order. */
    private void project(Tensor[] update) {
        Tensor[] live = parameters.get();
        Map<ParameterSlot, ParameterBlock> proposed = new LinkedHashMap<>();
        for (BoundTerm term : constraints) {
            Constraint constraint = term.hook(Constraint.class);
            for (ParameterSlot slot : layout.slots()) {
                if (term.target().covers(slot.role())) {
                    constraint.project(proposed.computeIfAbsent(slot, s -> sum(s.read(live), s.readValues(update))));
                }
            }
        }
        for (Map.Entry<ParameterSlot, ParameterBlock> e : proposed.entrySet()) {
            ParameterSlot slot = e.getKey();
            double[] move = e.getValue().values().clone();
            double[] w = slot.readValues(live);
            for (int i = 0; i < move.length; i++) {
                move[i] -= w[i];
            }
            slot.dense(update);
            slot.write(update, move);
        }
    }

    private static ParameterBlock sum(ParameterBlock w, double[] u) {
        double[] v = w.values();
        for (int i = 0; i < v.length; i++) {
            v[i] += u[i];
        }
        return w;
    }

    private static String tensorTypes(Tensor[] tensors) {
        List<String> types = new ArrayList<>();
        for (Tensor t : tensors) {
            if (!types.contains(t.getClass().getSimpleName())) {
                types.add(t.getClass().getSimpleName());
            }
        }
        return String.join(", ", types);
    }

    @Override
    public void finalise() {
        optimiser.finalise();
    }

    @Override
    public void reset() {
        optimiser.reset();
        parameters = null;
        layout = null;
    }

    /** A fresh copy: a copy of the inner optimiser, the same (stateless) hooks, no parameters. */
    @Override
    public RegularizedOptimiser copy() {
        return new RegularizedOptimiser(optimiser.copy(), regularization, minibatchSize);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return "RegularizedOptimiser(optimiser=" + optimiser + ",minibatchSize=" + minibatchSize + ",spec=" + spec
                + ")";
    }
}
