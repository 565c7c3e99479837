package dev.rein.processor.model;

import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One checked {@code @Param}: the names it has in a spec and in Java, its type, default, bounds and description.
 * Immutable.
 *
 * <pre>{@code
 * ParamModel ratio = ParamModel.builder("l1_ratio", "l1Ratio", ParamType.DOUBLE)
 *         .defaultValue("0.5").min(0, false).max(1, false)
 *         .description("Share of L1 in the mix")
 *         .build();
 * ratio.toDescriptor().validRange();   // "a number in [0, 1]"
 * }</pre>
 *
 * <p>An enum parameter also carries its enum class and constants:
 * {@code builder("metric", "metric", ParamType.ENUM).enumeration(QualifiedName.of("com.example", "Metric"),
 * List.of("ACCURACY", "LOSS"))}.
 */
public final class ParamModel {
    private final String specName;
    private final String javaName;
    private final ParamType type;
    private final QualifiedName enumType;
    private final List<String> enumConstants;
    private final String defaultValue;
    private final double min;
    private final double max;
    private final boolean exclusiveMin;
    private final boolean exclusiveMax;
    private final String description;

    private ParamModel(Builder b) {
        this.specName = b.specName;
        this.javaName = b.javaName;
        this.type = b.type;
        this.enumType = b.enumType;
        this.enumConstants = List.copyOf(b.enumConstants);
        this.defaultValue = b.defaultValue;
        this.min = b.min;
        this.max = b.max;
        this.exclusiveMin = b.exclusiveMin;
        this.exclusiveMax = b.exclusiveMax;
        this.description = b.description;
    }

    /** Starts a parameter called {@code specName} in specs and {@code javaName} in the author's source. */
    public static Builder builder(String specName, String javaName, ParamType type) {
        return new Builder(specName, javaName, type);
    }

    /** The name in specs, e.g. {@code "l1_ratio"}. */
    public String specName() {
        return specName;
    }

    /** The parameter's name in the author's source, e.g. {@code "l1Ratio"}. */
    public String javaName() {
        return javaName;
    }

    public ParamType type() {
        return type;
    }

    /** The enum class of an {@link ParamType#ENUM} parameter. */
    public Optional<QualifiedName> enumType() {
        return Optional.ofNullable(enumType);
    }

    /** The enum's constants in declaration order; empty for other types. */
    public List<String> enumConstants() {
        return enumConstants;
    }

    /** The default as written in a spec; empty when the parameter is required. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
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

    public boolean hasMin() {
        return min != Double.NEGATIVE_INFINITY;
    }

    public boolean hasMax() {
        return max != Double.POSITIVE_INFINITY;
    }

    public String description() {
        return description;
    }

    /**
     * The descriptor the generated provider will build, built here with the same rules so that a bad default is
     * caught at compile time.
     *
     * @throws IllegalArgumentException with {@link ParamDescriptor}'s own message if the bounds or default are
     *                                  invalid
     */
    public ParamDescriptor toDescriptor() {
        ParamDescriptor.Builder b = ParamDescriptor.builder(specName, type)
                .defaultValue(defaultValue)
                .description(description);
        if (hasMin()) {
            b.min(min, exclusiveMin);
        }
        if (hasMax()) {
            b.max(max, exclusiveMax);
        }
        if (enumType != null) {
            b.enumeration(enumType.binaryName(), enumConstants);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return javaName + " (" + specName + ": " + type + ")";
    }

    /** Builds a {@link ParamModel}. */
    public static final class Builder {
        private final String specName;
        private final String javaName;
        private final ParamType type;
        private QualifiedName enumType;
        private List<String> enumConstants = List.of();
        private String defaultValue;
        private double min = Double.NEGATIVE_INFINITY;
        private double max = Double.POSITIVE_INFINITY;
        private boolean exclusiveMin;
        private boolean exclusiveMax;
        private String description = "";

        private Builder(String specName, String javaName, ParamType type) {
            this.specName = Objects.requireNonNull(specName, "specName");
            this.javaName = Objects.requireNonNull(javaName, "javaName");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** {@code null} makes the parameter required. */
        public Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        public Builder min(double value, boolean exclusive) {
            this.min = value;
            this.exclusiveMin = exclusive;
            return this;
        }

        public Builder max(double value, boolean exclusive) {
            this.max = value;
            this.exclusiveMax = exclusive;
            return this;
        }

        public Builder enumeration(QualifiedName enumClass, List<String> constants) {
            this.enumType = Objects.requireNonNull(enumClass, "enumClass");
            this.enumConstants = List.copyOf(constants);
            return this;
        }

        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        public ParamModel build() {
            if ((type == ParamType.ENUM) != (enumType != null)) {
                throw new IllegalStateException("Parameter " + javaName
                        + ": an enum class is given exactly when the type is ENUM");
            }
            return new ParamModel(this);
        }
    }
}
