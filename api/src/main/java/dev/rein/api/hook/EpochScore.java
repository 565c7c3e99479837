package dev.rein.api.hook;

/**
 * What a {@link StoppingRule} learns after an epoch: the validation metric and which way is better.
 *
 * <pre>{@code
 * new EpochScore(7, "accuracy", 0.913, true)   // epoch 7 (1-based), higher accuracy is better
 * new EpochScore(7, "loss", 0.281, false)      // lower loss is better
 * }</pre>
 *
 * @param epoch          the epoch just finished, counting from 1
 * @param metric         the metric's name
 * @param value          its value on the validation data
 * @param higherIsBetter the metric's direction, known to the trainer
 */
public record EpochScore(int epoch, String metric, double value, boolean higherIsBetter) {
    /** Whether {@code value} beats {@code best} by more than {@code minDelta} in this metric's direction. */
    public boolean improvesOn(double best, double minDelta) {
        return higherIsBetter ? value > best + minDelta : value < best - minDelta;
    }
}
