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
 * PenaltyMethods d = PenaltyMethods.derived("penalty", DerivedGradient.of("w", List.of("return lambda * w")), null);
 * d.derivedGradient().isPresent();                                          // true: no @Gradient was written
 * }</pre>
 */
public final class PenaltyMethods {
    private final String penalty;
    private final String gradient;
    private final String proximal;
    private final String closedForm;
    private final DerivedGradient derived;

    private PenaltyMethods(String penalty, String gradient, String proximal, String closedForm,
            DerivedGradient derived) {
        this.penalty = Objects.requireNonNull(penalty, "penalty");
        this.gradient = Objects.requireNonNull(gradient, "gradient");
        this.proximal = proximal;
        this.closedForm = closedForm;
        this.derived = derived;
    }

    /** {@code proximal} may be {@code null}: the penalty then has no proximal operator. No closed form. */
    public static PenaltyMethods of(String penalty, String gradient, String proximal) {
        return new PenaltyMethods(penalty, gradient, proximal, null, null);
    }

    /**
     * A penalty without a {@code @Gradient}: the processor derived {@code gradient} from the penalty's body and
     * generates it as a static method {@code gradient} of its own class.
     */
    public static PenaltyMethods derived(String penalty, DerivedGradient gradient, String proximal) {
        return new PenaltyMethods(penalty, "gradient", proximal, null, Objects.requireNonNull(gradient, "gradient"));
    }

    /** These methods and the {@code @ClosedForm} method {@code closedForm}; {@code null} for none. */
    public PenaltyMethods withClosedForm(String closedForm) {
        return new PenaltyMethods(penalty, gradient, proximal, closedForm, derived);
    }

    /** The gradient the processor derived, when the author wrote none. */
    public Optional<DerivedGradient> derivedGradient() {
        return Optional.ofNullable(derived);
    }

    /** The {@code @Penalty} method: {@code double f(double w, params...)}. */
    public String penalty() {
        return penalty;
    }

    /**
     * The {@code @Gradient} method, {@code double g(double w, params...)}; for a {@link #derivedGradient()} the
     * name of the generated method.
     */
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
                && Objects.equals(((PenaltyMethods) o).closedForm, closedForm)
                && Objects.equals(((PenaltyMethods) o).derived, derived);
    }

    @Override
    public int hashCode() {
        return Objects.hash(penalty, gradient, proximal, closedForm, derived);
    }

    @Override
    public String toString() {
        return "penalty=" + penalty + ", gradient=" + gradient + ", proximal=" + proximal
                + (closedForm == null ? "" : ", closedForm=" + closedForm) + (derived == null ? "" : " (derived)");
    }
}
