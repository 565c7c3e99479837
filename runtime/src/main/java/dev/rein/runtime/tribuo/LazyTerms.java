package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.plan.PenaltyTerm;
import dev.rein.runtime.spec.PenaltyMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The element-wise penalties on one kind of parameter (the weights, or the bias column) as the lazy engine applies
 * them at each step: gradient terms (coupled and decoupled, the same step under plain SGD, the only optimiser lazy
 * mode allows coupled terms with) inside, proximal and cumulative terms outside, in spec order.
 *
 * @param gradients the hooks whose gradient is stepped along
 * @param proximals the hooks whose proximal operator is applied (or whose L1 part is paid cumulatively)
 * @param paidCumulatively per proximal hook, whether it runs in {@code mode=cumulative}
 */
record LazyTerms(ElementwisePenalty[] gradients, ElementwisePenalty[] proximals, boolean[] paidCumulatively) {
    static LazyTerms of(List<PenaltyTerm> terms) {
        List<ElementwisePenalty> gradients = new ArrayList<>();
        List<ElementwisePenalty> proximals = new ArrayList<>();
        List<Boolean> cumulative = new ArrayList<>();
        for (PenaltyTerm t : terms) {
            boolean threshold = t.mode() == PenaltyMode.PROXIMAL || t.mode() == PenaltyMode.CUMULATIVE;
            if (threshold) {
                proximals.add(t.elementwise());
                cumulative.add(t.mode() == PenaltyMode.CUMULATIVE);
            } else {
                gradients.add(t.elementwise());
            }
        }
        boolean[] paid = new boolean[cumulative.size()];
        for (int k = 0; k < paid.length; k++) {
            paid[k] = cumulative.get(k);
        }
        return new LazyTerms(gradients.toArray(new ElementwisePenalty[0]),
                proximals.toArray(new ElementwisePenalty[0]), paid);
    }

    /** Whether some term is paid cumulatively. */
    boolean anyCumulative() {
        for (boolean b : paidCumulatively) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
