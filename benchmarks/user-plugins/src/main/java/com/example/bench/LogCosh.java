package com.example.bench;

import dev.rein.api.Gradient;
import dev.rein.api.Param;
import dev.rein.api.Penalty;
import dev.rein.api.Regularizer;

/**
 * {@code R(w) = λ·s·log(cosh(w/s))}: about {@code (λ/2s)·w²} for {@code |w| ≪ s} and {@code λ·|w|} beyond, smooth
 * everywhere (no proximal operator, so Rein steps along its gradient).
 *
 * <pre>{@code
 * rein train --data train.libsvm --plugins ./plugins --spec "log_cosh(lambda=1e-5, scale=0.1)"
 * }</pre>
 */
@Regularizer(name = "log_cosh", description = "Log-cosh penalty: L2 near zero, L1 far out, smooth")
public final class LogCosh {
    private LogCosh() {
    }

    @Penalty
    static double penalty(double w,
            @Param(defaultValue = "1e-4", min = 0, description = "Strength lambda") double lambda,
            @Param(defaultValue = "1", min = 0, exclusiveMin = true, description = "Width s of the L2 part")
            double scale) {
        double z = Math.abs(w / scale);
        // log(cosh z) = z + log1p(e^-2z) - log 2, which does not overflow for large z
        return lambda * scale * (z + Math.log1p(Math.exp(-2 * z)) - Math.log(2));
    }

    @Gradient
    static double gradient(double w, double lambda, double scale) {
        return lambda * Math.tanh(w / scale);
    }
}
