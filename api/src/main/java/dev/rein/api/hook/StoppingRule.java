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
 *
 * <p>The trainer keeps one copy of the weights, of the epoch {@link #restorableEpoch()} names after each
 * {@code afterEpoch}; a rule that may restore an epoch says which, so that a run holds one model's worth of memory
 * however many epochs improve:
 *
 * <pre>{@code
 * public int restorableEpoch() {
 *     return restoreBest ? bestEpoch : NOTHING_TO_RESTORE;
 * }
 * }</pre>
 */
public interface StoppingRule {
    /** The name of the validation metric the trainer must compute, e.g. {@code "accuracy"} or {@code "loss"}. */
    String metric();

    /** Called after every epoch with the validation score. */
    EpochDecision afterEpoch(EpochScore score);

    /** {@link #restorableEpoch()}: this rule never asks to restore an epoch, so the trainer keeps no copy. */
    int NOTHING_TO_RESTORE = -1;

    /** {@link #restorableEpoch()}: the trainer keeps the weights of the latest epoch whose score beat all before. */
    int BEST_SO_FAR = 0;

    /**
     * The epoch whose weights this rule may ask to restore, as of the epoch just passed to {@link #afterEpoch}: that
     * epoch itself, an earlier one the trainer holds a copy of, {@link #NOTHING_TO_RESTORE}, or
     * {@link #BEST_SO_FAR} (the default, right for a rule that restores the epoch with the best score).
     */
    default int restorableEpoch() {
        return BEST_SO_FAR;
    }

    /** Forgets everything seen, before a new training run. */
    void reset();
}
