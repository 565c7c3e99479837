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
 * PenaltyMethods c = m.withClosedForm("closedForm");                        // and a @ClosedForm
 * c.closedForm();                                                           // Optional[closedForm]
 * }</pre>
 */
public final class PenaltyMethods {
    private final String penalty;
    private final String gradient;
    private final String proximal;
    private final String closedForm;

    private PenaltyMethods(String penalty, String gradient, String proximal, String closedForm) {
        this.penalty = Objects.requireNonNull(penalty, "penalty");
        this.gradient = Objects.requireNonNull(gradient, "gradient");
        this.proximal = proximal;
        this.closedForm = closedForm;
    }

    /** {@code proximal} may be {@code null}: the penalty then has no proximal operator. No closed form. */
    public static PenaltyMethods of(String penalty, String gradient, String proximal) {
        return new PenaltyMethods(penalty, gradient, proximal, null);
    }

    /** These methods and the {@code @ClosedForm} method {@code closedForm}; {@code null} for none. */
    public PenaltyMethods withClosedForm(String closedForm) {
        return new PenaltyMethods(penalty, gradient, proximal, closedForm);
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

    /** The {@code @ClosedForm} method, {@code ElasticCoefficients c(params...)}, if any. */
    public Optional<String> closedForm() {
        return Optional.ofNullable(closedForm);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PenaltyMethods
                && ((PenaltyMethods) o).penalty.equals(penalty)
                && ((PenaltyMethods) o).gradient.equals(gradient)
                && Objects.equals(((PenaltyMethods) o).proximal, proximal)
                && Objects.equals(((PenaltyMethods) o).closedForm, closedForm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(penalty, gradient, proximal, closedForm);
    }

    @Override
    public String toString() {
        return "penalty=" + penalty + ", gradient=" + gradient + ", proximal=" + proximal
                + (closedForm == null ? "" : ", closedForm=" + closedForm);
    }
}
