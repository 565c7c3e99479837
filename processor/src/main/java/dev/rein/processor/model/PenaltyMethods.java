package dev.rein.processor.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The names of the static methods of an element-wise penalty class that the generated glue calls.
 *
 * <pre>{@code
 * PenaltyMethods m = PenaltyMethods.of("penalty", "gradient", "prox");      // all three
 * PenaltyMethods n = PenaltyMethods.of("penalty", "gradient", null);        // no @Proximal
 * n.proximal().isPresent();                                                 // false
 * }</pre>
 */
public final class PenaltyMethods {
    private final String penalty;
    private final String gradient;
    private final String proximal;

    private PenaltyMethods(String penalty, String gradient, String proximal) {
        this.penalty = Objects.requireNonNull(penalty, "penalty");
        this.gradient = Objects.requireNonNull(gradient, "gradient");
        this.proximal = proximal;
    }

    /** {@code proximal} may be {@code null}: the penalty then has no proximal operator. */
    public static PenaltyMethods of(String penalty, String gradient, String proximal) {
        return new PenaltyMethods(penalty, gradient, proximal);
    }

    /** The {@code @Penalty} method: {@code double f(double w, params...)}. */
    public String penalty() {
        return penalty;
    }

    /** The {@code @Gradient} method: {@code double g(double w, params...)}. */
    public String gradient() {
        return gradient;
    }

    /** The {@code @Proximal} method, {@code double p(double w, double step, params...)}, if any. */
    public Optional<String> proximal() {
        return Optional.ofNullable(proximal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PenaltyMethods
                && ((PenaltyMethods) o).penalty.equals(penalty)
                && ((PenaltyMethods) o).gradient.equals(gradient)
                && Objects.equals(((PenaltyMethods) o).proximal, proximal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(penalty, gradient, proximal);
    }

    @Override
    public String toString() {
        return "penalty=" + penalty + ", gradient=" + gradient + ", proximal=" + proximal;
    }
}
