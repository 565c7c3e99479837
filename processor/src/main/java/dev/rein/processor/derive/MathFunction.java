package dev.rein.processor.derive;

import java.util.Optional;

/**
 * The {@code java.lang.Math} functions a derived penalty may call, by their Java name and number of arguments.
 *
 * <pre>{@code
 * MathFunction.named("log1p");   // Optional[LOG1P]
 * MathFunction.named("floor");   // Optional.empty(): not differentiable anywhere useful
 * }</pre>
 */
public enum MathFunction {
    ABS(1), SQRT(1), CBRT(1), EXP(1), EXPM1(1), LOG(1), LOG1P(1), POW(2), HYPOT(2), SIN(1), COS(1), TAN(1),
    TANH(1), ATAN(1), SINH(1), COSH(1), MAX(2), MIN(2), SIGNUM(1);

    private final int arity;

    MathFunction(int arity) {
        this.arity = arity;
    }

    /** How many arguments it takes. */
    public int arity() {
        return arity;
    }

    /** The Java name: {@code "log1p"}. */
    public String javaName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The function with this Java name, if derivation knows it. */
    public static Optional<MathFunction> named(String javaName) {
        for (MathFunction f : values()) {
            if (f.javaName().equals(javaName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every name, for messages: {@code "abs, sqrt, ..."}. */
    public static String allNames() {
        StringBuilder s = new StringBuilder();
        for (MathFunction f : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(f.javaName());
        }
        return s.toString();
    }

    double apply(double[] a) {
        return switch (this) {
            case ABS -> Math.abs(a[0]);
            case SQRT -> Math.sqrt(a[0]);
            case CBRT -> Math.cbrt(a[0]);
            case EXP -> Math.exp(a[0]);
            case EXPM1 -> Math.expm1(a[0]);
            case LOG -> Math.log(a[0]);
            case LOG1P -> Math.log1p(a[0]);
            case POW -> Math.pow(a[0], a[1]);
            case HYPOT -> Math.hypot(a[0], a[1]);
            case SIN -> Math.sin(a[0]);
            case COS -> Math.cos(a[0]);
            case TAN -> Math.tan(a[0]);
            case TANH -> Math.tanh(a[0]);
            case ATAN -> Math.atan(a[0]);
            case SINH -> Math.sinh(a[0]);
            case COSH -> Math.cosh(a[0]);
            case MAX -> Math.max(a[0], a[1]);
            case MIN -> Math.min(a[0], a[1]);
            case SIGNUM -> Math.signum(a[0]);
        };
    }
}
