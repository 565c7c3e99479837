package dev.rein.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the class's {@link Penalty} is, for every weight {@code w}, of the elastic form
 * {@code R(w) = λ₁·|w| + (λ₂/2)·w²}, and gives {@code λ₁} and {@code λ₂} as functions of the parameters. Optional:
 * it lets Rein catch the weights of absent sparse features up in closed form (one multiplication and one
 * soft-threshold per weight, however many steps it missed) rather than by replaying the missed steps.
 *
 * <p>The method takes the penalty's parameters by name and in order, without the weight and without {@link Param}
 * (like {@link Gradient}), and returns {@link dev.rein.api.hook.ElasticCoefficients}:
 *
 * <pre>{@code
 * @Penalty
 * static double penalty(double w, @Param(defaultValue = "1e-4", min = 0) double lambda,
 *         @Param(defaultValue = "0.5", min = 0, max = 1) double l1Ratio) {
 *     return lambda * (l1Ratio * Math.abs(w) + 0.5 * (1 - l1Ratio) * w * w);
 * }
 *
 * @ClosedForm
 * static ElasticCoefficients closedForm(double lambda, double l1Ratio) {
 *     return ElasticCoefficients.of(lambda * l1Ratio, lambda * (1 - l1Ratio));
 * }
 * }</pre>
 *
 * <p>Return {@code null} for parameter values under which the penalty is not of this form (a family that is L1
 * at one setting and something else at others). Declare it only when the equality holds over the whole range of
 * {@code w}, not just near zero: a penalty that is L2 for {@code |w| <= 10} and linear beyond is not of this form.
 *
 * <p>Rein still compares a declaration with the penalty's value and gradient at a spread of weights out to
 * {@code ±1e6} before using it; a declaration that contradicts them is ignored (the weights are then caught up by
 * replay) with a warning naming the plugin, and {@code rein check} fails on it. Without {@code @ClosedForm},
 * Rein recognises the form only by probing the penalty over that same spread.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ClosedForm {
}
