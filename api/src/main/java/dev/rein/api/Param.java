package dev.rein.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a parameter of a regularizer: a parameter of a {@link Penalty} method after {@code w}, or of a hook
 * class's constructor.
 *
 * <pre>{@code
 * @Param(defaultValue = "0.5", min = 0, max = 1, description = "Share of L1 in the mix")
 * double l1Ratio
 * }</pre>
 *
 * <p>In a spec the parameter is named {@link #name()}, or else the Java name in lower_snake_case
 * ({@code l1Ratio} becomes {@code l1_ratio}). Allowed types: {@code double}, {@code int}, {@code long},
 * {@code boolean}, {@code String} and enums (written by constant name, case-insensitive). Bounds apply to the
 * numeric types only. The spec keys Rein interprets itself, {@code on}, {@code after} and {@code mode}
 * ({@link dev.rein.api.spi.SpecNames#RESERVED_KEYS}), are reserved and may not be parameter names.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Param {
    /** The value of {@link #defaultValue()} that means "no default: the spec must give this parameter". */
    String REQUIRED = "\u0000required";

    /** The spec name; empty means the Java parameter name in lower_snake_case. */
    String name() default "";

    /** The default, written as in a spec ({@code "1e-4"}, {@code "true"}, {@code "RELU"}); none means required. */
    String defaultValue() default REQUIRED;

    /** The smallest allowed value of a numeric parameter. */
    double min() default Double.NEGATIVE_INFINITY;

    /** The largest allowed value of a numeric parameter. */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded ({@code min = 0, exclusiveMin = true} means "positive"). */
    boolean exclusiveMin() default false;

    /** Whether {@link #max()} itself is excluded. */
    boolean exclusiveMax() default false;

    /** One sentence for {@code rein describe}. */
    String description() default "";
}
