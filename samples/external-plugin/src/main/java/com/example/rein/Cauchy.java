package com.example.rein;

import dev.rein.api.Gradient;
import dev.rein.api.Param;
import dev.rein.api.Penalty;
import dev.rein.api.Regularizer;

/**
 * The Cauchy (log) penalty {@code R(w) = λ·log(1 + (w/s)²)}: it pulls small weights towards zero like L2 but,
 * being bounded in growth, barely touches large ones.
 *
 * <pre>{@code
 * rein train --data train.csv --plugins ./plugins --spec "cauchy(lambda=1e-3, scale=0.5)"
 * }</pre>
 */
@Regularizer(name = "cauchy", description = "Cauchy penalty: shrinks small weights, spares large ones")
public final class Cauchy {
    private Cauchy() {
    }

    @Penalty
    static double penalty(double w,
            @Param(defaultValue = "1e-4", min = 0, description = "Strength lambda") double lambda,
            @Param(defaultValue = "1", min = 0, exclusiveMin = true, description = "Scale s of the weights")
            double scale) {
        double z = w / scale;
        return lambda * Math.log1p(z * z);
    }

    @Gradient
    static double gradient(double w, double lambda, double scale) {
        double z = w / scale;
        return lambda * 2 * z / (scale * (1 + z * z));
    }
}
