package dev.rein.api.hook;

import java.util.Optional;

/**
 * An element-wise penalty, ready to apply: {@code R(block) = Σ R(w_i)}.
 *
 * <p>Authors do not implement this: the processor generates it from a {@link dev.rein.api.Penalty} class, with
 * the parameter values bound in final fields and the array methods as tight loops over the author's static
 * functions (no reflection, no boxing, no per-element virtual call). Rein's trainers call the array methods;
 * the checker and lazy catch-up call the scalar ones.
 *
 * <pre>{@code
 * ElementwisePenalty l2 = ...;               // from the registry, e.g. for "l2(lambda=0.1)"
 * double r = l2.value(w, 0, w.length);       // 0.05 * Σ w_i²
 * l2.addGradient(w, 0, w.length, grad, 1.0); // grad_i += 0.1 * w_i
 * l2.closedForm();                           // Optional[λ₁ = 0.0, λ₂ = 0.1]
 * }</pre>
 */
public interface ElementwisePenalty {
    /** {@code R(w)} for one weight. */
    double value(double w);

    /** {@code dR/dw} for one weight (a subgradient at a kink). */
    double gradient(double w);

    /** Whether a {@link dev.rein.api.Proximal} operator exists. */
    boolean hasProximal();

    /**
     * {@code argmin_x [(x - w)² / (2·step) + R(x)]}.
     *
     * @throws UnsupportedOperationException unless {@link #hasProximal()} says true
     */
    double proximal(double w, double step);

    /** {@code Σ R(w[i])} for {@code from <= i < to}. */
    double value(double[] w, int from, int to);

    /** {@code gradient[i] += scale · dR/dw(w[i])} for {@code from <= i < to}. */
    void addGradient(double[] w, int from, int to, double[] gradient, double scale);

    /**
     * {@code w[i] = prox(w[i], step)} for {@code from <= i < to}.
     *
     * @throws UnsupportedOperationException unless {@link #hasProximal()} says true
     */
    void proximal(double[] w, int from, int to, double step);

    /**
     * The coefficients of {@code R(w) = λ₁·|w| + (λ₂/2)·w²} when the plugin declares its penalty to be of that form
     * for every {@code w} (a {@link dev.rein.api.ClosedForm} method), else empty, the default.
     *
     * <p>The glue generated for a class with {@code @ClosedForm} returns the author's coefficients for the bound
     * parameters (empty where the author's method returns {@code null}). Rein verifies a declaration against
     * {@link #value(double)} and {@link #gradient(double)} before it relies on it.
     */
    default Optional<ElasticCoefficients> closedForm() {
        return Optional.empty();
    }
}
