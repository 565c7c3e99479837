package dev.rein.runtime.tribuo.trainer;

/**
 * Hears about each finished epoch, e.g. to draw progress:
 *
 * <pre>{@code
 * trainer.train(data, null, report -> bar.update(report.epoch() / (double) report.maxEpochs()));
 * }</pre>
 *
 * <p>Called on the training thread, after the epoch's divergence check and validation; it must not change the
 * model.
 */
@FunctionalInterface
public interface EpochListener {
    /** A listener that ignores everything. */
    EpochListener NONE = report -> { };

    void epochEnded(EpochReport report);
}
