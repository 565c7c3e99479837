package dev.rein.runtime.tribuo.trainer;

import dev.rein.api.hook.EpochScore;
import java.util.Optional;

/**
 * What an {@link EpochListener} hears after each epoch.
 *
 * <pre>{@code
 * new EpochReport(3, 20, 0.412, Optional.of(new EpochScore(3, "accuracy", 0.91, true)))
 * }</pre>
 *
 * @param epoch        the epoch just finished, from 1
 * @param maxEpochs    the most epochs the run may take ({@code epochs}; a stopping rule may end it sooner)
 * @param trainingLoss the epoch's example-weighted mean training loss (lower is better), as the loss was at each
 *                     example's step
 * @param validation   the validation score, when a stopping rule asks for one
 */
public record EpochReport(int epoch, int maxEpochs, double trainingLoss, Optional<EpochScore> validation) {
}
