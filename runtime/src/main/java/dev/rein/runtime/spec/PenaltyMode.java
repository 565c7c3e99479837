package dev.rein.runtime.spec;

import java.util.Locale;

/**
 * How a penalty enters training: the spec key {@code mode}.
 *
 * <pre>{@code
 * l2(lambda=1e-4, mode=decoupled)   // AdamW-style weight decay after the optimiser's step
 * l1(lambda=1e-5, mode=proximal)    // soft-thresholding: exact zeros
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
    PROXIMAL;

    /** The spelling in a spec. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
