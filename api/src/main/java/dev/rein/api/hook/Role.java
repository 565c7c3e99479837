package dev.rein.api.hook;

/**
 * What a block of parameters is for. Penalties and constraints apply to {@link #WEIGHT} and {@link #FACTOR}
 * blocks unless a spec says otherwise ({@code l2(lambda=1e-4, on=all)}).
 *
 * <p>In a Tribuo linear model the last column of the weight matrix is the bias: Rein hands it over as a separate
 * {@link #BIAS} block.
 */
public enum Role {
    /** Connection weights: a row per output unit, a column per input. */
    WEIGHT(true),
    /** Per-unit offsets. */
    BIAS(false),
    /** Factor matrices of a factorization machine. */
    FACTOR(true),
    /** The learned scale (gamma) of a normalization layer. */
    NORMALIZATION_SCALE(false),
    /** The learned shift (beta) of a normalization layer. */
    NORMALIZATION_SHIFT(false);

    private final boolean regularizedByDefault;

    Role(boolean regularizedByDefault) {
        this.regularizedByDefault = regularizedByDefault;
    }

    /** Whether penalties and constraints touch this role when the spec does not say {@code on=...}. */
    public boolean regularizedByDefault() {
        return regularizedByDefault;
    }
}
