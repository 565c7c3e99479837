package dev.rein.runtime.tribuo;

import dev.rein.runtime.ReinMessage;

/**
 * Training produced a NaN or infinite gradient, update, weight or loss. The one exception for divergence, wherever
 * it is found: {@link RegularizedOptimiser} throws it at the step where it first sees a bad value (it knows the
 * step, not the epoch), and Rein's trainers throw it, or add the epoch to the optimiser's, at an epoch's end. The
 * message starts with the tag {@code tribuo-diverged} ({@link #tag()}), names the epoch or step, the spec and the
 * first bad value, and says what usually helps:
 *
 * <pre>{@code
 * try {
 *     model = trainer.train(data);
 * } catch (TrainingDivergedException e) {
 *     e.epoch();   // 7 (0 when thrown outside Rein's trainers, e.g. inside Tribuo's own LinearSGDTrainer)
 *     e.step();    // 1032 (0 when found at an epoch's end)
 *     e.tag();     // "tribuo-diverged"
 *     // "[tribuo-diverged] Training diverged in epoch 7 with spec 'l2(lambda=0.1)': weight of feature 'f3' for
 *     //  output 'A' is NaN. Lower the learning rate or the penalty strength, scale the features, or check the data
 *     //  for NaN or huge values; a penalty plugin whose gradient ... ('rein check NAME' tests it)."
 * }
 * }</pre>
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final long step;
    private final String spec;
    private final String detail;

    private TrainingDivergedException(int epoch, long step, String spec, String detail, Throwable cause) {
        super(TribuoMessages.diverged(epoch, step, spec, detail).toString(), cause);
        this.epoch = epoch;
        this.step = step;
        this.spec = spec;
        this.detail = detail;
    }

    /**
     * Found at an epoch's end.
     *
     * @param epoch the epoch (from 1) at whose end the bad value was found
     * @param spec  the regularization spec trained with
     * @param what  what is not finite, e.g. {@code "weight of feature 'f3' for output 'A' is NaN"}
     */
    public static TrainingDivergedException atEpoch(int epoch, String spec, String what) {
        return new TrainingDivergedException(epoch, 0, spec, what, null);
    }

    /**
     * Found by the optimiser during a step.
     *
     * @param step the 1-based optimiser step (mini-batch) since {@code initialise}; 0 for the final catch-up
     * @param spec the regularization spec in canonical form
     * @param what what was not finite, e.g. {@code "the gradient of tensor 0 at (0, 3) is NaN"}
     */
    public static TrainingDivergedException atStep(long step, String spec, String what) {
        return new TrainingDivergedException(0, step, spec, what, null);
    }

    /**
     * The same divergence with the epoch it happened in, for a trainer that knows it:
     * {@code "[tribuo-diverged] Training diverged in epoch 3 with spec '…': at step 17, the gradient of … is NaN.
     * …"}.
     */
    public TrainingDivergedException inEpoch(int epoch) {
        String what = step > 0 ? TribuoMessages.atStep(step, detail) : detail;
        return new TrainingDivergedException(epoch, step, spec, what, this);
    }

    /** The message's tag, {@code "tribuo-diverged"}: the same for every divergence. */
    public String tag() {
        return ReinMessage.parse(getMessage()).orElseThrow().tag();
    }

    /** The epoch, counting from 1, in which training diverged; 0 when not known. */
    public int epoch() {
        return epoch;
    }

    /** The 1-based optimiser step (mini-batch) since {@code initialise}; 0 when not known. */
    public long step() {
        return step;
    }

    /** The regularization spec trained with. */
    public String spec() {
        return spec;
    }

    /** What was not finite, e.g. {@code "the gradient of tensor 0 at (0, 3) is NaN"}. */
    public String detail() {
        return detail;
    }
}
