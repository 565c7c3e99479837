package dev.rein.api.spi;

import dev.rein.api.ReinApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Rein knows about a regularizer before building one: name, aliases, kind, parameters, description,
 * the API version it was compiled against and the class that implements it. Immutable.
 *
 * <pre>{@code
 * RegularizerDescriptor d = RegularizerDescriptor.builder("l2", Kind.PENALTY)
 *         .description("Ridge / weight decay: (lambda/2)·w²")
 *         .aliases(List.of("ridge"))
 *         .addParam(ParamDescriptor.builder("lambda", ParamType.DOUBLE).defaultValue("1e-4").min(0, false).build())
 *         .implementation("dev.rein.plugins.L2")
 *         .build();
 * d.param("lambda").get().validRange();   // "a number >= 0"
 * }</pre>
 */
public final class RegularizerDescriptor {
    private final String name;
    private final Kind kind;
    private final String description;
    private final List<String> aliases;
    private final List<ParamDescriptor> params;
    private final int apiVersion;
    private final String implementation;

    private RegularizerDescriptor(Builder b) {
        this.name = b.name;
        this.kind = b.kind;
        this.description = b.description;
        this.aliases = List.copyOf(b.aliases);
        this.params = List.copyOf(b.params);
        this.apiVersion = b.apiVersion;
        this.implementation = b.implementation;
    }

    public static Builder builder(String name, Kind kind) {
        return new Builder(name, kind);
    }

    /** The name used in specs, lower_snake_case. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The parameters in declaration order. */
    public List<ParamDescriptor> params() {
        return params;
    }

    /** The parameter called {@code paramName}, if any. */
    public Optional<ParamDescriptor> param(String paramName) {
        for (ParamDescriptor p : params) {
            if (p.name().equals(paramName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The {@link ReinApi#VERSION} the provider was compiled against. */
    public int apiVersion() {
        return apiVersion;
    }

    /** The binary name of the author's class, e.g. {@code "com.example.Cauchy"}. */
    public String implementation() {
        return implementation;
    }

    @Override
    public String toString() {
        return name + " (" + kind.displayName() + ", " + implementation + ")";
    }

    /** Builds a {@link RegularizerDescriptor}. */
    public static final class Builder {
        private final String name;
        private final Kind kind;
        private String description = "";
        private List<String> aliases = List.of();
        private final List<ParamDescriptor> params = new ArrayList<>();
        private int apiVersion = ReinApi.VERSION;
        private String implementation = "";

        private Builder(String name, Kind kind) {
            this.name = Objects.requireNonNull(name, "name");
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        public Builder aliases(List<String> aliases) {
            this.aliases = List.copyOf(aliases);
            return this;
        }

        public Builder addParam(ParamDescriptor param) {
            params.add(Objects.requireNonNull(param, "param"));
            return this;
        }

        /** Defaults to {@link ReinApi#VERSION} of the API jar the caller was compiled against. */
        public Builder apiVersion(int apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder implementation(String implementation) {
            this.implementation = Objects.requireNonNull(implementation, "implementation");
            return this;
        }

        /** @throws IllegalArgumentException if two parameters share a name */
        public RegularizerDescriptor build() {
            for (int i = 0; i < params.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (params.get(i).name().equals(params.get(j).name())) {
                        throw new IllegalArgumentException("Regularizer '" + name + "' declares parameter '"
                                + params.get(i).name() + "' twice");
                    }
                }
            }
            return new RegularizerDescriptor(this);
        }
    }
}
