package dev.rein.runtime.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import dev.rein.runtime.optim.ReinAdaGrad;
import dev.rein.runtime.optim.ReinFtrl;
import dev.rein.runtime.plan.RegularizationPlan;
import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

/**
 * Puts a spec's penalties and constraints into any Tribuo SGD trainer by wrapping its optimiser, the way Tribuo's
 * {@code ParameterAveraging} wraps one: an adapter from Tribuo's {@code StochasticGradientOptimiser} to a
 * {@link RegularizationPlan}.
 *
 * <pre>{@code
 * Regularization reg = SpecBinder.bind("l1(lambda=1e-4) + max_norm(c=3)", PluginRegistry.shared());
 * int batch = 8;              // the trainer's mini-batch size, given to both
 * var optimiser = new RegularizedOptimiser(SGD.getSimpleSGD(0.01), reg, batch);
 * var trainer = new LinearSGDTrainer(new SquaredLoss(), optimiser, 50, -1, batch, 1L);
 * LinearSGDModel model = trainer.train(data);   // minimises mean loss + 1e-4·‖w‖₁, keeps every ‖row‖ <= 3
 * optimiser.describe();   // ["l1: mode=auto chose proximal penalty on weights", "max_norm: constraint ..."]
 * }</pre>
 *
 * <p>What training minimises, each step's penalty share, the modes and what each optimiser allows are the plan's
 * (see {@link dev.rein.runtime.plan}). This class binds the plan (from OLCUT's {@code spec} or a bound
 * {@link Regularization}), and for each run ({@code initialise} to {@code reset}) builds the plan's hooks afresh and
 * picks how to apply it:
 * <ul>
 *   <li>a linear model on sparse data, under a plan the lazy engine takes: {@link LazyEngines} picks the history,
 *       and a {@link LiveMatrix} replaces the weight tensor; {@code step} then returns the inner update untouched
 *       and the penalties happen, O(non-zeros), as the trainer adds it;</li>
 *   <li>otherwise {@link EagerStep}, O(parameters) per step, with {@link AveragingCorrection} under
 *       ParameterAveraging (wrap it inside: {@code new RegularizedOptimiser(new ParameterAveraging(sgd), reg, b)}; do
 *       not wrap this class in ParameterAveraging, whose {@code finalise} never calls the inner one).</li>
 * </ul>
 * Every step's gradient and update pass {@link NonFiniteScan}; a NaN or infinity throws a
 * {@link TrainingDivergedException} that names the step and the spec.
 *
 * <p>Tribuo's {@code AdaGrad} keeps its per-weight state private, so this class runs it as Rein's drop-in
 * {@code ReinAdaGrad} with the same settings ({@link DropInOptimisers}; the updates are the same to the bit), and a
 * proximal penalty under it takes each weight's own step size: {@code l1} gives exact zeros under Tribuo's default
 * optimiser too.
 *
 * <p>A spec with a stopping rule ({@code early_stopping}) is refused here: only Rein's trainers, which own the
 * epoch loop, can follow one (they give this class the spec without it).
 *
 * <p>For a trainer that owns the epoch loop: {@link #withMinibatchSize(int)} (a fresh copy for its batch size),
 * {@link #catchUp()} (makes the live parameters exact before they are read or copied; idempotent; to restore
 * weights, {@code parameters.set(copies)}: Rein takes them as exact), {@link #steps()}.
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

    private RegularizationPlan plan;
    /**
     * The system property that makes every {@code RegularizedOptimiser} created afterwards take every penalty step at
     * every weight on every step ({@code -Drein.exact=true}, or {@code rein train --exact}): no lazy catch-up, no
     * carried steps, no dense windows. Slower on sparse data by the ratio of features to non-zeros; for checking
     * what the lazy path gives against the steps themselves.
     */
    public static final String EXACT_PROPERTY = "rein.exact";
    private static final Logger LOG = Logger.getLogger(RegularizedOptimiser.class.getName());

    /** Never use lazy updates ({@link #EXACT_PROPERTY}; tests set it directly). */
    boolean eagerOnly = Boolean.getBoolean(EXACT_PROPERTY);
    /** For tests and measurements: the missed steps a present weight may carry under {@link ReplayEngine}. */
    int deferSteps = ReplayEngine.DEFER_STEPS;
    /** Whether a lazy run whose replays cost more than eager steps switches to them (tests of replay turn it off). */
    boolean eagerWhenReplaysCostly = true;
    /** False when the trainer checks each update as it adds it ({@link #checkedByCaller()}). */
    private boolean scans = true;

    // One run's state, from initialise to reset.
    /** The optimiser this run steps with: the inner one, or under AdaGrad with mode=cumulative its FTRL form. */
    private StochasticGradientOptimiser running;
    private Parameters parameters;
    private long steps;
    /** The factor of the learning rate for the next steps ({@link #scaleRate}); 1 unless a trainer schedules it. */
    private double rateFactor = 1.0;
    private EagerStep eager;
    private AveragingCorrection averaging;
    private LazyStep lazy;

    /** For OLCUT. */
    private RegularizedOptimiser() {
    }

    /**
     * Wraps {@code optimiser} for a trainer with mini-batches of one example.
     *
     * @throws RegularizationRefusedException if the regularization asks for something the plan refuses
     */
    public RegularizedOptimiser(StochasticGradientOptimiser optimiser, Regularization regularization) {
        this(optimiser, regularization, 1);
    }

    /**
     * Wraps {@code optimiser} for a trainer whose {@code minibatchSize} is {@code minibatchSize}.
     *
     * @throws IllegalArgumentException        if {@code minibatchSize < 1}
     * @throws RegularizationRefusedException if the regularization asks for something the plan refuses, or has a
     *                                        stopping rule (tagged {@code tribuo-stopping-rule-needs-trainer})
     */
    public RegularizedOptimiser(StochasticGradientOptimiser optimiser, Regularization regularization,
            int minibatchSize) {
        this.optimiser = DropInOptimisers.of(Objects.requireNonNull(optimiser, "optimiser"));
        this.minibatchSize = minibatchSize;
        bind(Objects.requireNonNull(regularization, "regularization"));
    }

    /**
     * Wraps {@code optimiser} with {@code spec} bound against {@code registry} (rather than the shared registry a
     * configuration file binds against).
     *
     * @throws dev.rein.runtime.spec.SpecException if the spec does not parse or bind, with its column
     * @throws RegularizationRefusedException     if the plan refuses it
     */
    public RegularizedOptimiser(StochasticGradientOptimiser optimiser, String spec, PluginRegistry registry,
            int minibatchSize) {
        this(optimiser, SpecBinder.bind(spec, Objects.requireNonNull(registry, "registry")), minibatchSize);
    }

    /** OLCUT calls this after setting the {@code @Config} fields. */
    @Override
    public void postConfig() {
        String configured = modes;
        optimiser = DropInOptimisers.of(optimiser);
        // A configuration file names the spec as text: resolve it against the plugins this JVM can see.
        bind(SpecBinder.bind(spec, PluginRegistry.shared()));
        if (!configured.isEmpty() && !configured.equals(modes)) {
            throw new IllegalStateException(TribuoMessages.modesMismatch(configured, spec, modes).toString());
        }
    }

    private void bind(Regularization regularization) {
        StoppingRuleRefusal.check(regularization);
        this.plan = RegularizationPlan.of(regularization, OptimiserChain.of(optimiser).profile(optimiser.toString()),
                minibatchSize);
        this.spec = plan.spec();
        this.modes = plan.modes();
    }

    /** The regularization this optimiser applies. */
    public Regularization regularization() {
        return plan.regularization();
    }

    /** The plan: the terms with their modes, bound to this optimiser. */
    public RegularizationPlan plan() {
        return plan;
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
        RegularizedOptimiser copy = new RegularizedOptimiser(optimiser.copy(), plan.regularization(),
                minibatchSize);
        copy.eagerOnly = eagerOnly;
        copy.deferSteps = deferSteps;
        copy.eagerWhenReplaysCostly = eagerWhenReplaysCostly;
        copy.scans = scans;
        return copy;
    }

    /**
     * For a trainer that checks every value of each update as it adds it to the parameters (one pass it makes
     * anyway): {@code step} then skips its own scans of the gradient and the update, and the trainer reports a
     * non-finite update through {@link #nonFiniteUpdate}. A non-finite gradient still shows, in the update the inner
     * optimiser makes of it. Returns this optimiser.
     */
    public RegularizedOptimiser checkedByCaller() {
        this.scans = false;
        return this;
    }

    /**
     * The divergence to throw when the update of the last step holds a NaN or infinity, found in {@code update}
     * (as from {@link #checkedByCaller()}'s trainer); if every value of it is finite, the divergence names the step
     * without a place.
     */
    public TrainingDivergedException nonFiniteUpdate(Tensor[] update) {
        return NonFiniteScan.first(update)
                .map(f -> TrainingDivergedException.atStep(steps, spec,
                        TribuoMessages.nonFinite("update", f.tensor(), f.where(), f.value())))
                .orElseGet(() -> TrainingDivergedException.atStep(steps, spec,
                        TribuoMessages.nonFiniteSum("update")));
    }

    /**
     * Whether {@link #scaleRate} is allowed: the inner optimiser's update is proportional to its learning rate
     * ({@link dev.rein.runtime.plan.OptimiserProfile#updateScalesWithRate()}) and the plan does not run in a form
     * that keeps the weights itself (FTRL, {@code mode=cumulative}).
     */
    public boolean acceptsRateSchedule() {
        return plan.optimiser().updateScalesWithRate() && !plan.has(PenaltyMode.CUMULATIVE);
    }

    /**
     * For a trainer with a learning-rate schedule: the following steps run at {@code factor} times the optimiser's
     * configured rate. The inner optimiser's update is multiplied by {@code factor} (exactly a step at that rate for
     * the optimisers {@link #acceptsRateSchedule()} allows), and so are the step size of decoupled decays and
     * proximal steps (AdamW's convention: the decay follows the scheduled rate). Set it before each step; it goes
     * back to 1 at {@code initialise}.
     *
     * @throws IllegalArgumentException if {@code factor} is not finite and above 0
     * @throws IllegalStateException    if the optimiser does not {@link #acceptsRateSchedule() accept} a schedule
     *                                  (tagged {@code tribuo-rate-schedule-refused}), or the plan runs lazily
     */
    public void scaleRate(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(TribuoMessages.rateFactor(factor).toString());
        }
        if (factor != 1.0 && (!acceptsRateSchedule() || lazy != null)) {
            throw new IllegalStateException(TribuoMessages.rateScheduleRefused(optimiser.toString(), spec)
                    .toString());
        }
        this.rateFactor = factor;
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
        return plan.describe();
    }

    /** Whether the current training catches the penalties of absent features up lazily (after initialise). */
    public boolean isLazy() {
        return lazy != null || running instanceof ReinFtrl;   // FTRL's closed form is lazy by construction
    }

    /**
     * Keeps {@code parameters} (their tensors are read at every step), initialises the inner optimiser, builds this
     * run's hooks and decides whether the plan can be applied lazily.
     *
     * @throws IllegalArgumentException        if the parameters are not a layout Rein knows and there is
     *                                        something to apply
     * @throws RegularizationRefusedException if {@code mode=cumulative} cannot run lazily here
     * @throws IllegalStateException          if the inner optimiser replaced the tensors by types whose update does
     *                                        more than add
     */
    @Override
    public void initialise(Parameters parameters) {
        this.running = plan.has(PenaltyMode.CUMULATIVE) && optimiser instanceof ReinAdaGrad
                ? ((ReinAdaGrad) optimiser).ftrlForm() : optimiser;
        running.initialise(parameters);
        this.parameters = parameters;
        this.steps = 0;
        this.rateFactor = 1.0;
        this.eager = null;
        this.averaging = null;
        this.lazy = null;
        if (plan.isEmpty()) {
            return;
        }
        RegularizationPlan run = plan.forRun();
        ParameterLayout layout = ParameterLayout.of(parameters);
        if (running instanceof ReinFtrl) {
            ((ReinFtrl) running).addPenalty(FtrlPenalty.of(run, layout));
            return;   // FTRL (or AdaGrad in its form) applies the whole plan in its closed form: no step of Rein's own
        }
        Tensor[] tensors = parameters.get();
        if (!layout.isPlainDense(tensors)) {
            throw new IllegalStateException(TribuoMessages.tensorsReplaced(spec, optimiser, layout.describe(),
                    Tensors.typeNames(tensors)).toString());
        }
        this.eager = new EagerStep(run, layout, parameters, optimiser);
        if (run.optimiser().averaged() && (run.has(PenaltyMode.DECOUPLED) || !run.constraints().isEmpty())) {
            this.averaging = new AveragingCorrection(layout);
        }
        LazyEngine engine = null;
        if (!eagerOnly && parameters instanceof LinearParameters) {
            DenseMatrix w = (DenseMatrix) tensors[0];
            engine = LazyEngines.choose(run, w.getDimension1Size(), w.getDimension2Size() - 1, optimiser);
            if (engine instanceof ReplayEngine replay) {
                replay.deferringUpTo(deferSteps);
            }
        }
        if (engine == null && run.has(PenaltyMode.CUMULATIVE)) {
            throw new RegularizationRefusedException(TribuoMessages.cumulativeNeedsLazy(spec));
        }
        if (engine != null) {
            this.lazy = new LazyStep(engine, parameters, optimiser, spec);
        }
    }

    /**
     * One mini-batch: the plan's penalties in their modes, the inner optimiser's step, the constraints. Returns the
     * update the trainer adds to the parameters.
     *
     * @throws TrainingDivergedException if the gradient, the update or a caught-up weight is NaN or infinite
     */
    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        if (parameters == null) {
            throw new IllegalStateException(TribuoMessages.stepBeforeInitialise().toString());
        }
        long step = ++steps;
        if (eager == null) {
            requireFinite(gradients, "gradient", step);
            return requireFinite(Tensors.scaled(running.step(gradients, weight), rateFactor), "update", step);
        }
        double stepSize = plan.stepSize(step) * rateFactor;
        if (lazy != null && eagerWhenReplaysCostly && lazy.costsMoreThanEager()) {
            // every weight exact as of the last step, a plain matrix back, and eager steps from this one on
            lazy.finish();
            lazy = null;
            LOG.warning(TribuoMessages.replaysCostMoreThanEager(spec, step).toString());
        }
        if (lazy != null) {
            Tensor[] update = lazy.step(gradients, weight, plan.moves(weight) ? stepSize : 0, step);
            if (update != null) {
                return update;   // non-finite values are caught as the trainer adds it to the live matrix
            }
        }
        requireFinite(gradients, "gradient", step);
        Tensor[] update = eager.step(gradients, weight, stepSize, rateFactor, averaging);
        if (lazy != null) {
            lazy.steppedEagerly();
        }
        return requireFinite(update, "update", step);
    }

    /**
     * Applies every penalty step the weights of absent features have missed, so that the live {@code Parameters}
     * are exact. Idempotent, cheap when nothing is pending, and training may continue afterwards. A no-op unless
     * lazy mode is on ({@link #isLazy()}).
     *
     * @throws TrainingDivergedException if a caught-up weight is NaN or infinite
     */
    public void catchUp() {
        if (lazy != null) {
            lazy.catchUp();
        }
    }

    private Tensor[] requireFinite(Tensor[] tensors, String what, long step) {
        if (!scans) {
            return tensors;
        }
        Optional<NonFiniteScan.Found> bad = NonFiniteScan.first(tensors);
        if (bad.isPresent()) {
            NonFiniteScan.Found f = bad.get();
            throw TrainingDivergedException.atStep(step, spec,
                    TribuoMessages.nonFinite(what, f.tensor(), f.where(), f.value()));
        }
        return tensors;
    }

    /**
     * Catches the lazy penalties up ({@link #catchUp()}), finalises the inner optimiser, and under
     * ParameterAveraging completes the average with what Rein added to each step.
     */
    @Override
    public void finalise() {
        if (lazy != null) {
            lazy.finish();   // every weight exact, and the model gets a plain matrix
        }
        (running != null ? running : optimiser).finalise();
        if (averaging != null) {
            averaging.apply(parameters.get());
        }
    }

    @Override
    public void reset() {
        if (running != null && running != optimiser) {
            running.reset();
        }
        optimiser.reset();
        running = null;
        parameters = null;
        eager = null;
        averaging = null;
        lazy = null;
        steps = 0;
    }

    /** A fresh copy: a copy of the inner optimiser, the same plan, no parameters. */
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
