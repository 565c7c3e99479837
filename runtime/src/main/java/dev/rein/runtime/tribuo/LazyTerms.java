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
 * @param gradients        the hooks whose gradient is stepped along
 * @param stopsAtZero      per gradient hook, whether its step stops at zero (a decoupled L1-like term,
 *                         {@link PenaltyTerm#decayStopsAtZero()})
 * @param proximals        the hooks whose proximal operator is applied (or whose L1 part is paid cumulatively)
 * @param paidCumulatively per proximal hook, whether it runs in {@code mode=cumulative}
 */
record LazyTerms(ElementwisePenalty[] gradients, boolean[] stopsAtZero, ElementwisePenalty[] proximals,
        boolean[] paidCumulatively) {
    static LazyTerms of(List<PenaltyTerm> terms) {
        List<ElementwisePenalty> gradients = new ArrayList<>();
        List<Boolean> stops = new ArrayList<>();
        List<ElementwisePenalty> proximals = new ArrayList<>();
        List<Boolean> cumulative = new ArrayList<>();
        for (PenaltyTerm t : terms) {
            boolean threshold = t.mode() == PenaltyMode.PROXIMAL || t.mode() == PenaltyMode.CUMULATIVE;
            if (threshold) {
                proximals.add(t.elementwise());
                cumulative.add(t.mode() == PenaltyMode.CUMULATIVE);
            } else {
                gradients.add(t.elementwise());
                stops.add(t.decayStopsAtZero());
            }
        }
        return new LazyTerms(gradients.toArray(new ElementwisePenalty[0]), flags(stops),
                proximals.toArray(new ElementwisePenalty[0]), flags(cumulative));
    }

    private static boolean[] flags(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = values.get(k);
        }
        return out;
    }

    /** Whether some gradient term stops at zero. */
    boolean anyStopsAtZero() {
        for (boolean b : stopsAtZero) {
            if (b) {
                return true;
            }
        }
        return false;
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
