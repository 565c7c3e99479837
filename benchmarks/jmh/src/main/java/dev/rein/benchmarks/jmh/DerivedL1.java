package dev.rein.benchmarks.jmh;

import dev.rein.api.Param;
import dev.rein.api.Penalty;
import dev.rein.api.Regularizer;

/**
 * L1, {@code λ·|w|}, without a {@code @Gradient}: the derived gradient is {@code lambda * Math.signum(w)}, against
 * the built-in {@code l1}'s hand-written {@code w > 0 ? lambda : w < 0 ? -lambda : 0.0} in {@link HandWritten#l1}.
 * Decides whether the built-in may drop its own.
 */
@Regularizer(name = "derived_l1")
public final class DerivedL1 {
    private DerivedL1() {
    }

    @Penalty
    static double penalty(double w, @Param(defaultValue = "1e-4", min = 0) double lambda) {
        return lambda * Math.abs(w);
    }
}
