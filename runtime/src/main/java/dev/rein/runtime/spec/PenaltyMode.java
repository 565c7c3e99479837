package dev.rein.runtime.spec;

import java.util.Locale;

/**
 * How a penalty enters training: the spec key {@code mode}.
 *
 * <pre>{@code
 * l2(lambda=1e-4, mode=decoupled)   // AdamW-style weight decay after the optimiser's step
 * l1(lambda=1e-5, mode=proximal)    // soft-thresholding: exact zeros
 * l1(lambda=1e-5, mode=cumulative)  // Tsuruoka's cumulative L1, as sklearn's SGDClassifier: sparser models
 * }</pre>
 */
public enum PenaltyMode {
    /** Let Rein choose per penalty and optimiser, and say what it chose. The default. */
    AUTO,
    /** The penalty's gradient joins the loss gradient before the optimiser. */
    COUPLED,
    /** Decay applied to the weights after the optimiser's step (AdamW style). */
    DECOUPLED,
    /** A proximal step after the optimiser's step; needs a {@code @Proximal} operator. */
    PROXIMAL,
    /**
     * The L1 part as Tsuruoka et al.'s (2009) cumulative penalty, the way scikit-learn's {@code SGDClassifier}
     * applies {@code l1} and {@code elasticnet}: each weight keeps the L1 penalty it has actually paid and owes the
     * rest, including what it could not pay while it sat at zero, so weights the loss only occasionally pushes off
     * zero go back to it. Gives much sparser models than proximal steps under SGD. For penalties of the form
     * {@code λ₁|w| + (λ₂/2)w²} with {@code λ₁ > 0}, on a linear model's weights, under SGD without momentum.
     */
    CUMULATIVE;

    /** The spelling in a spec. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
