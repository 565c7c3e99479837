package dev.rein.runtime.plan;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import java.util.List;

/**
 * {@code mode=cumulative} under Rein's AdaGrad: the spec's {@code λ₁|w| + (λ₂/2)w²} terms charged on the accumulated
 * gradients rather than at each step, which is AdaGrad written as FTRL-Proximal ({@code α = η}, {@code β = ε};
 * McMahan 2011, "Follow-the-Regularized-Leader and Mirror Descent: Equivalence Theorems and L1 Regularization").
 * Without a penalty that form takes AdaGrad's own steps; with L1 it gives exact zeros, where AdaGrad's per-step
 * proximal map ({@code mode=proximal}) lets every feature whose single-example gradient exceeds {@code λ₁} flicker
 * away from zero.
 *
 * <p>Because the form computes every weight from its own accumulators, it takes the whole spec: every penalty in
 * cumulative mode and no constraint. {@code mode=auto} picks it under Rein's AdaGrad (Tribuo's AdaGrad is run as
 * Rein's) whenever the spec allows it; otherwise auto keeps proximal steps in AdaGrad's metric.
 *
 * <pre>{@code
 * // "l1(lambda=0.03)" under AdaGrad: l1=cumulative; "l1(lambda=0.03) + max_norm(c=3)": l1=proximal
 * RegularizationPlan.of(regularization, adaGradProfile, 1).modes();
 * }</pre>
 */
final class AdaGradCumulative {
    private AdaGradCumulative() {
    }

    /** Whether {@code optimiser} runs cumulative penalties in AdaGrad's FTRL form: Rein's own AdaGrad. */
    static boolean runsUnder(OptimiserProfile optimiser) {
        return optimiser.family() == OptimiserProfile.Family.ADAGRAD && optimiser.perCoordinate();
    }

    /**
     * Whether {@code mode=auto} means cumulative for every penalty of {@code regularization}: under Rein's AdaGrad,
     * not averaged, no constraint, some penalty, and every penalty element-wise of the elastic form in mode auto or
     * cumulative. With L1 the form gives exact zeros; with L2 alone it costs less than proximal steps in AdaGrad's
     * metric (BENCHMARKS.md, parts 1d and 1f) and has the same fixed point.
     */
    static boolean byDefault(Regularization regularization, OptimiserProfile optimiser) {
        if (!runsUnder(optimiser) || optimiser.averaged()) {
            return false;
        }
        boolean penalised = false;
        for (BoundTerm term : regularization.terms()) {
            Kind kind = term.kind();
            if (kind == Kind.CONSTRAINT || kind == Kind.BLOCK_PENALTY) {
                return false;
            }
            if (kind != Kind.PENALTY) {
                continue;
            }
            ElasticForm form = term.hook() instanceof ElementwisePenalty
                    ? ElasticForm.of((ElementwisePenalty) term.hook()) : null;
            boolean modeFits = term.mode() == PenaltyMode.AUTO || term.mode() == PenaltyMode.CUMULATIVE;
            if (form == null || !modeFits) {
                return false;
            }
            penalised = true;
        }
        return penalised;
    }

    /**
     * Refuses a cumulative term under AdaGrad next to a constraint or a penalty in another mode.
     *
     * @throws RegularizationRefusedException naming both terms and what to change
     */
    static void requireWholeSpec(Regularization regularization, OptimiserProfile optimiser,
            List<PenaltyTerm> penalties) {
        if (!runsUnder(optimiser)) {
            return;
        }
        PenaltyTerm cumulative = penalties.stream().filter(p -> p.mode() == PenaltyMode.CUMULATIVE).findFirst()
                .orElse(null);
        if (cumulative == null) {
            return;
        }
        String name = cumulative.term().name();
        for (PenaltyTerm p : penalties) {
            if (p.mode() != PenaltyMode.CUMULATIVE) {
                throw new RegularizationRefusedException(PlanMessages.cumulativeAdaGradWholeSpec(
                        regularization.toSpec(), name, p.term().name(), p.mode().specName()));
            }
        }
        for (BoundTerm c : regularization.terms(Kind.CONSTRAINT)) {
            throw new RegularizationRefusedException(PlanMessages.cumulativeAdaGradWholeSpec(
                    regularization.toSpec(), name, c.name(), null));
        }
    }
}
