package dev.rein.runtime.plan;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.Role;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;

/**
 * Which mode a penalty runs in under a given optimiser: the spec's {@code mode}, checked, or for {@code auto} the
 * default. The table (see the package documentation) in code, with a refusal per empty cell:
 *
 * <pre>
 *                      coupled   decoupled                proximal             auto
 * SGD, no momentum     yes       yes (η_t)                yes (step η_t·b²)    proximal if it has one, else coupled
 * SGD with momentum    yes       yes (η_t/(1-ρ))          refused              decoupled
 * AdaGrad, Adam        yes       yes (initial rate)       refused              decoupled
 * RMSProp              yes       yes (its decayed rate)   refused              decoupled
 * AdaDelta, unknown    yes       refused (no rate)        refused              coupled
 * ParameterAveraging   as inside as inside                refused              as inside, never proximal
 * </pre>
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
    static PenaltyMode resolve(BoundTerm term, OptimiserProfile optimiser) {
        boolean averaged = optimiser.averaged();
        boolean proximal = PenaltyTerm.hasProximal(term);
        String ask = "Penalty '" + term.name() + "' asks for mode=" + term.mode().specName() + " with "
                + optimiser.description() + ", but ";
        switch (term.mode()) {
            case COUPLED:
                return PenaltyMode.COUPLED;
            case DECOUPLED:
                if (!optimiser.schedule().known()) {
                    throw new IllegalArgumentException(ask + noRate(optimiser) + ": use mode=coupled");
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
                if (!optimiser.isPlainSgd()) {
                    throw new IllegalArgumentException(ask + noSingleStep(optimiser, "a proximal step")
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
                if (!optimiser.isPlainSgd()) {
                    throw new IllegalArgumentException(ask + noSingleStep(optimiser, "a cumulative penalty")
                            + ": use SGD without momentum, or mode=decoupled");
                }
                return PenaltyMode.CUMULATIVE;
            case AUTO:
            default:
                if (optimiser.isPlainSgd()) {
                    return proximal && !averaged ? PenaltyMode.PROXIMAL : PenaltyMode.COUPLED;
                }
                return optimiser.schedule().known() ? PenaltyMode.DECOUPLED : PenaltyMode.COUPLED;
        }
    }

    private static String noRate(OptimiserProfile optimiser) {
        if (optimiser.family() == OptimiserProfile.Family.ADADELTA) {
            return "AdaDelta has no learning rate to scale a decoupled decay by";
        }
        return "Rein cannot read a learning rate from " + optimiser.simpleName() + " (it knows Tribuo's SGD,"
                + " AdaGrad, RMSProp and Adam) to scale a decoupled decay by";
    }

    /** Why {@code what} (a proximal step, a cumulative penalty) has no single step size here. */
    private static String noSingleStep(OptimiserProfile optimiser, String what) {
        if (optimiser.momentum()) {
            return "SGD with momentum steps along a running sum of past gradients, so no single step size makes "
                    + what + " consistent with the objective";
        }
        switch (optimiser.family()) {
            case ADAGRAD:
            case ADAM:
            case RMSPROP:
            case ADADELTA:
                return optimiser.simpleName() + " gives every weight its own step size from private state, which "
                        + what + " would need";
            default:
                return "Rein does not know the step size " + optimiser.simpleName() + " takes";
        }
    }
}
