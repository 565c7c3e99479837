package dev.rein.processor.model;

import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One checked {@code @Param}: the {@link ParamDescriptor} the generated provider will build (name in specs,
 * type, default, bounds, description), plus what only the source knows: the Java name and the enum class.
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
 * <p>Building goes through {@link ParamDescriptor.Builder#build()}, so a default the runtime would reject is
 * rejected here, at compile time, with the runtime's own message. An enum parameter also carries its enum class:
 * {@code builder("metric", "metric", ParamType.ENUM).enumeration(QualifiedName.of("com.example", "Metric"),
 * List.of("ACCURACY", "LOSS"))}.
 */
public final class ParamModel {
    private final String javaName;
    private final QualifiedName enumType;
    private final ParamDescriptor descriptor;

    private ParamModel(String javaName, QualifiedName enumType, ParamDescriptor descriptor) {
        this.javaName = javaName;
        this.enumType = enumType;
        this.descriptor = descriptor;
    }

    /** Starts a parameter called {@code specName} in specs and {@code javaName} in the author's source. */
    public static Builder builder(String specName, String javaName, ParamType type) {
        return new Builder(specName, javaName, type);
    }

    /** The name in specs, e.g. {@code "l1_ratio"}. */
    public String specName() {
        return descriptor.name();
    }

    /** The parameter's name in the author's source, e.g. {@code "l1Ratio"}. */
    public String javaName() {
        return javaName;
    }

    public ParamType type() {
        return descriptor.type();
    }

    /** The enum class of an {@link ParamType#ENUM} parameter. */
    public Optional<QualifiedName> enumType() {
        return Optional.ofNullable(enumType);
    }

    /** The enum's constants in declaration order; empty for other types. */
    public List<String> enumConstants() {
        return descriptor.enumConstants();
    }

    /** The default as written in a spec; empty when the parameter is required. */
    public Optional<String> defaultValue() {
        return descriptor.defaultValue();
    }

    public double min() {
        return descriptor.min();
    }

    public double max() {
        return descriptor.max();
    }

    public boolean exclusiveMin() {
        return descriptor.exclusiveMin();
    }

    public boolean exclusiveMax() {
        return descriptor.exclusiveMax();
    }

    /** Whether {@code @Param} writes a lower bound (or {@code exclusiveMin}). */
    public boolean hasMin() {
        return descriptor.minDeclared();
    }

    /** Whether {@code @Param} writes an upper bound (or {@code exclusiveMax}). */
    public boolean hasMax() {
        return descriptor.maxDeclared();
    }

    public String description() {
        return descriptor.description();
    }

    /** The descriptor the generated provider will build. */
    public ParamDescriptor toDescriptor() {
        return descriptor;
    }

    @Override
    public String toString() {
        return javaName + " (" + specName() + ": " + type() + ")";
    }

    /** Builds a {@link ParamModel} by filling in the {@link ParamDescriptor.Builder} it will check. */
    public static final class Builder {
        private final String javaName;
        private final ParamType type;
        private final ParamDescriptor.Builder descriptor;
        private QualifiedName enumType;

        private Builder(String specName, String javaName, ParamType type) {
            this.javaName = Objects.requireNonNull(javaName, "javaName");
            this.type = Objects.requireNonNull(type, "type");
            this.descriptor = ParamDescriptor.builder(specName, type);
        }

        /** {@code null} makes the parameter required. */
        public Builder defaultValue(String value) {
            descriptor.defaultValue(value);
            return this;
        }

        public Builder min(double value, boolean exclusive) {
            descriptor.min(value, exclusive);
            return this;
        }

        public Builder max(double value, boolean exclusive) {
            descriptor.max(value, exclusive);
            return this;
        }

        public Builder enumeration(QualifiedName enumClass, List<String> constants) {
            this.enumType = Objects.requireNonNull(enumClass, "enumClass");
            descriptor.enumeration(enumClass.binaryName(), constants);
            return this;
        }

        public Builder description(String text) {
            descriptor.description(text);
            return this;
        }

        /**
         * @throws IllegalStateException    if an enum class is given for a non-enum type or missing for an enum
         * @throws IllegalArgumentException with {@link ParamDescriptor}'s own message if the bounds or the default
         *                                  are invalid
         */
        public ParamModel build() {
            if ((type == ParamType.ENUM) != (enumType != null)) {
                throw new IllegalStateException("Parameter " + javaName
                        + ": an enum class is given exactly when the type is ENUM");
            }
            return new ParamModel(javaName, enumType, descriptor.build());
        }
    }
}
