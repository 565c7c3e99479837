package dev.rein.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a Rein regularizer. The annotation processor checks it and generates its provider, so that
 * Rein finds it by {@link #name()} in a spec such as {@code "cauchy(lambda=1e-3) + max_norm(c=3)"}.
 *
 * <p>Two shapes are accepted.
 *
 * <p><b>An element-wise penalty</b>: a class with one {@link Penalty} static method, its {@link Gradient}, and
 * optionally a {@link Proximal} and a {@link ClosedForm}:
 *
 * <pre>{@code
 * @Regularizer(name = "cauchy", description = "Cauchy penalty: shrinks small weights, spares large ones")
 * public final class Cauchy {
 *     @Penalty
 *     static double penalty(double w,
 *             @Param(defaultValue = "1e-4", min = 0) double lambda,
 *             @Param(defaultValue = "1", min = 0, exclusiveMin = true) double scale) {
 *         return lambda * Math.log1p((w / scale) * (w / scale));
 *     }
 *
 *     @Gradient
 *     static double gradient(double w, double lambda, double scale) {
 *         double z = w / scale;
 *         return lambda * 2 * z / (scale * (1 + z * z));
 *     }
 * }
 * }</pre>
 *
 * <p><b>A hook class</b>: a public concrete class that implements exactly one hook interface of
 * {@code dev.rein.api.hook} and takes its parameters, each marked {@link Param}, in its one public constructor:
 *
 * <pre>{@code
 * @Regularizer(name = "max_norm", description = "Caps the L2 norm of each unit's incoming weights")
 * public final class MaxNorm implements Constraint {
 *     private final double c;
 *
 *     public MaxNorm(@Param(defaultValue = "3", min = 0, exclusiveMin = true) double c) {
 *         this.c = c;
 *     }
 *
 *     @Override
 *     public void project(ParameterBlock block) { ... }
 * }
 * }</pre>
 *
 * <p>Names are lower_snake_case ({@value dev.rein.api.spi.SpecNames#NAME_REGEX}, see
 * {@link dev.rein.api.spi.SpecNames#isValidName}), unique within a compilation and, at run time, across every plugin
 * Rein loads.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Regularizer {
    /** The name used in specs and on the command line, in lower_snake_case, e.g. {@code "elastic_net"}. */
    String name();

    /**
     * One sentence that says what the regularizer does; shown by {@code rein list} and {@code rein describe}. Left
     * empty, it is the first sentence of the class's javadoc (plain text, as javadoc's own summary).
     */
    String description() default "";

    /** Other names that also select this regularizer, e.g. {@code {"ridge", "weight_decay"}} for L2. */
    String[] aliases() default {};
}
