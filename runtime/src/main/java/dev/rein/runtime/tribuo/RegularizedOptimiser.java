package dev.rein.runtime.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.runtime.spec.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Matrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;

/**
 * Puts a spec's penalties and constraints into any Tribuo SGD trainer by wrapping its optimiser, the way Tribuo's
 * {@code ParameterAveraging} wraps one.
 *
 * <pre>{@code
 * Regularization reg = ...;   // e.g. "l1(lambda=1e-4) + max_norm(c=3)", bound against the registry
 * int batch = 8;              // the trainer's mini-batch size, given to both
 * var optimiser = new RegularizedOptimiser(SGD.getSimpleSGD(0.01), reg, batch);
 * var trainer = new LinearSGDTrainer(new SquaredLoss(), optimiser, 50, -1, batch, 1L);
 * LinearSGDModel model = trainer.train(data);   // minimises mean loss + 1e-4·‖w‖₁, keeps every ‖row‖ <= 3
 * optimiser.describe();   // ["l1: mode=auto chose proximal penalty on weights", "max_norm: constraint ..."]
 * }</pre>
 *
 * <h2>The objective and each step's penalty share</h2>
 * Training minimises {@code J(w) = (1/n) Σ_i ω_i·L_i(w) + Σ_k R_k(w)} ({@code ω_i} the example weights) whatever
 * the mini-batch size. From Tribuo 4.3.2's {@code AbstractSGDTrainer.train}, for a mini-batch {@code B} of
 * {@code b} examples ({@code b} = the trainer's {@code minibatchSize}) with log-likelihood gradients
 * {@code g_k = -∇L_k}:
 * <ol>
 *   <li>{@code b = 1}: Tribuo calls {@code step(g_k, ω_k)}. For {@code b > 1} it sums the batch, then
 *       <em>multiplies</em> the sum by {@code b} and passes the mean weight: {@code step(G, ω̄)} with
 *       {@code G = b·Σ_B g_k}, {@code ω̄ = Σ_B ω_k / b}.</li>
 *   <li>SGD, AdaGrad and RMSProp multiply the gradient by {@code weight}; Adam and AdaDelta ignore it. So the loss
 *       moves a step along {@code ω̄·G = -b·∇ Σ_B ω_k·L_k} (exact when a batch's weights are equal).</li>
 *   <li>{@code b} times the ascent direction of the batch's part of {@code n·J} is
 *       {@code -b·Σ_B ω_k·∇L_k - b²·∇R}, so the penalty's share after the weight is {@code -b²·∇R}. Tribuo climbs
 *       the log-likelihood and adds the update, hence the minus sign; plugin authors never see it.</li>
 * </ol>
 *
 * <h2>Modes</h2>
 * Each penalty runs in the mode its spec asks for, or for {@code mode=auto} the one the table below picks;
 * {@link #describe()} and the {@code modes} entry of the provenance say which. With {@code η_t} the inner
 * optimiser's learning rate at step {@code t}, read from its provenance (SGD: its schedule, as
 * {@code SGD.learningRate()} gives it, divided by {@code 1 - ρ} under momentum, the steady-state step along a
 * constant gradient, so that decoupled and coupled share a fixed point; AdaGrad and Adam: their initial rate, the
 * AdamW convention; RMSProp: its own decayed rate), and {@code s_t = η_t·b²}:
 * <ul>
 *   <li><b>coupled</b>: {@code G += -(b²/ω̄)·∇R(w)} before the inner step ({@code -b²·∇R} for Adam and AdaDelta),
 *       so adaptive optimisers see the penalty like the loss. Plain SGD:
 *       {@code w ← w + η_t·(ω̄·G) - s_t·∇R(w)}.</li>
 *   <li><b>decoupled</b> (AdamW style): the inner optimiser steps on the loss alone, then the update gets
 *       {@code -s_t·∇R(w)}, {@code w} the weights before the step. For plain SGD this is the coupled step.</li>
 *   <li><b>proximal</b>: the update becomes {@code prox_{s_t·R}(w + U) - w}, {@code U} the inner update, with the
 *       proximal terms applied one after the other in spec order. {@code l1} and {@code elastic_net} give exact
 *       zeros. Only under SGD without momentum, whose step size is one known number; the fixed point is the
 *       coupled one ({@code ω̄·G ∈ b²·∂R(w)}). Adaptive optimisers keep their per-weight step sizes private, and
 *       momentum has no single step size: both are refused with a message that says what to use instead.</li>
 *   <li><b>cumulative</b>: for penalties of the form {@code λ₁|w| + (λ₂/2)w²} with {@code λ₁ > 0} on the weights,
 *       the L1 part is paid as Tsuruoka et al.'s (2009) cumulative penalty, as scikit-learn's {@code SGDClassifier}
 *       does: each weight keeps what it has paid and owes the rest, also while it sits at zero (the L2 part shrinks
 *       as in proximal mode). Sparser than proximal steps under SGD. Same optimisers as proximal (SGD without
 *       momentum, no averaging); it lives in the lazy engine, so it needs a linear model and a spec the engine
 *       takes (see below), else it is refused at {@code initialise}; never chosen by {@code auto}.</li>
 * </ul>
 * <pre>
 *                      coupled   decoupled                proximal             auto
 * SGD, no momentum     yes       yes (η_t)                yes (step η_t·b²)    proximal if it has one, else coupled
 * SGD with momentum    yes       yes (η_t/(1-ρ))          refused              decoupled
 * AdaGrad, Adam        yes       yes (initial rate)       refused              decoupled
 * RMSProp              yes       yes (its decayed rate)   refused              decoupled
 * AdaDelta, unknown    yes       refused (no rate)        refused              coupled
 * ParameterAveraging   as inside as inside                refused              as inside, never proximal
 * </pre>
 * Auto prefers decoupled under momentum and adaptive optimisers because a coupled penalty makes every gradient
 * dense (no lazy updates on sparse data) and, with AdaGrad, RMSProp and Adam, is divided by the per-coordinate
 * scaling like the loss (Loshchilov and Hutter 2019). The price: there, decoupled training does not minimise
 * {@code J} exactly; ask for {@code mode=coupled} when that matters more than speed.
 *
 * <p>A step with {@code ω̄ = 0} under an optimiser that scales by the weight moves nothing and gets no penalty.
 * The last, partial batch of {@code r < b} examples gets a full batch's share, {@code b/r} times too much for
 * that one step per epoch.
 *
 * <h2>Constraints</h2>
 * After the penalties, each constraint projects {@code w + U} in spec order, and the update returned is
 * {@code P(w + U) - w}, so that the trainer's {@code w += update} lands on the projected weights.
 *
 * <h2>Sparse data: lazy penalties</h2>
 * When a linear model's gradient arrives as a {@code DenseSparseMatrix} (Tribuo's loaders drop zeros, so even
 * image data does), a step touches only the weights of the features present in the mini-batch, and the weights
 * of absent features are caught up when their feature is next seen, or all at once by {@link #catchUp()} (which
 * {@link #finalise()} calls). The live weight tensor is then a {@link LiveMatrix}, a
 * {@code DenseMatrix} subclass that does the penalty work inside the two passes Tribuo makes over the present
 * entries anyway: its {@code leftMultiply} (the forward pass) reads weights as caught up, and adding the update
 * {@code step} returned (Tribuo's {@code parameters.update}) applies this step's penalties and constraints to the
 * present weights. In lazy mode {@code step} therefore returns the inner optimiser's update untouched; the
 * penalties happen as the trainer adds it. It costs O(non-zeros) per step, plus an O(weights) fold every 65536
 * steps. Catch-ups are closed-form (O(1), the weights stored divided by a running scale) for L2-like gradient
 * terms and elastic-net-like proximal terms (the multiplicative L2 scaling and Tsuruoka et al.'s cumulative L1
 * clipping), and a bounded replay for any other element-wise penalty (exact up to 32 missed steps, second-order
 * accurate beyond); see {@link LazyWeights}. Lazy mode is used when every penalty on the weights is element-wise
 * and:
 * <ul>
 *   <li>coupled penalties: only under SGD without momentum. Under momentum or an adaptive optimiser a coupled
 *       penalty changes the optimiser's state for every weight (a dense gradient), which lazy updates cannot
 *       reproduce, so those steps are eager (correct, O(weights));</li>
 *   <li>decoupled and proximal penalties: under any optimiser allowed for them. Tribuo's SGD, AdaGrad, RMSProp
 *       and Adam return no update for an absent feature, so their state is the same either way, and lazy equals
 *       eager to rounding;</li>
 *   <li>constraints: only caps on each weight row's L2 norm (max_norm on the weights, recognised by probing the
 *       hook, see {@link RowNormCap}), applied as one scale per row with each row's squared norm kept up to date,
 *       and only with L2-like penalties (L1 thresholds would differ per row); any other constraint, such as
 *       non_negative, projects every weight after every step, so every step is eager;</li>
 *   <li>no ParameterAveraging (its average needs every iterate).</li>
 * </ul>
 * A step whose coefficient would flip the sign of an L2 scaling ({@code s_t·λ >= 1}), or a dense gradient, is
 * taken eagerly after a full catch-up. Factorization machines are always eager.
 *
 * <h2>ParameterAveraging</h2>
 * Wrap it inside: {@code new RegularizedOptimiser(new ParameterAveraging(sgd), reg, b)}. It records the inner
 * update before Rein adds decoupled decay or projects, so Rein keeps the difference and completes the average in
 * {@link #finalise()}; the average of projected iterates satisfies convex constraints such as max_norm and
 * non-negativity. Proximal mode is refused under averaging (the average would undo exact zeros). Do not wrap
 * this class in ParameterAveraging: Tribuo's {@code ParameterAveraging.finalise} does not call the inner
 * {@code finalise}, so the lazy catch-up would never run.
 *
 * <h2>Hooks for a trainer that owns the epoch loop</h2>
 * <ul>
 *   <li>{@link #withMinibatchSize(int)}: a fresh copy for the trainer's mini-batch size, before training;</li>
 *   <li>{@link #catchUp()}: makes the live {@code Parameters} exact (before reading their elements or copying
 *       them at an epoch's end; predictions through them are exact anyway); idempotent, training may go on
 *       afterwards. To restore weights (the best epoch's), {@code parameters.set(tensors)} with plain copies:
 *       Rein takes them as exact and drops what was pending; or call {@code catchUp()} first and then write into
 *       the live matrix. After {@code finalise} the live tensor is a plain {@code DenseMatrix} again;</li>
 *   <li>{@link DivergenceException}: thrown from {@code step} or {@code catchUp} at the first NaN or infinite
 *       gradient, update or caught-up weight, naming the step and the spec; add the epoch;</li>
 *   <li>{@link #steps()}: the steps taken since {@code initialise}.</li>
 * </ul>
 *
 * <h2>Refused</h2>
 * Pegasos and AdaGradRDA with any penalty or constraint (they keep the weights in their own matrix types and
 * apply their own L2 or L1/L2); modes an optimiser cannot do correctly (the table above); activation and
 * normalization plugins (they need a network); parameters other than linear models and factorization machines.
 * Stopping rules are left to the trainer's epoch loop and ignored here.
 */
public final class RegularizedOptimiser implements StochasticGradientOptimiser {
    @Config(mandatory = true, description = "The optimiser that turns the regularized gradient into an update.")
    private StochasticGradientOptimiser optimiser;

    @Config(description = "The trainer's mini-batch size; each step's penalty share is scaled to it so that"
            + " training minimises mean loss + penalty.")
    private int minibatchSize = 1;

    @Config(description = "The regularization spec, in canonical form, e.g. l2(lambda=0.1) + max_norm(c=3.0).")
    private String spec = "none";

    @Config(description = "The mode each penalty runs in, as Rein resolved it (mode=auto included), e.g."
            + " l1=proximal, l2=decoupled; written by Rein for the record.")
    private String modes = "";

    private Regularization regularization;
    private List<PenaltyTerm> penalties;
    private List<BoundTerm> constraints;
    private OptimiserChain chain;
    private LearningRate rate;
    private boolean scalesByWeight;
    private boolean averaged;
    /** Package-private switch for tests: never use lazy updates. */
    boolean eagerOnly;

    private Parameters parameters;
    private ParameterLayout layout;
    private long steps;
    private LazyWeights lazy;
    /** In lazy mode, the live weight tensor installed in the parameters. */
    private LiveMatrix live;
    /** Under ParameterAveraging: Σ_t t·(what Rein added to the update at step t), per slot. */
    private double[][] averagingCorrection;

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
        String configured = modes;
        // A configuration file names the spec as text: resolve it against the plugins this JVM can see.
        bind(SpecBinder.bind(spec, PluginRegistry.shared()));
        if (!configured.isEmpty() && !configured.equals(modes)) {
            throw new IllegalStateException("RegularizedOptimiser was configured with modes '" + configured
                    + "', but spec '" + spec + "' resolves to '" + modes + "'; modes is written by Rein: leave it"
                    + " out of the configuration and set each penalty's mode in the spec");
        }
    }

    private void bind(Regularization regularization) {
        if (minibatchSize < 1) {
            throw new IllegalArgumentException("minibatchSize is " + minibatchSize + "; it must be the trainer's"
                    + " mini-batch size, at least 1");
        }
        this.chain = OptimiserChain.of(optimiser);
        this.rate = LearningRate.of(chain);
        List<PenaltyTerm> resolved = new ArrayList<>();
        List<String> modeList = new ArrayList<>();
        for (BoundTerm term : regularization.terms()) {
            check(term);
            if (term.kind() == Kind.PENALTY || term.kind() == Kind.BLOCK_PENALTY) {
                PenaltyMode mode = ModeChoice.resolve(term, chain, rate, optimiser.toString());
                resolved.add(new PenaltyTerm(term, mode));
                modeList.add(term.name() + "=" + mode.specName());
            }
        }
        this.regularization = regularization;
        this.spec = regularization.toSpec();
        this.modes = String.join(", ", modeList);
        this.penalties = List.copyOf(resolved);
        this.constraints = regularization.terms(Kind.CONSTRAINT);
        refuseMixedL1Modes();
        this.scalesByWeight = chain.scalesByWeight();
        this.averaged = chain.contains(OptimiserChain.PARAMETER_AVERAGING);
    }

    private void check(BoundTerm term) {
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

    /**
     * A fresh copy (inner optimiser copied, nothing initialised) for a trainer whose mini-batch size is
     * {@code minibatchSize}: what a trainer calls before training when it, not the user, knows the size.
     *
     * @throws IllegalArgumentException if {@code minibatchSize < 1}
     */
    public RegularizedOptimiser withMinibatchSize(int minibatchSize) {
        RegularizedOptimiser copy = new RegularizedOptimiser(optimiser.copy(), regularization, minibatchSize);
        copy.eagerOnly = eagerOnly;
        return copy;
    }

    /** The number of {@code step} calls since {@code initialise} (the 1-based index of the last step). */
    public long steps() {
        return steps;
    }

    /** The resolved mode of each penalty, in spec order: {@code "l1=proximal, l2=decoupled"}. */
    public String modes() {
        return modes;
    }

    /** What each term does here, for people: {@code ["l1: mode=auto chose proximal penalty on weights"]}. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (PenaltyTerm p : penalties) {
            out.add(p.term().name() + ": " + (p.term().mode() == PenaltyMode.AUTO ? "mode=auto chose " : "")
                    + p.mode().specName() + " penalty on " + p.term().target().specName());
        }
        for (BoundTerm c : constraints) {
            out.add(c.name() + ": constraint after each step on " + c.target().specName());
        }
        return out;
    }

    /** Whether the current training catches the penalties of absent features up lazily (after initialise). */
    public boolean isLazy() {
        return lazy != null;
    }

    /**
     * Keeps {@code parameters} (their tensors are read at every step), initialises the inner optimiser, and decides
     * whether the penalties can be applied lazily (see the class javadoc).
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
        this.steps = 0;
        this.lazy = null;
        this.live = null;
        this.averagingCorrection = null;
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
        if (averaged && (hasMode(PenaltyMode.DECOUPLED) || !constraints.isEmpty())) {
            averagingCorrection = new double[layout.slots().size()][];
            for (int i = 0; i < averagingCorrection.length; i++) {
                averagingCorrection[i] = new double[layout.slots().get(i).size()];
            }
        }
        this.lazy = lazyEngine(parameters);
        if (lazy == null && hasMode(PenaltyMode.CUMULATIVE)) {
            throw new IllegalArgumentException("mode=cumulative in '" + spec + "' keeps what each weight owes in"
                    + " Rein's lazy engine, which this training cannot use: it needs a linear model (not a"
                    + " factorization machine), penalties of the form λ₁|w| + (λ₂/2)w² only (l1, l2, elastic_net),"
                    + " no constraint but max_norm and none at all with L1, and no ParameterAveraging; use"
                    + " mode=proximal instead");
        }
        if (lazy != null) {
            installLiveMatrix();
        }
    }

    /** Puts a {@link LiveMatrix} copy of the current weights into the parameters. */
    private void installLiveMatrix() {
        live = new LiveMatrix((DenseMatrix) parameters.get()[0], lazy);
        parameters.set(new Tensor[] {live});
    }

    /** The lazy engine for a linear model's weights, or null when lazy updates would not be exact. */
    private LazyWeights lazyEngine(Parameters parameters) {
        if (eagerOnly || averaged || !(parameters instanceof LinearParameters) || !rate.known()) {
            return null;
        }
        double rowCap = Double.POSITIVE_INFINITY;
        for (BoundTerm c : constraints) {
            double cap = c.target() == Target.WEIGHTS ? RowNormCap.of(c.hook(Constraint.class)) : Double.NaN;
            if (Double.isNaN(cap)) {
                return null;   // a projection that needs whole rows or more: every step is eager
            }
            rowCap = Math.min(rowCap, cap);   // nested balls: projecting onto each in turn is onto the smallest
        }
        List<PenaltyTerm> onWeights = new ArrayList<>();
        List<PenaltyTerm> onBias = new ArrayList<>();
        for (PenaltyTerm p : penalties) {
            if (p.elementwise() == null || (p.mode() == PenaltyMode.COUPLED && !chain.isPlainSgd())) {
                return null;
            }
            if (p.term().target().covers(Role.WEIGHT)) {
                onWeights.add(p);
            }
            if (p.term().target().covers(Role.BIAS)) {
                onBias.add(p);
            }
        }
        if (onWeights.isEmpty() && rowCap == Double.POSITIVE_INFINITY) {
            return null;
        }
        DenseMatrix w = (DenseMatrix) parameters.get()[0];
        return LazyWeights.of(w.getDimension1Size(), w.getDimension2Size() - 1, onWeights, onBias, rowCap, spec);
    }

    /** Proximal and cumulative L1 would both claim the weights' thresholds; one L1 mode per spec. */
    private void refuseMixedL1Modes() {
        if (!hasMode(PenaltyMode.CUMULATIVE)) {
            return;
        }
        for (PenaltyTerm p : penalties) {
            ElasticForm form = p.mode() == PenaltyMode.PROXIMAL && p.elementwise() != null
                    ? ElasticForm.of(p.elementwise()) : null;
            if (form != null && form.l1 > 0) {
                throw new IllegalArgumentException("'" + spec + "' pays one L1 penalty cumulatively and soft-thresholds"
                        + " another (" + p.term().name() + " runs in mode=proximal): give "
                        + p.term().name() + " mode=cumulative too, or neither");
            }
        }
    }

    private boolean hasMode(PenaltyMode mode) {
        for (PenaltyTerm p : penalties) {
            if (p.mode() == mode) {
                return true;
            }
        }
        return false;
    }

    /**
     * One mini-batch: the penalties in their modes, the inner optimiser's step, the constraints. Returns the update
     * the trainer adds to the parameters.
     *
     * @throws DivergenceException if the gradient, the update or a caught-up weight is NaN or infinite
     */
    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        if (parameters == null) {
            throw new IllegalStateException("RegularizedOptimiser.step was called before initialise(Parameters);"
                    + " a Tribuo trainer calls initialise first");
        }
        long step = ++steps;
        if (layout == null) {
            requireFinite(gradients, "gradient", step);
            Tensor[] update = optimiser.step(gradients, weight);
            requireFinite(update, "update", step);
            return update;
        }
        if (lazy != null && parameters.get()[0] != live) {
            lazy.restart();   // the trainer set new weights (e.g. restored the best epoch's): they are exact
            installLiveMatrix();
        }
        boolean moves = !(scalesByWeight && weight == 0);
        double stepSize = rate.known() ? rate.at(step) * minibatchSize * minibatchSize : Double.NaN;
        if (lazy != null) {
            if (lazy.needsCatchUpAll()) {
                catchUp();
            }
            double h = moves ? stepSize : 0;
            if (lazy.canDefer(h) && isLazyGradient(gradients[0])) {
                return lazyStep(gradients, weight, h);
            }
            if (lazy.cumulative()) {
                throw new DivergenceException(step, spec, "the step coefficient " + h + " times the L2 part of"
                        + " the penalties reaches 1, which would flip the weights' signs and which mode=cumulative"
                        + " cannot take; lower the learning rate");
            }
            catchUp();
        }
        requireFinite(gradients, "gradient", step);
        Tensor[] update = eagerStep(gradients, weight, moves, stepSize);
        if (lazy != null) {
            lazy.stepTakenEagerly();
        }
        requireFinite(update, "update", step);
        return update;
    }

    /** Every weight at once: coupled, inner step, decoupled, proximal, constraints. */
    private Tensor[] eagerStep(Tensor[] gradients, double weight, boolean moves, double stepSize) {
        Tensor[] live = parameters.get();
        boolean after = moves && (hasMode(PenaltyMode.DECOUPLED) || hasMode(PenaltyMode.PROXIMAL));
        double[][] before = after ? readSlots(live) : null;
        if (moves) {
            addCoupledGradient(gradients, weight);
        }
        Tensor[] update = optimiser.step(gradients, weight);
        double[][] inner = averagingCorrection != null ? readSlots(update) : null;
        if (after) {
            applyDecoupledAndProximal(update, before, stepSize);
        }
        if (!constraints.isEmpty()) {
            project(update);
        }
        if (inner != null) {
            recordAveragingCorrection(inner, readSlots(update));
        }
        return update;
    }

    private double[][] readSlots(Tensor[] tensors) {
        List<ParameterSlot> slots = layout.slots();
        double[][] out = new double[slots.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = slots.get(i).readValues(tensors);
        }
        return out;
    }

    /** {@code G += -share·∇R(w)} over every slot a coupled penalty covers. */
    private void addCoupledGradient(Tensor[] gradients, double weight) {
        double share = coupledShare(weight);
        Tensor[] live = parameters.get();
        for (ParameterSlot slot : layout.slots()) {
            ParameterBlock w = null;
            double[] penaltyGradient = null;
            for (PenaltyTerm p : penalties) {
                if (p.mode() == PenaltyMode.COUPLED && p.covers(slot)) {
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

    /** {@code b²/ω̄} for optimisers that multiply by the weight, else {@code b²} (see the class javadoc). */
    private double coupledShare(double weight) {
        double b2 = (double) minibatchSize * minibatchSize;
        return scalesByWeight ? b2 / weight : b2;
    }

    /** {@code U -= s·Σ ∇R_decoupled(w)}, then {@code U = prox_s(w + U) - w}, per slot, {@code w} from before. */
    private void applyDecoupledAndProximal(Tensor[] update, double[][] before, double stepSize) {
        List<ParameterSlot> slots = layout.slots();
        for (int i = 0; i < slots.size(); i++) {
            ParameterSlot slot = slots.get(i);
            double[] decay = null;
            boolean proximal = false;
            for (PenaltyTerm p : penalties) {
                if (!p.covers(slot)) {
                    continue;
                }
                if (p.mode() == PenaltyMode.DECOUPLED) {
                    if (decay == null) {
                        decay = new double[slot.size()];
                    }
                    p.addGradient(new ParameterBlock(slot.name(), slot.role(), slot.rows(), slot.columns(),
                            before[i]), decay);
                }
                proximal |= p.mode() == PenaltyMode.PROXIMAL;
            }
            if (decay != null) {
                slot.dense(update);
                slot.add(update, decay, -stepSize);
            }
            if (proximal) {
                double[] v = slot.readValues(update);
                for (int k = 0; k < v.length; k++) {
                    v[k] += before[i][k];
                }
                ParameterBlock block = new ParameterBlock(slot.name(), slot.role(), slot.rows(), slot.columns(), v);
                for (PenaltyTerm p : penalties) {
                    if (p.mode() == PenaltyMode.PROXIMAL && p.covers(slot)) {
                        p.proximal(block, stepSize);
                    }
                }
                for (int k = 0; k < v.length; k++) {
                    v[k] -= before[i][k];
                }
                slot.dense(update);
                slot.write(update, v);
            }
        }
    }

    /**
     * Whether a gradient can be stepped lazily: a linear model's sparse gradient, with the bias column in every row
     * when a penalty covers the bias (its step is applied with the update, so the bias must be in it).
     */
    private boolean isLazyGradient(Tensor gradient) {
        if (gradient instanceof DenseMatrix && lazy.cumulative()) {
            return true;   // every weight is present; the debts live in the lazy engine only
        }
        if (!(gradient instanceof DenseSparseMatrix)) {
            return false;
        }
        if (lazy.penalizesBias()) {
            DenseSparseMatrix g = (DenseSparseMatrix) gradient;
            for (int r = 0; r < g.getDimension1Size(); r++) {
                SparseVector row = g.getRow(r);
                int n = row.numActiveElements();
                if (n == 0 || SparseRows.indices(row)[n - 1] != lazy.features()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The inner optimiser's step on the loss gradient alone, its update returned untouched: the penalties of this
     * step are applied when the trainer adds it to the {@link LiveMatrix}, fused with that pass (the
     * forward pass has already read the present weights caught up). Coupled terms take the decoupled form there,
     * the same step under plain SGD, the only optimiser lazy mode allows them with. Non-finite values are caught as
     * the update is added.
     */
    private Tensor[] lazyStep(Tensor[] gradients, double weight, double h) {
        Tensor[] update = optimiser.step(gradients, weight);
        boolean denseStep = gradients[0] instanceof DenseMatrix && update[0] instanceof DenseMatrix;
        if (!(update[0] instanceof DenseSparseMatrix) && !denseStep) {
            throw new IllegalStateException(optimiser + " turned a sparse gradient into a "
                    + update[0].getClass().getSimpleName() + ", so RegularizedOptimiser cannot tell which weights"
                    + " it moved; this is a bug in Rein's lazy mode, please report it with the optimiser");
        }
        lazy.record(h, update[0]);
        return update;
    }

    /**
     * Applies every penalty step the weights of absent features have missed, so that the live {@code Parameters}
     * are exact. Idempotent, cheap when nothing is pending, and training may continue afterwards. A no-op unless
     * lazy mode is on ({@link #isLazy()}).
     *
     * @throws DivergenceException if a caught-up weight is NaN or infinite
     */
    public void catchUp() {
        if (lazy == null) {
            return;
        }
        if (parameters.get()[0] != live) {
            lazy.restart();   // new weights were set since the last step: they are exact
            return;
        }
        live.catchUpAll();
    }

    private void recordAveragingCorrection(double[][] inner, double[][] actual) {
        for (int i = 0; i < inner.length; i++) {
            double[] correction = averagingCorrection[i];
            for (int k = 0; k < correction.length; k++) {
                correction[k] += steps * (actual[i][k] - inner[i][k]);
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

    /** Throws at the first NaN or infinite value of {@code tensors}; O(stored values). */
    private void requireFinite(Tensor[] tensors, String what, long step) {
        for (int t = 0; t < tensors.length; t++) {
            String bad = firstNonFinite(tensors[t]);
            if (bad != null) {
                throw new DivergenceException(step, spec, "the " + what + " of tensor " + t + " " + bad);
            }
        }
    }

    private static String firstNonFinite(Tensor t) {
        if (t instanceof DenseSparseMatrix) {
            return SparseRows.firstNonFinite((DenseSparseMatrix) t);
        } else if (t instanceof Matrix) {
            Matrix m = (Matrix) t;
            for (int r = 0; r < m.getDimension1Size(); r++) {
                for (int c = 0; c < m.getDimension2Size(); c++) {
                    double v = m.get(r, c);
                    if (!Double.isFinite(v)) {
                        return "at (" + r + ", " + c + ") is " + v;
                    }
                }
            }
        } else if (t instanceof SparseVector || t instanceof DenseVector) {
            for (VectorTuple e : (SGDVector) t) {
                if (!Double.isFinite(e.value)) {
                    return "at " + e.index + " is " + e.value;
                }
            }
        }
        return null;
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

    /**
     * Catches the lazy penalties up ({@link #catchUp()}), finalises the inner optimiser, and under
     * ParameterAveraging completes the average with what Rein added to each step.
     */
    @Override
    public void finalise() {
        catchUp();
        if (lazy != null && parameters.get()[0] == live) {
            parameters.set(new Tensor[] {new DenseMatrix(live)});   // the model gets a plain matrix
        }
        optimiser.finalise();
        if (averagingCorrection != null && steps > 0) {
            Tensor[] live = parameters.get();
            List<ParameterSlot> slots = layout.slots();
            for (int i = 0; i < slots.size(); i++) {
                slots.get(i).add(live, averagingCorrection[i], -1.0 / steps);
            }
        }
    }

    @Override
    public void reset() {
        optimiser.reset();
        parameters = null;
        layout = null;
        lazy = null;
        live = null;
        averagingCorrection = null;
        steps = 0;
    }

    /** A fresh copy: a copy of the inner optimiser, the same (stateless) hooks, no parameters. */
    @Override
    public RegularizedOptimiser copy() {
        return withMinibatchSize(minibatchSize);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return "RegularizedOptimiser(optimiser=" + optimiser + ",minibatchSize=" + minibatchSize + ",spec=" + spec
                + (modes.isEmpty() ? "" : ",modes=" + modes) + ")";
    }
}
