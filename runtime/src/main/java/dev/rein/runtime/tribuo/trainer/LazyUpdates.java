package dev.rein.runtime.tribuo.trainer;

import dev.rein.runtime.tribuo.RegularizedOptimiser;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * The one place the epoch loop brings lazily regularized weights up to date, before they are checked, scored or
 * copied at an epoch's end.
 *
 * <pre>{@code
 * LazyUpdates.catchUp(optimiser);   // every weight now holds the value an eager update would have given it
 * }</pre>
 */
final class LazyUpdates {
    private LazyUpdates() {
    }

    /** Applies the pending lazy updates of {@code optimiser}, if it is a {@link RegularizedOptimiser}; idempotent. */
    static void catchUp(StochasticGradientOptimiser optimiser) {
        if (optimiser instanceof RegularizedOptimiser) {
            ((RegularizedOptimiser) optimiser).catchUp();
        }
    }
}
