package dev.rein.runtime.plan;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.Role;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;

/**
 * Which mode a penalty runs in under a given optimiser: the spec's {@code mode}, checked, or for {@code auto} the
 * default. The table (see the package documentation) in code, with a refusal per empty cell:
 *
 * <pre>
 *                        coupled  decoupled               proximal                      auto
 * SGD, no momentum       yes      yes (η_t)               yes (step η_t·b²)             proximal if it has one,
 *                                                                                       else coupled
 * Rein's AdaGrad         yes      yes (initial rate)      yes, element-wise terms (each proximal if it has one,
 *                                                         weight's own step s_i·b²)     else decoupled
 * Rein's RMSProp, Adam   yes      yes (initial rate;      yes, as AdaGrad; rare         decoupled
 *                                 RMSProp: decayed rate)  features' steps grow while
 *                                                         absent (over-regularized)
 * SGD with momentum      yes      yes (η_t/(1-ρ))         refused                       decoupled
 * Tribuo's Adam, RMSProp yes      yes (as Rein's)         refused                       decoupled
 * AdaDelta, unknown      yes      refused (no rate)       refused                       coupled
 * ParameterAveraging     as inside as inside              refused                       as inside, never proximal
 * Rein's FTRL            refused  refused                 yes, l1/l2/elastic_net forms  proximal (in its closed form)
 * </pre>
 * {@code cumulative}: under plain SGD, Tsuruoka et al.'s, for L1 terms on the weights of a linear model; under Rein's
 * AdaGrad, the whole spec in AdaGrad's FTRL form ({@link AdaGradCumulative}), which {@code auto} picks there when
 * the spec allows it.
 * Tribuo's AdaGrad never reaches this table: {@code RegularizedOptimiser} runs it as Rein's AdaGrad, whose updates
 * are the same to the bit. Under an optimiser that gives each weight its own step size, a block penalty's proximal
 * operator (one step for the whole block) is refused.
 * Pegasos and AdaGradRDA are refused before it is consulted.
 */
final class ModeChoice {
    private ModeChoice() {
    }

    /**
     * The mode {@code term} runs in.
     *
     * @throws RegularizationRefusedException if the term asks for a mode this optimiser cannot do correctly
     */
    static PenaltyMode resolve(BoundTerm term, OptimiserProfile optimiser, boolean cumulativeByDefault) {
        if (optimiser.family() == OptimiserProfile.Family.FTRL) {
            return underFtrl(term, optimiser);
        }
        boolean averaged = optimiser.averaged();
        boolean proximal = PenaltyTerm.hasProximal(term);
        switch (term.mode()) {
            case COUPLED:
                return PenaltyMode.COUPLED;
            case DECOUPLED:
                if (!optimiser.schedule().known()) {
                    throw refused(PlanMessages.decoupledNeedsRate(term, optimiser));
                }
                return PenaltyMode.DECOUPLED;
            case PROXIMAL:
                if (!proximal) {
                    throw refused(PlanMessages.proximalNeedsProx(term, optimiser));
                }
                if (averaged) {
                    throw refused(PlanMessages.proximalAveraged(term, optimiser));
                }
                if (!optimiser.takesProximalSteps()) {
                    throw refused(PlanMessages.proximalNeedsSgd(term, optimiser));
                }
                if (!optimiser.isPlainSgd() && !(term.hook() instanceof ElementwisePenalty)) {
                    throw refused(PlanMessages.proximalBlockNeedsSgd(term, optimiser));
                }
                return PenaltyMode.PROXIMAL;
            case CUMULATIVE:
                ElasticForm form = term.hook() instanceof ElementwisePenalty
                        ? ElasticForm.of((ElementwisePenalty) term.hook()) : null;
                if (AdaGradCumulative.runsUnder(optimiser)) {
                    if (form == null) {
                        throw refused(PlanMessages.cumulativeAdaGradNeedsElastic(term, optimiser));
                    }
                    if (averaged) {
                        throw refused(PlanMessages.cumulativeAveraged(term, optimiser));
                    }
                    return PenaltyMode.CUMULATIVE;
                }
                if (form == null || form.l1 <= 0) {
                    throw refused(PlanMessages.cumulativeNeedsL1(term, optimiser));
                }
                if (term.target().covers(Role.BIAS)) {
                    throw refused(PlanMessages.cumulativeOnBias(term, optimiser));
                }
                if (averaged) {
                    throw refused(PlanMessages.cumulativeAveraged(term, optimiser));
                }
                if (!optimiser.isPlainSgd()) {
                    throw refused(PlanMessages.cumulativeNeedsSgd(term, optimiser));
                }
                return PenaltyMode.CUMULATIVE;
            case AUTO:
            default:
                if (cumulativeByDefault) {
                    return PenaltyMode.CUMULATIVE;   // see AdaGradCumulative
                }
                boolean oneStepSize = optimiser.isPlainSgd() || term.hook() instanceof ElementwisePenalty;
                // Not under RMSProp and Adam: their step size of a feature grows while it is absent (its running
                // average decays), and proximal steps at those sizes wipe rare features out.
                boolean steadySteps = optimiser.isPlainSgd() || optimiser.family() == OptimiserProfile.Family.ADAGRAD;
                if (proximal && optimiser.takesProximalSteps() && oneStepSize && steadySteps) {
                    return PenaltyMode.PROXIMAL;   // exact zeros at the objective's minimiser
                }
                if (optimiser.isPlainSgd()) {
                    return PenaltyMode.COUPLED;
                }
                return optimiser.schedule().known() ? PenaltyMode.DECOUPLED : PenaltyMode.COUPLED;
        }
    }

    /**
     * FTRL takes an elastic-form penalty into its own closed form, which is a proximal step in its metric: such a
     * term runs as proximal; every other penalty or mode is refused with the optimiser to use instead.
     */
    private static PenaltyMode underFtrl(BoundTerm term, OptimiserProfile optimiser) {
        ElasticForm form = term.hook() instanceof ElementwisePenalty
                ? ElasticForm.of((ElementwisePenalty) term.hook()) : null;
        if (form == null) {
            throw refused(PlanMessages.ftrlNeedsElastic(term.name(), optimiser.description()));
        }
        if (optimiser.averaged()) {
            throw refused(PlanMessages.ftrlAveraged(term.name(), optimiser.description()));
        }
        if (term.mode() != PenaltyMode.AUTO && term.mode() != PenaltyMode.PROXIMAL) {
            throw refused(PlanMessages.ftrlMode(term.name(), term.mode().specName(), optimiser.description()));
        }
        return PenaltyMode.PROXIMAL;
    }

    private static RegularizationRefusedException refused(ReinMessage message) {
        return new RegularizationRefusedException(message);
    }
}
