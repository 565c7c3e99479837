package dev.rein.runtime.plan;

import dev.rein.api.hook.BlockPenalty;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A spec term that adds {@code R(w)} to the objective, element-wise or over a whole block, seen through one
 * interface: its value, gradient and proximal step on a block, which roles it covers, and the mode it is applied
 * in (a {@link RegularizationPlan} resolves it for training; {@link #of} keeps the spec's, for evaluating
 * {@code R} only).
 *
 * <pre>{@code
 * for (PenaltyTerm p : plan.penalties()) {
 *     if (p.mode() == PenaltyMode.DECOUPLED && p.covers(Role.WEIGHT)) {
 *         p.addGradient(block, decay);   // decay += dR/dw
 *     }
 * }
 * }</pre>
 */
public final class PenaltyTerm {
    private final BoundTerm term;
    private final PenaltyMode mode;
    private final ElementwisePenalty elementwise;
    private final BlockPenalty block;
    private final boolean decayStopsAtZero;

    /**
     * @throws IllegalArgumentException if {@code term} is not a penalty
     */
    public PenaltyTerm(BoundTerm term, PenaltyMode mode) {
        if (term.kind() != Kind.PENALTY && term.kind() != Kind.BLOCK_PENALTY) {
            throw new IllegalArgumentException(PlanMessages.notAPenalty(term.name(), term.kind()).toString());
        }
        this.term = term;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.elementwise = term.hook() instanceof ElementwisePenalty ? (ElementwisePenalty) term.hook() : null;
        this.block = term.hook() instanceof BlockPenalty ? (BlockPenalty) term.hook() : null;
        this.decayStopsAtZero = mode == PenaltyMode.DECOUPLED && elementwise != null && !shrinksLikeL2(elementwise);
    }

    /** The penalty terms of {@code regularization} in spec order, modes as written, for evaluating {@code R}. */
    public static List<PenaltyTerm> of(Regularization regularization) {
        List<PenaltyTerm> out = new ArrayList<>();
        for (BoundTerm t : regularization.terms()) {
            if (t.kind() == Kind.PENALTY || t.kind() == Kind.BLOCK_PENALTY) {
                out.add(new PenaltyTerm(t, t.mode()));
            }
        }
        return out;
    }

    /** The spec term, with the hook this run uses. */
    public BoundTerm term() {
        return term;
    }

    /** The mode the penalty runs in: never {@code AUTO} once a plan resolved it. */
    public PenaltyMode mode() {
        return mode;
    }

    /** The element-wise hook, or null for a block penalty. */
    public ElementwisePenalty elementwise() {
        return elementwise;
    }

    /** Whether a term's hook has a proximal operator, element-wise or for a block. */
    public static boolean hasProximal(BoundTerm term) {
        Object hook = term.hook();
        return hook instanceof ElementwisePenalty ? ((ElementwisePenalty) hook).hasProximal()
                : hook instanceof BlockPenalty && ((BlockPenalty) hook).hasProximal();
    }

    /** Whether the term applies to parameters of {@code role} (its {@code on} option). */
    public boolean covers(Role role) {
        return term.target().covers(role);
    }

    /** The same term and mode with a hook of its own, built afresh from the plugin, for one training run. */
    PenaltyTerm forRun() {
        return new PenaltyTerm(term.forRun(), mode);
    }

    /** {@code R(block)}. */
    public double value(ParameterBlock b) {
        return elementwise != null ? elementwise.value(b.values(), 0, b.values().length) : block.value(b);
    }

    /** {@code gradient += dR/dw(block)}. */
    public void addGradient(ParameterBlock b, double[] gradient) {
        if (elementwise != null) {
            elementwise.addGradient(b.values(), 0, b.values().length, gradient, 1.0);
        } else {
            block.addGradient(b, gradient, 1.0);
        }
    }

    /**
     * Whether this term, decoupled, must not carry a weight across zero: its decay {@code s·R'(w)} does not shrink
     * with the weight (L1's is {@code s·λ·sign(w)}), so a step could overshoot zero, where a proximal step would
     * stop. L2-like terms ({@code (λ/2)w²}, decay proportional to {@code w}) never need it.
     */
    public boolean decayStopsAtZero() {
        return decayStopsAtZero;
    }

    private static boolean shrinksLikeL2(ElementwisePenalty p) {
        ElasticForm form = ElasticForm.of(p);
        return form != null && form.l1 == 0;
    }

    /** {@code values[k] = prox(values[k])} with step {@code steps[k]}: an element-wise term's own step per weight. */
    public void proximal(double[] values, double[] steps) {
        if (elementwise == null) {
            throw new IllegalStateException(PlanMessages.blockProxNeedsOneStep(term.name()).toString());
        }
        for (int k = 0; k < values.length; k++) {
            values[k] = elementwise.proximal(values[k], steps[k]);
        }
    }

    /** Replaces the block's values by {@code prox_{step·R}} of them. */
    public void proximal(ParameterBlock b, double step) {
        if (elementwise != null) {
            elementwise.proximal(b.values(), 0, b.values().length, step);
        } else {
            block.proximal(b, step);
        }
    }
}
