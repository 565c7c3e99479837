package dev.rein.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the derivative {@code dR/dw} of the class's {@link Penalty}.
 *
 * <p>It repeats the penalty's parameters by name and in order, without {@link Param} (their defaults and
 * bounds are the penalty's):
 *
 * <pre>{@code
 * @Gradient
 * static double gradient(double w, double lambda) {
 *     return lambda * w;
 * }
 * }</pre>
 *
 * <p>Where the penalty has a kink (L1 at zero) return any subgradient; {@code 0} at the kink is the usual choice.
 * {@code rein check} compares this method with central finite differences of the penalty.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Gradient {
}
