package dev.rein.runtime.tribuo.trainer;

/**
 * Training produced a NaN or infinite weight or loss. The message names the epoch, the spec and the first bad
 * value, and says what usually helps:
 *
 * <pre>{@code
 * Training diverged in epoch 7 with spec 'l2(lambda=0.1)': weight of feature 'f3' for output 'A' is NaN.
 * Lower the learning rate, scale the features, or use a smaller batch size.
 * }</pre>
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final String spec;

    /**
     * @param epoch the epoch (from 1) at whose end the bad value was found
     * @param spec  the regularization spec trained with
     * @param what  what is not finite, e.g. {@code "weight of feature 'f3' for output 'A' is NaN"}
     */
    public TrainingDivergedException(int epoch, String spec, String what) {
        this(epoch, spec, what, null);
    }

    /** As {@link #TrainingDivergedException(int, String, String)}, keeping what the optimiser found. */
    public TrainingDivergedException(int epoch, String spec, String what, Throwable cause) {
        super("Training diverged in epoch " + epoch + " with spec '" + spec + "': " + what + ". Lower the learning"
                + " rate, scale the features, or use a smaller batch size.", cause);
        this.epoch = epoch;
        this.spec = spec;
    }

    /** The epoch, counting from 1, at whose end training diverged. */
    public int epoch() {
        return epoch;
    }

    /** The regularization spec trained with. */
    public String spec() {
        return spec;
    }
}
