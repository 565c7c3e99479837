package dev.rein.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the proximal operator of the class's {@link Penalty}:
 * {@code prox(w, step) = argmin_x [ (x - w)² / (2·step) + R(x) ]}. A proximal step can land exactly on zero,
 * which is how L1-like penalties give sparse models.
 *
 * <p>The step size comes right after {@code w} as {@code double step}; the penalty's parameters follow by name
 * and in order:
 *
 * <pre>{@code
 * @Proximal
 * static double prox(double w, double step, double lambda) {
 *     double t = step * lambda;           // soft-thresholding for R(w) = lambda·|w|
 *     return w > t ? w - t : w < -t ? w + t : 0.0;
 * }
 * }</pre>
 *
 * <p>{@code rein check} verifies the optimality condition {@code (w - x)/step ∈ ∂R(x)} at many points.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Proximal {
}
