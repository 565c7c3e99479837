package dev.rein.plugins;

import dev.rein.api.Param;
import dev.rein.api.Regularizer;
import dev.rein.api.hook.EpochDecision;
import dev.rein.api.hook.EpochScore;
import dev.rein.api.hook.StoppingRule;
import java.util.Locale;

/**
 * Early stopping: after each epoch the trainer scores the model on validation data; when {@code patience} epochs
 * in a row fail to beat the best score by more than {@code min_delta}, training stops and, with
 * {@code restore_best}, the model keeps the best epoch's weights.
 *
 * <pre>{@code
 * rein train --data train.libsvm --spec "l2(lambda=1e-4) + early_stopping(patience=3, metric=accuracy)" --epochs 100
 * }</pre>
 *
 * <p>The metric's direction is the trainer's to know (higher accuracy and R², lower loss, RMSE and MAE are
 * better), so no one maximises a loss by mistake. {@code min_delta} is in the metric's own units. The first epoch
 * with a finite score is the first best; an epoch whose score is NaN never improves. This is Keras'
 * {@code EarlyStopping(monitor, min_delta, patience, restore_best_weights)}, except that a run that uses up its
 * epochs keeps the last weights, as Keras 2 does.
 */
@Regularizer(name = "early_stopping", aliases = {"early_stop"},
        description = "Stops training when the validation metric stops improving and keeps the best epoch")
public final class EarlyStopping implements StoppingRule {
    /**
     * The validation metrics: {@code ACCURACY} and {@code LOSS} for classifiers, {@code LOSS}, {@code RMSE},
     * {@code MAE} and {@code R2} for regression.
     */
    public enum Metric {
        ACCURACY, LOSS, RMSE, MAE, R2
    }

    private final int patience;
    private final double minDelta;
    private final Metric metric;
    private final boolean restoreBest;

    private int bestEpoch;
    private double best;

    /**
     * @param patience    epochs without improvement before stopping
     * @param minDelta    the least change that counts as an improvement
     * @param metric      the validation metric
     * @param restoreBest whether the model keeps the best epoch's weights rather than the last
     */
    public EarlyStopping(
            @Param(defaultValue = "5", min = 1,
                    description = "Epochs without improvement before training stops") int patience,
            @Param(defaultValue = "0", min = 0,
                    description = "Least change of the metric that counts as an improvement") double minDelta,
            @Param(defaultValue = "LOSS",
                    description = "Validation metric: accuracy or loss (classification); loss, rmse, mae or r2"
                            + " (regression)") Metric metric,
            @Param(defaultValue = "true",
                    description = "Keep the best epoch's weights instead of the last epoch's") boolean restoreBest) {
        this.patience = patience;
        this.minDelta = minDelta;
        this.metric = metric;
        this.restoreBest = restoreBest;
    }

    @Override
    public String metric() {
        return metric.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public EpochDecision afterEpoch(EpochScore score) {
        boolean finite = !Double.isNaN(score.value());
        if (finite && (bestEpoch == 0 || score.improvesOn(best, minDelta))) {
            best = score.value();
            bestEpoch = score.epoch();
            return EpochDecision.keepGoing();
        }
        int sinceBest = score.epoch() - bestEpoch;
        if (sinceBest < patience) {
            return EpochDecision.keepGoing();
        }
        String reason = bestEpoch == 0
                ? "no finite " + metric() + " in " + patience + " epochs"
                : "no improvement in " + patience + " epochs since epoch " + bestEpoch + " (best " + metric() + " "
                        + best + ")";
        return EpochDecision.stop(reason, restoreBest && bestEpoch > 0 ? bestEpoch : EpochDecision.KEEP_CURRENT);
    }

    /** The best epoch when the spec asks to restore it, so the trainer keeps that one copy of the weights. */
    @Override
    public int restorableEpoch() {
        return restoreBest && bestEpoch > 0 ? bestEpoch : NOTHING_TO_RESTORE;
    }

    @Override
    public void reset() {
        bestEpoch = 0;
        best = 0;
    }
}
