package dev.rein.runtime.optim;

/**
 * Checks of an optimiser's configured values and state, each failure a sentence naming the optimiser, the value
 * and what would be valid: {@code "[optim-setting-out-of-range] ReinAdam: betaTwo is 1.0; it must be at least 0 and below 1"}.
 */
final class Settings {
    private Settings() {
    }

    /** A finite number above 0 (a learning rate). */
    static void positive(String owner, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    OptimMessages.notInRange(owner, name, value, "a finite number above 0").toString());
        }
    }

    /** A finite number of at least 0. */
    static void nonNegative(String owner, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    OptimMessages.notInRange(owner, name, value, "a finite number of at least 0").toString());
        }
    }

    /** A decay rate: at least 0 and below 1. */
    static void decayRate(String owner, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(
                    OptimMessages.notInRange(owner, name, value, "at least 0 and below 1").toString());
        }
    }

    /** A factor that shrinks a rate: above 0 and at most 1. */
    static void shrinkFactor(String owner, String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    OptimMessages.notInRange(owner, name, value, "above 0 and at most 1").toString());
        }
    }

    /** A step size exists only after the first step since {@code initialise}. */
    static void requireStepped(long steps, String owner) {
        if (steps == 0) {
            throw new IllegalStateException(OptimMessages.noStepYet(owner).toString());
        }
    }
}
