package dev.rein.api.hook;

/**
 * The two coefficients of an element-wise penalty of the elastic form {@code R(w) = λ₁·|w| + (λ₂/2)·w²}: L1
 * ({@code λ₂ = 0}), L2 ({@code λ₁ = 0}) and the elastic net. A penalty of this form lets Rein catch the weights of
 * absent sparse features up in closed form (one multiplication and one soft-threshold, however many steps were
 * missed) instead of replaying the steps.
 *
 * <p>An author returns it from a {@link dev.rein.api.ClosedForm} method, as a function of the penalty's parameters:
 *
 * <pre>{@code
 * ElasticCoefficients.ridge(lambda)                               // (λ/2)·w²
 * ElasticCoefficients.lasso(lambda)                               // λ·|w|
 * ElasticCoefficients.of(lambda * l1Ratio, lambda * (1 - l1Ratio)) // λ·(ρ·|w| + (1-ρ)/2·w²)
 * }</pre>
 *
 * <p>Note the half in front of {@code λ₂}: {@code ridge(0.1)} is {@code 0.05·w²}, whose gradient is {@code 0.1·w}.
 *
 * @param l1 {@code λ₁}, the coefficient of {@code |w|}: finite and {@code >= 0}
 * @param l2 {@code λ₂}, the coefficient of {@code w²/2}: finite and {@code >= 0}
 */
public record ElasticCoefficients(double l1, double l2) {
    /**
     * @throws IllegalArgumentException if a coefficient is negative, infinite or NaN (the form is then not convex
     *                                  or not a penalty)
     */
    public ElasticCoefficients {
        if (!(l1 >= 0 && l1 < Double.POSITIVE_INFINITY) || !(l2 >= 0 && l2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("The coefficients of λ₁·|w| + (λ₂/2)·w² must be finite and >= 0, not"
                    + " λ₁ = " + l1 + ", λ₂ = " + l2);
        }
    }

    /** {@code λ₁·|w| + (λ₂/2)·w²}. */
    public static ElasticCoefficients of(double l1, double l2) {
        return new ElasticCoefficients(l1, l2);
    }

    /** {@code λ·|w|}, the lasso: {@code of(lambda, 0)}. */
    public static ElasticCoefficients lasso(double lambda) {
        return new ElasticCoefficients(lambda, 0);
    }

    /** {@code (λ/2)·w²}, ridge or weight decay: {@code of(0, lambda)}. */
    public static ElasticCoefficients ridge(double lambda) {
        return new ElasticCoefficients(0, lambda);
    }

    /** {@code R(w)} of this form. */
    public double value(double w) {
        return l1 * Math.abs(w) + 0.5 * l2 * w * w;
    }

    /** {@code dR/dw} of this form, {@code 0} at {@code w = 0} (a subgradient there when {@code λ₁ > 0}). */
    public double gradient(double w) {
        return l1 * Math.signum(w) + l2 * w;
    }

    /**
     * The proximal operator of this form: soft-thresholding by {@code step·λ₁}, then shrinking by
     * {@code 1 + step·λ₂}.
     */
    public double proximal(double w, double step) {
        double soft = Math.copySign(Math.max(0, Math.abs(w) - step * l1), w);
        return soft / (1 + step * l2);
    }

    @Override
    public String toString() {
        return "λ₁ = " + l1 + ", λ₂ = " + l2;
    }
}
