package dev.rein.api.hook;

/**
 * Decides after each epoch whether training goes on: early stopping and its relatives.
 *
 * <pre>{@code
 * public EpochDecision afterEpoch(EpochScore score) {
 *     if (score.improvesOn(best, minDelta)) { best = score.value(); bestEpoch = score.epoch(); }
 *     else if (score.epoch() - bestEpoch >= patience) {
 *         return EpochDecision.stop("no improvement in " + patience + " epochs", bestEpoch);
 *     }
 *     return EpochDecision.keepGoing();
 * }
 * }</pre>
 *
 * <p>A rule instance serves one training run; the trainer calls {@link #reset()} before a run starts.
 */
public interface StoppingRule {
    /** The name of the validation metric the trainer must compute, e.g. {@code "accuracy"} or {@code "loss"}. */
    String metric();

    /** Called after every epoch with the validation score. */
    EpochDecision afterEpoch(EpochScore score);

    /** Forgets everything seen, before a new training run. */
    void reset();
}
