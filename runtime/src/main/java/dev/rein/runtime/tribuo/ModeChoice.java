package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.Role;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;

/**
 * Which mode a penalty runs in under a given optimiser: the spec's {@code mode}, checked, or for {@code auto} the
 * default. The table of what each optimiser allows and what auto picks, and why, is in
 * {@link RegularizedOptimiser}'s javadoc; this class is that table in code, with a refusal message per empty cell.
 * Pegasos and AdaGradRDA are refused before it is consulted.
 */
final class ModeChoice {
    private ModeChoice() {
    }

    /**
     * The mode {@code term} runs in.
     *
     * @throws IllegalArgumentException if the term asks for a mode this optimiser cannot do correctly
     */
    static PenaltyMode resolve(BoundTerm term, OptimiserChain chain, LearningRate rate, String optimiserText) {
        boolean averaged = chain.contains(OptimiserChain.PARAMETER_AVERAGING);
        boolean proximal = PenaltyTerm.hasProximal(term);
        String ask = "Penalty '" + term.name() + "' asks for mode=" + term.mode().specName() + " with "
                + optimiserText + ", but ";
        switch (term.mode()) {
            case COUPLED:
                return PenaltyMode.COUPLED;
            case DECOUPLED:
                if (!rate.known()) {
                    throw new IllegalArgumentException(ask + noRate(chain) + ": use mode=coupled");
                }
                return PenaltyMode.DECOUPLED;
            case PROXIMAL:
                if (!proximal) {
                    throw new IllegalArgumentException(ask + "its plugin has no proximal operator: use"
                            + " mode=coupled or mode=decoupled, or give the plugin a @Proximal method");
                }
                if (averaged) {
                    throw new IllegalArgumentException(ask + "ParameterAveraging's final average of the iterates"
                            + " would undo the exact zeros of proximal steps: drop ParameterAveraging, or use"
                            + " mode=coupled or mode=decoupled");
                }
                if (!chain.isPlainSgd()) {
                    throw new IllegalArgumentException(ask + noSingleStep(chain)
                            + ": use SGD without momentum for exact zeros, or mode=decoupled or mode=coupled");
                }
                return PenaltyMode.PROXIMAL;
            case CUMULATIVE:
                ElasticForm form = term.hook() instanceof ElementwisePenalty
                        ? ElasticForm.of((ElementwisePenalty) term.hook()) : null;
                if (form == null || form.l1 <= 0) {
                    throw new IllegalArgumentException(ask + "cumulative mode pays an L1 penalty, and this one is"
                            + " not of the form λ₁|w| + (λ₂/2)w² with λ₁ > 0 (l1 and elastic_net are): use"
                            + " mode=proximal, coupled or decoupled");
                }
                if (term.target().covers(Role.BIAS)) {
                    throw new IllegalArgumentException(ask + "cumulative mode applies to the weights only: drop"
                            + " on=" + term.target().specName());
                }
                if (averaged) {
                    throw new IllegalArgumentException(ask + "ParameterAveraging's final average of the iterates"
                            + " would undo its zeros: drop ParameterAveraging, or use mode=coupled or"
                            + " mode=decoupled");
                }
                if (!chain.isPlainSgd()) {
                    throw new IllegalArgumentException(ask + noSingleStep(chain).replace("a proximal step",
                            "a cumulative penalty") + ": use SGD without momentum, or mode=decoupled");
                }
                return PenaltyMode.CUMULATIVE;
            case AUTO:
            default:
                if (chain.isPlainSgd()) {
                    return proximal && !averaged ? PenaltyMode.PROXIMAL : PenaltyMode.COUPLED;
                }
                return rate.known() ? PenaltyMode.DECOUPLED : PenaltyMode.COUPLED;
        }
    }

    private static String noRate(OptimiserChain chain) {
        if (chain.innermost().equals(OptimiserChain.ADA_DELTA)) {
            return "AdaDelta has no learning rate to scale a decoupled decay by";
        }
        return "Rein cannot read a learning rate from " + chain.innermostName() + " (it knows Tribuo's SGD,"
                + " AdaGrad, RMSProp and Adam) to scale a decoupled decay by";
    }

    private static String noSingleStep(OptimiserChain chain) {
        if (chain.hasMomentum()) {
            return "SGD with momentum steps along a running sum of past gradients, so no single step size makes a"
                    + " proximal step consistent with the objective";
        }
        switch (chain.innermost()) {
            case OptimiserChain.ADA_GRAD:
            case OptimiserChain.ADAM:
            case OptimiserChain.RMS_PROP:
            case OptimiserChain.ADA_DELTA:
                return chain.innermostName() + " gives every weight its own step size from private state, which a"
                        + " proximal step would need";
            default:
                return "Rein does not know the step size " + chain.innermostName() + " takes";
        }
    }
}
