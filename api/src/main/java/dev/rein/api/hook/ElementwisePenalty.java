package dev.rein.api.hook;

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
}
