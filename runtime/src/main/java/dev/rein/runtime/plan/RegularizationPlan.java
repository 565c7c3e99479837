package dev.rein.runtime.plan;

import dev.rein.api.spi.Kind;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A spec bound to an optimiser: what each term does at each step, decided once and independent of Tribuo's
 * tensors. It holds the penalties with the modes they run in ({@code mode=auto} resolved), the constraints in spec
 * order, the step size {@code s_t = η_t·b²} read from the optimiser, and the share of each step's gradient that
 * belongs to the penalty. Building it refuses what cannot be right with a {@link RegularizationRefusedException}
 * whose message says what to do instead.
 * The linear trainers' optimiser adapter, the factorization machines and a network's layers all apply the same
 * plan to their parameter blocks.
 *
 * <pre>{@code
 * OptimiserProfile sgd = new OptimiserProfile("SGD", Family.SGD, "SGD", false, false, true,
 *         StepSchedule.sqrt(0.1));
 * RegularizationPlan plan = RegularizationPlan.of(regularization, sgd, 8);   // "l1(lambda=1e-4) + max_norm(c=3)"
 * plan.modes();          // "l1=proximal"
 * plan.stepSize(4);      // 0.1 / √4 · 8² = 3.2
 * plan.describe();       // ["l1: mode=auto chose proximal penalty on weights", "max_norm: constraint ..."]
 * RegularizationPlan run = plan.forRun();   // the same plan with hooks of its own, for one training run
 * }</pre>
 *
 * <p>The objective, the share of each step and the modes are derived in the package documentation.
 */
public final class RegularizationPlan {
    private final Regularization regularization;
    private final OptimiserProfile optimiser;
    private final int minibatchSize;
    private final List<PenaltyTerm> penalties;
    private final List<BoundTerm> constraints;
    private final String modes;

    private RegularizationPlan(Regularization regularization, OptimiserProfile optimiser, int minibatchSize,
            List<PenaltyTerm> penalties, List<BoundTerm> constraints) {
        this.regularization = regularization;
        this.optimiser = optimiser;
        this.minibatchSize = minibatchSize;
        this.penalties = List.copyOf(penalties);
        this.constraints = List.copyOf(constraints);
        List<String> modeList = new ArrayList<>();
        for (PenaltyTerm p : penalties) {
            modeList.add(p.term().name() + "=" + p.mode().specName());
        }
        this.modes = String.join(", ", modeList);
    }

    /**
     * Binds {@code regularization} to {@code optimiser} for a trainer whose mini-batches hold
     * {@code minibatchSize} examples.
     *
     * @throws IllegalArgumentException        if {@code minibatchSize < 1} (tagged {@code plan-minibatch-size})
     * @throws RegularizationRefusedException if a term cannot run under this optimiser (Pegasos and AdaGradRDA with
     *                                        any penalty or constraint, a mode the optimiser cannot do correctly,
     *                                        layer plugins outside a network, proximal and cumulative L1 in one
     *                                        spec)
     */
    public static RegularizationPlan of(Regularization regularization, OptimiserProfile optimiser,
            int minibatchSize) {
        Objects.requireNonNull(regularization, "regularization");
        Objects.requireNonNull(optimiser, "optimiser");
        if (minibatchSize < 1) {
            throw new IllegalArgumentException(PlanMessages.minibatchSize(minibatchSize).toString());
        }
        List<PenaltyTerm> penalties = new ArrayList<>();
        boolean cumulativeByDefault = AdaGradCumulative.byDefault(regularization, optimiser);
        for (BoundTerm term : regularization.terms()) {
            refuseWhatCannotRun(term, optimiser);
            if (isPenalty(term.kind())) {
                penalties.add(new PenaltyTerm(term, ModeChoice.resolve(term, optimiser, cumulativeByDefault)));
            }
        }
        refuseMixedL1Modes(regularization.toSpec(), penalties);
        AdaGradCumulative.requireWholeSpec(regularization, optimiser, penalties);
        return new RegularizationPlan(regularization, optimiser, minibatchSize, penalties,
                regularization.terms(Kind.CONSTRAINT));
    }

    private static boolean isPenalty(Kind kind) {
        return kind == Kind.PENALTY || kind == Kind.BLOCK_PENALTY;
    }

    private static void refuseWhatCannotRun(BoundTerm term, OptimiserProfile optimiser) {
        Kind kind = term.kind();
        if (kind == Kind.ACTIVATION || kind == Kind.NORMALIZATION) {
            throw new RegularizationRefusedException(PlanMessages.layerNeedsNetwork(term.name(), kind));
        }
        boolean penalty = isPenalty(kind);
        if (!penalty && kind != Kind.CONSTRAINT) {
            return;   // stopping rules belong to the trainer's epoch loop
        }
        if (optimiser.family() == OptimiserProfile.Family.PEGASOS) {
            throw new RegularizationRefusedException(penalty
                    ? PlanMessages.pegasosPenalty(term.name(), optimiser.description())
                    : PlanMessages.pegasosConstraint(term.name(), optimiser.description()));
        }
        if (optimiser.family() == OptimiserProfile.Family.FTRL && !penalty) {
            throw new RegularizationRefusedException(PlanMessages.ftrlConstraint(term.name(),
                    optimiser.description()));
        }
        if (optimiser.family() == OptimiserProfile.Family.ADAGRAD_RDA) {
            throw new RegularizationRefusedException(PlanMessages.adaGradRda(term.name(), penalty,
                    optimiser.description()));
        }
    }

    /** Proximal and cumulative L1 would both claim the weights' thresholds: one L1 mode per spec. */
    private static void refuseMixedL1Modes(String spec, List<PenaltyTerm> penalties) {
        if (penalties.stream().noneMatch(p -> p.mode() == PenaltyMode.CUMULATIVE)) {
            return;
        }
        for (PenaltyTerm p : penalties) {
            ElasticForm form = p.mode() == PenaltyMode.PROXIMAL && p.elementwise() != null
                    ? ElasticForm.of(p.elementwise()) : null;
            if (form != null && form.l1 > 0) {
                throw new RegularizationRefusedException(PlanMessages.mixedL1Modes(spec, p.term().name()));
            }
        }
    }

    /**
     * The same plan with every hook built afresh from its plugin: one training run's own, so that two runs at once
     * (one trainer, two threads) never share a hook's state.
     */
    public RegularizationPlan forRun() {
        List<PenaltyTerm> fresh = new ArrayList<>();
        for (PenaltyTerm p : penalties) {
            fresh.add(p.forRun());
        }
        List<BoundTerm> freshConstraints = new ArrayList<>();
        for (BoundTerm c : constraints) {
            freshConstraints.add(c.forRun());
        }
        return new RegularizationPlan(regularization, optimiser, minibatchSize, fresh, freshConstraints);
    }

    /** The bound spec. */
    public Regularization regularization() {
        return regularization;
    }

    /** The spec in canonical form, for messages and provenance. */
    public String spec() {
        return regularization.toSpec();
    }

    /** The optimiser the plan was bound to. */
    public OptimiserProfile optimiser() {
        return optimiser;
    }

    /** The trainer's mini-batch size the penalty shares are scaled for. */
    public int minibatchSize() {
        return minibatchSize;
    }

    /** The penalties in spec order, each with its resolved mode. */
    public List<PenaltyTerm> penalties() {
        return penalties;
    }

    /** The constraints in spec order: each projects the weights after every step. */
    public List<BoundTerm> constraints() {
        return constraints;
    }

    /** Whether the plan has nothing to apply to the parameters (no penalty, no constraint). */
    public boolean isEmpty() {
        return penalties.isEmpty() && constraints.isEmpty();
    }

    /** Whether some penalty runs in {@code mode}. */
    public boolean has(PenaltyMode mode) {
        for (PenaltyTerm p : penalties) {
            if (p.mode() == mode) {
                return true;
            }
        }
        return false;
    }

    /** The resolved mode of each penalty, in spec order: {@code "l1=proximal, l2=decoupled"}. */
    public String modes() {
        return modes;
    }

    /**
     * What each term does, for people, with the reason for a mode auto chose:
     * {@code ["l1: mode=auto chose proximal penalty on weights (a proximal step of the step size; ...)"]}.
     */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (PenaltyTerm p : penalties) {
            boolean auto = p.term().mode() == PenaltyMode.AUTO;
            out.add(p.term().name() + ": " + (auto ? "mode=auto chose " : "") + p.mode().specName() + " penalty on "
                    + p.term().target().specName() + (auto ? " (" + AutoModeReason.of(p.mode(), optimiser) + ")" : ""));
        }
        for (BoundTerm c : constraints) {
            out.add(c.name() + ": constraint after each step on " + c.target().specName());
        }
        return out;
    }

    /** Whether the optimiser's learning rate is known, so that {@link #stepSize} is a number. */
    public boolean knowsStepSize() {
        return optimiser.schedule().known();
    }

    /**
     * {@code s_t = η_t·b²}: the coefficient of {@code ∇R} in step {@code t}'s decoupled decay, and the size of its
     * proximal step; NaN when the rate is unknown.
     */
    public double stepSize(long step) {
        return knowsStepSize() ? optimiser.schedule().at(step) * minibatchSize * minibatchSize : Double.NaN;
    }

    /**
     * Whether a step with mean example weight {@code weight} moves the parameters at all: an optimiser that scales
     * by the weight moves nothing at weight 0, and then no penalty is applied either.
     */
    public boolean moves(double weight) {
        return !(optimiser.scalesByWeight() && weight == 0);
    }

    /**
     * The factor a coupled penalty's gradient gets before it joins the loss gradient: {@code b²/ω̄} for an optimiser
     * that multiplies by the weight {@code ω̄}, else {@code b²}.
     */
    public double coupledShare(double weight) {
        double b2 = (double) minibatchSize * minibatchSize;
        return optimiser.scalesByWeight() ? b2 / weight : b2;
    }

    @Override
    public String toString() {
        return "RegularizationPlan(" + spec() + (modes.isEmpty() ? "" : "; " + modes) + "; "
                + optimiser.description() + "; b=" + minibatchSize + ")";
    }
}
