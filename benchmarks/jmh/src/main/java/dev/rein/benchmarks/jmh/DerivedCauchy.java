package dev.rein.benchmarks.jmh;

import dev.rein.api.Param;
import dev.rein.api.Penalty;
import dev.rein.api.Regularizer;

/**
 * The Cauchy penalty {@code λ·log1p((w/s)²)} without a {@code @Gradient}: the processor derives it
 * ({@code DerivedCauchy_ReinGradient}), so the benchmark measures a derived gradient with a transcendental value.
 */
@Regularizer(name = "derived_cauchy")
public final class DerivedCauchy {
    private DerivedCauchy() {
    }

    @Penalty
    static double penalty(double w, @Param(defaultValue = "1e-4", min = 0) double lambda,
            @Param(defaultValue = "1", min = 0, exclusiveMin = true) double scale) {
        double z = w / scale;
        return lambda * Math.log1p(z * z);
    }
}
