package dev.rein.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes one parameter of a regularizer: its name, type, default, bounds and description, and parses a value
 * written in a spec. Immutable.
 *
 * <pre>{@code
 * ParamDescriptor lambda = ParamDescriptor.builder("lambda", ParamType.DOUBLE)
 *         .defaultValue("1e-4").min(0, false).description("Strength").build();
 * lambda.parse("0.5");    // 0.5 (a Double)
 * lambda.parse("-1");     // IllegalArgumentException: "-1 is out of range: lambda must be a number >= 0"
 * lambda.validRange();    // "a number >= 0"
 * }</pre>
 */
public final class ParamDescriptor {
    private final String name;
    private final ParamType type;
    private final List<String> enumConstants;
    private final String enumType;
    private final String defaultValue;
    private final double min;
    private final double max;
    private final boolean exclusiveMin;
    private final boolean exclusiveMax;
    private final boolean minDeclared;
    private final boolean maxDeclared;
    private final String description;

    private ParamDescriptor(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.enumConstants = List.copyOf(b.enumConstants);
        this.enumType = b.enumType;
        this.defaultValue = b.defaultValue;
        this.min = b.min;
        this.max = b.max;
        this.exclusiveMin = b.exclusiveMin;
        this.exclusiveMax = b.exclusiveMax;
        this.minDeclared = b.minDeclared;
        this.maxDeclared = b.maxDeclared;
        this.description = b.description;
    }

    /** Starts a descriptor for the parameter {@code name} of type {@code type}. */
    public static Builder builder(String name, ParamType type) {
        return new Builder(name, type);
    }

    public String name() {
        return name;
    }

    public ParamType type() {
        return type;
    }

    /** For {@link ParamType#ENUM}: the constant names, in declaration order; otherwise empty. */
    public List<String> enumConstants() {
        return enumConstants;
    }

    /** For {@link ParamType#ENUM}: the enum's binary class name; otherwise empty. */
    public String enumType() {
        return enumType;
    }

    /** The default as written in a spec, or empty when the parameter is required. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean required() {
        return defaultValue == null;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean exclusiveMin() {
        return exclusiveMin;
    }

    public boolean exclusiveMax() {
        return exclusiveMax;
    }

    /** Whether the plugin declared a lower bound ({@link Builder#min}), even an infinite one. */
    public boolean minDeclared() {
        return minDeclared;
    }

    /** Whether the plugin declared an upper bound ({@link Builder#max}), even an infinite one. */
    public boolean maxDeclared() {
        return maxDeclared;
    }

    /**
     * Whether the infinite {@code value} is a valid value: only when the plugin declared that infinity as an inclusive
     * bound ({@code .max(Double.POSITIVE_INFINITY, false)}, or {@code @Param(max = Double.POSITIVE_INFINITY)}). A
     * numeric parameter without such a declaration takes finite values only, e.g. {@code lambda=1e999} is refused.
     *
     * <pre>{@code
     * ParamDescriptor.builder("c", ParamType.DOUBLE).min(0, true).build().allowsInfinity(Double.POSITIVE_INFINITY);
     * // false: no upper bound declared
     * ParamDescriptor.builder("c", ParamType.DOUBLE).min(0, true).max(Double.POSITIVE_INFINITY, false).build()
     *         .allowsInfinity(Double.POSITIVE_INFINITY);   // true: "no cap" is a value
     * }</pre>
     */
    public boolean allowsInfinity(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return maxDeclared && max == Double.POSITIVE_INFINITY && !exclusiveMax;
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return minDeclared && min == Double.NEGATIVE_INFINITY && !exclusiveMin;
        }
        return false;
    }

    public String description() {
        return description;
    }

    /**
     * Parses {@code text} as this parameter's value: a {@code Double}, {@code Integer}, {@code Long},
     * {@code Boolean}, {@code String}, or for enums the constant's name as declared (matched case-insensitively).
     *
     * @throws IllegalArgumentException with a message that names the parameter, the text and what is valid
     */
    public Object parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        switch (type) {
            case DOUBLE: {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw invalid(text, "is not a number");
                }
                if (Double.isNaN(v)) {
                    throw invalid(text, "is not a number");
                }
                checkBounds(text, v);
                return v;
            }
            case INT:
            case LONG: {
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw invalid(text, "is not a whole number");
                }
                if (type == ParamType.INT && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                    throw invalid(text, "does not fit an int");
                }
                checkBounds(text, v);
                return type == ParamType.INT ? (Object) (int) v : (Object) v;
            }
            case BOOLEAN:
                if (t.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (t.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw invalid(text, "is not true or false");
            case ENUM:
                for (String c : enumConstants) {
                    if (c.equalsIgnoreCase(t)) {
                        return c;
                    }
                }
                throw invalid(text, "is not one of the allowed values");
            case STRING:
            default:
                return text;
        }
    }

    /**
     * What values are valid, in words: {@code "a number > 0"}, {@code "an integer in [1, 10]"},
     * {@code "true or false"}, {@code "one of accuracy, loss"}, {@code "any text"}.
     */
    public String validRange() {
        switch (type) {
            case BOOLEAN:
                return "true or false";
            case STRING:
                return "any text";
            case ENUM:
                return "one of " + String.join(", ", lowerCase(enumConstants));
            default:
                break;
        }
        String noun = type == ParamType.DOUBLE ? "a number" : "an integer";
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        String infinite = type != ParamType.DOUBLE ? ""
                : allowsInfinity(Double.POSITIVE_INFINITY) && allowsInfinity(Double.NEGATIVE_INFINITY)
                ? ", or +/-Infinity"
                : allowsInfinity(Double.POSITIVE_INFINITY) ? ", or Infinity"
                : allowsInfinity(Double.NEGATIVE_INFINITY) ? ", or -Infinity" : "";
        if (hasMin && hasMax) {
            return noun + " in " + (exclusiveMin ? "(" : "[") + format(min) + ", " + format(max)
                    + (exclusiveMax ? ")" : "]");
        }
        if (hasMin) {
            return noun + (exclusiveMin ? " > " : " >= ") + format(min) + infinite;
        }
        if (hasMax) {
            return noun + (exclusiveMax ? " < " : " <= ") + format(max) + infinite;
        }
        return noun + infinite;
    }

    private void checkBounds(String text, double v) {
        boolean belowMin = exclusiveMin ? v <= min : v < min;
        boolean aboveMax = exclusiveMax ? v >= max : v > max;
        if (belowMin || aboveMax) {
            throw invalid(text, "is out of range");
        }
    }

    private IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("'" + text + "' " + problem + ": " + name + " must be " + validRange());
    }

    private static List<String> lowerCase(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Formats a bound the way a person writes it: {@code 0}, {@code 1.5}, {@code 1.0E-4}. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return name + ": " + type.name().toLowerCase(Locale.ROOT)
                + (defaultValue == null ? " (required)" : " = " + defaultValue) + ", " + validRange();
    }

    /** Builds a {@link ParamDescriptor}; {@link #build()} checks that the default is valid. */
    public static final class Builder {
        private final String name;
        private final ParamType type;
        private List<String> enumConstants = List.of();
        private String enumType = "";
        private String defaultValue;
        private double min = Double.NEGATIVE_INFINITY;
        private double max = Double.POSITIVE_INFINITY;
        private boolean exclusiveMin;
        private boolean exclusiveMax;
        private boolean minDeclared;
        private boolean maxDeclared;
        private String description = "";

        private Builder(String name, ParamType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The default as written in a spec; {@code null} makes the parameter required. */
        public Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        /** The lower bound; {@code Double.NEGATIVE_INFINITY}, inclusive, makes {@code -Infinity} a valid value. */
        public Builder min(double value, boolean exclusive) {
            this.min = value;
            this.exclusiveMin = exclusive;
            this.minDeclared = true;
            return this;
        }

        /** The upper bound; {@code Double.POSITIVE_INFINITY}, inclusive, makes {@code Infinity} a valid value. */
        public Builder max(double value, boolean exclusive) {
            this.max = value;
            this.exclusiveMax = exclusive;
            this.maxDeclared = true;
            return this;
        }

        /** For {@link ParamType#ENUM}: the enum's binary name and its constants in declaration order. */
        public Builder enumeration(String enumType, List<String> constants) {
            this.enumType = Objects.requireNonNull(enumType, "enumType");
            this.enumConstants = List.copyOf(constants);
            return this;
        }

        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @throws IllegalArgumentException if the bounds are crossed, set on a non-numeric type, an enum has no
         *                                  constants, or the default does not parse within the bounds
         */
        public ParamDescriptor build() {
            if (!type.isNumeric() && (min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("Parameter '" + name + "' is " + type.description()
                        + "; only numeric parameters take bounds");
            }
            if (min > max) {
                throw new IllegalArgumentException("Parameter '" + name + "' has min " + format(min)
                        + " above max " + format(max));
            }
            if (type == ParamType.ENUM && enumConstants.isEmpty()) {
                throw new IllegalArgumentException("Enum parameter '" + name + "' has no constants");
            }
            ParamDescriptor d = new ParamDescriptor(this);
            if (defaultValue != null) {
                d.parse(defaultValue);
            }
            return d;
        }
    }
}
