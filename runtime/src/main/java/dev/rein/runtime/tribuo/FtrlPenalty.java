package dev.rein.runtime.tribuo;

import dev.rein.runtime.optim.ElasticRegions;
import dev.rein.runtime.plan.ElasticForm;
import dev.rein.runtime.plan.PenaltyTerm;
import dev.rein.runtime.plan.RegularizationPlan;

/**
 * A plan's penalties as FTRL's per-step coefficients: each term's {@code λ₁|w| + (λ₂/2)w²} (the plan admits no other
 * under FTRL) on the parameter slots its {@code on=} covers, times {@code b²}, the penalty's share of a step.
 *
 * <pre>{@code
 * // "l1(lambda=0.01)" with b = 4 on a linear model of 10 features: λ₁ = 0.16 on columns 0..9, none on the bias
 * ElasticRegions perStep = FtrlPenalty.of(plan, ParameterLayout.of(parameters));
 * }</pre>
 */
final class FtrlPenalty {
    private FtrlPenalty() {
    }

    static ElasticRegions of(RegularizationPlan plan, ParameterLayout layout) {
        double share = (double) plan.minibatchSize() * plan.minibatchSize();
        ElasticRegions regions = ElasticRegions.none();
        for (PenaltyTerm p : plan.penalties()) {
            ElasticForm form = ElasticForm.of(p.elementwise());
            for (ParameterSlot slot : layout.slots()) {
                int[] span = slot.optimiserColumns();
                if (p.covers(slot.role()) && span[1] > 0) {
                    regions = regions.plus(slot.tensorIndex(), span[0], span[1], form.l1 * share,
                            form.l2 * share);
                }
            }
        }
        return regions;
    }
}
