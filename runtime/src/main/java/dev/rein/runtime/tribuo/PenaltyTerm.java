package dev.rein.runtime.tribuo;

import dev.rein.api.hook.BlockPenalty;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.Regularization;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec term that adds {@code R(w)} to the objective, element-wise or over a whole block, seen through one
 * interface: its value and its gradient on a block, and which roles it covers.
 */
final class PenaltyTerm {
    private final BoundTerm term;
    private final ElementwisePenalty elementwise;
    private final BlockPenalty block;

    private PenaltyTerm(BoundTerm term) {
        this.term = term;
        this.elementwise = term.hook() instanceof ElementwisePenalty ? (ElementwisePenalty) term.hook() : null;
        this.block = term.hook() instanceof BlockPenalty ? (BlockPenalty) term.hook() : null;
    }

    /** The {@link Kind#PENALTY} and {@link Kind#BLOCK_PENALTY} terms of {@code regularization}, in spec order. */
    static List<PenaltyTerm> of(Regularization regularization) {
        List<PenaltyTerm> out = new ArrayList<>();
        for (BoundTerm t : regularization.terms()) {
            if (t.kind() == Kind.PENALTY || t.kind() == Kind.BLOCK_PENALTY) {
                out.add(new PenaltyTerm(t));
            }
        }
        return out;
    }

    BoundTerm term() {
        return term;
    }

    boolean covers(ParameterSlot slot) {
        return term.target().covers(slot.role());
    }

    /** {@code R(block)}. */
    double value(ParameterBlock b) {
        return elementwise != null ? elementwise.value(b.values(), 0, b.values().length) : block.value(b);
    }

    /** {@code gradient += dR/dw(block)}. */
    void addGradient(ParameterBlock b, double[] gradient) {
        if (elementwise != null) {
            elementwise.addGradient(b.values(), 0, b.values().length, gradient, 1.0);
        } else {
            block.addGradient(b, gradient, 1.0);
        }
    }
}
