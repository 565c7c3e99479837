package dev.rein.runtime.tribuo;

/**
 * Training produced a NaN or infinite gradient or weight. Thrown by {@link RegularizedOptimiser} at the step where
 * it first sees one; the message names the step, the value and the spec, and a trainer that knows the epoch
 * adds it:
 *
 * <pre>{@code
 * try {
 *     model = trainer.train(data);
 * } catch (DivergenceException e) {
 *     throw new IllegalStateException("Epoch " + epoch + ": " + e.getMessage(), e);
 *     // "Epoch 3: Training with 'l2(lambda=0.1)' diverged at step 17: the update of weight (0, 3) is NaN; ..."
 * }
 * }</pre>
 */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long step;
    private final String spec;
    private final String detail;

    /**
     * @param step   the 1-based optimiser step (mini-batch) counted since {@code initialise}; 0 for the final
     *               catch-up
     * @param spec   the regularization spec in canonical form
     * @param detail what was not finite, e.g. {@code "the gradient of weight (0, 3) is NaN"}
     */
    public DivergenceException(long step, String spec, String detail) {
        super("Training with '" + spec + "' diverged " + (step > 0 ? "at step " + step : "in the final catch-up")
                + ": " + detail + "; lower the learning rate or the penalty strength, or check the data for"
                + " NaN or huge values");
        this.step = step;
        this.spec = spec;
        this.detail = detail;
    }

    /** What was not finite, e.g. {@code "the gradient of weight (0, 3) is NaN"}. */
    public String detail() {
        return detail;
    }

    /** The 1-based optimiser step (mini-batch) since {@code initialise}; 0 for the final catch-up. */
    public long step() {
        return step;
    }

    /** The regularization spec in canonical form. */
    public String spec() {
        return spec;
    }
}
