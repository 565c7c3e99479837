package dev.rein.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static function {@code R(w)} of an element-wise penalty: the total penalty of a parameter block is
 * the sum of {@code R} over its weights.
 *
 * <p>The signature is {@code static double name(double w, params...)}, where every parameter after {@code w}
 * carries {@link Param}. The coefficient belongs inside {@code R}, and {@code R} is written as mathematics has
 * it (Rein adds it to a loss that is minimised):
 *
 * <pre>{@code
 * @Penalty
 * static double penalty(double w, @Param(defaultValue = "1e-4", min = 0) double lambda) {
 *     return 0.5 * lambda * w * w;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Penalty {
}
