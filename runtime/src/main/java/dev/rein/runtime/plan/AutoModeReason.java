package dev.rein.runtime.plan;

import dev.rein.runtime.spec.PenaltyMode;

/**
 * Why {@code mode=auto} chose what it chose, in one clause for people: the evidence behind each cell of
 * {@code ModeChoice}'s table (measured in {@code BENCHMARKS.md}, part 3).
 *
 * <pre>{@code
 * AutoModeReason.of(PenaltyMode.CUMULATIVE, adaGradProfile);
 * // "AdaGrad's FTRL-Proximal form charges it on the accumulated gradients: exact zeros even with one example per step"
 * }</pre>
 */
final class AutoModeReason {
    private AutoModeReason() {
    }

    static String of(PenaltyMode chosen, OptimiserProfile optimiser) {
        switch (chosen) {
            case CUMULATIVE:
                return "AdaGrad's FTRL-Proximal form charges it on the accumulated gradients, in closed form: exact"
                        + " zeros even with one example per step";
            case PROXIMAL:
                if (optimiser.family() == OptimiserProfile.Family.FTRL) {
                    return "FTRL applies it in its closed form";
                }
                return optimiser.isPlainSgd() ? "a proximal step of the step size; its fixed point minimises mean loss"
                        + " + penalty"
                        : "a proximal step in the optimiser's own metric, each weight at its own step size";
            case DECOUPLED:
                if (optimiser.perCoordinate() && optimiser.family() == OptimiserProfile.Family.ADAGRAD) {
                    return "it has no proximal operator; decoupled keeps sparse steps lazy";
                }
                if (optimiser.perCoordinate()) {
                    return "a rare feature's step size grows while it is absent here, and proximal steps at that size"
                            + " would wipe it out; a coupled penalty would be rescaled per weight like the loss";
                }
                return "a coupled penalty would be rescaled per weight like the loss, and a proximal step has no"
                        + " single step size here";
            case COUPLED:
            default:
                return optimiser.isPlainSgd() ? "it has no proximal operator; under plain SGD coupled and decoupled"
                        + " are the same step" : "the learning rate is unknown, so only the gradient can carry it";
        }
    }
}
