package com.example.bench;

import dev.rein.api.Gradient;
import dev.rein.api.Param;
import dev.rein.api.Penalty;
import dev.rein.api.Regularizer;

/**
 * {@code R(w) = λ·(√(w² + ε²) - ε)}: L1 rounded over a width {@code ε}, so its curvature at zero is {@code λ/ε}
 * (steep near zero for a small width) and it never makes exact zeros (no proximal operator).
 *
 * <pre>{@code
 * rein train --data train.libsvm --plugins ./plugins --spec "pseudo_huber(lambda=1e-5, width=0.01)"
 * }</pre>
 */
@Regularizer(name = "pseudo_huber", description = "Pseudo-Huber penalty: L1 rounded over a small width")
public final class PseudoHuber {
    private PseudoHuber() {
    }

    @Penalty
    static double penalty(double w,
            @Param(defaultValue = "1e-4", min = 0, description = "Strength lambda") double lambda,
            @Param(defaultValue = "0.01", min = 0, exclusiveMin = true, description = "Width epsilon of the rounding")
            double width) {
        return lambda * (Math.hypot(w, width) - width);
    }

    @Gradient
    static double gradient(double w, double lambda, double width) {
        return lambda * w / Math.hypot(w, width);
    }
}
