package dev.rein.processor.model;

import dev.rein.api.spi.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked {@code @Regularizer} class, everything the generators need and nothing javac-specific. Immutable.
 *
 * <p>An element-wise penalty class carries its {@link PenaltyMethods}; its parameters are those of the
 * {@code @Penalty} method after {@code w}:
 *
 * <pre>{@code
 * RegularizerModel cauchy = RegularizerModel.builder("cauchy", Kind.PENALTY, QualifiedName.of("com.example", "Cauchy"))
 *         .description("Cauchy penalty")
 *         .addParam(ParamModel.builder("lambda", "lambda", ParamType.DOUBLE).defaultValue("1e-4").build())
 *         .penaltyMethods(PenaltyMethods.of("penalty", "gradient", null))
 *         .build();
 * }</pre>
 *
 * <p>A hook class has no penalty methods; its parameters are those of its public constructor, in order:
 * {@code RegularizerModel.builder("max_norm", Kind.CONSTRAINT, QualifiedName.of("com.example", "MaxNorm"))}.
 */
public final class RegularizerModel {
    private final String name;
    private final Kind kind;
    private final QualifiedName type;
    private final String description;
    private final List<String> aliases;
    private final List<ParamModel> params;
    private final PenaltyMethods penaltyMethods;

    private RegularizerModel(Builder b) {
        this.name = b.name;
        this.kind = b.kind;
        this.type = b.type;
        this.description = b.description;
        this.aliases = List.copyOf(b.aliases);
        this.params = List.copyOf(b.params);
        this.penaltyMethods = b.penaltyMethods;
    }

    public static Builder builder(String name, Kind kind, QualifiedName type) {
        return new Builder(name, kind, type);
    }

    /** The name used in specs. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The author's class. */
    public QualifiedName type() {
        return type;
    }

    public String description() {
        return description;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** In declaration order: the {@code @Penalty} method's after {@code w}, or the hook constructor's. */
    public List<ParamModel> params() {
        return params;
    }

    /** Present for a class written with {@code @Penalty}, empty for a hook class. */
    public Optional<PenaltyMethods> penaltyMethods() {
        return Optional.ofNullable(penaltyMethods);
    }

    @Override
    public String toString() {
        return name + " (" + kind + ", " + type + ")";
    }

    /** Builds a {@link RegularizerModel}. */
    public static final class Builder {
        private final String name;
        private final Kind kind;
        private final QualifiedName type;
        private String description = "";
        private List<String> aliases = List.of();
        private final List<ParamModel> params = new ArrayList<>();
        private PenaltyMethods penaltyMethods;

        private Builder(String name, Kind kind, QualifiedName type) {
            this.name = Objects.requireNonNull(name, "name");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        public Builder aliases(List<String> names) {
            this.aliases = List.copyOf(names);
            return this;
        }

        public Builder addParam(ParamModel param) {
            params.add(Objects.requireNonNull(param, "param"));
            return this;
        }

        public Builder penaltyMethods(PenaltyMethods methods) {
            this.penaltyMethods = Objects.requireNonNull(methods, "methods");
            return this;
        }

        /** @throws IllegalStateException if penalty methods are given for a kind other than PENALTY */
        public RegularizerModel build() {
            if (penaltyMethods != null && kind != Kind.PENALTY) {
                throw new IllegalStateException(name + ": only a PENALTY has penalty methods, not " + kind);
            }
            return new RegularizerModel(this);
        }
    }
}
