package dev.rein.runtime.tribuo.trainer;

import dev.rein.runtime.tribuo.NonFiniteScan;
import dev.rein.runtime.tribuo.TrainingDivergedException;
import org.tribuo.math.la.Tensor;

/**
 * Stops a run whose weights or training loss stopped being finite, with a {@link TrainingDivergedException} that
 * names the epoch, the spec and the first bad value by its feature and output ({@link NonFiniteScan} finds it).
 *
 * <pre>{@code
 * DivergenceCheck.check(parameters.get(), epochLoss, PredictionTask.CLASSIFICATION, epoch, "l2(lambda=0.1)", names);
 * }</pre>
 */
final class DivergenceCheck {
    private DivergenceCheck() {
    }

    /**
     * @param epochLoss the epoch's summed loss as Tribuo's objective returns it: negated for classification, which
     *                  {@code task} undoes, so that the message gives the loss with its true sign ({@code Infinity},
     *                  never {@code -Infinity})
     * @throws TrainingDivergedException at the first weight (in tensor, row, column order) that is NaN or
     *                                   infinite, else if {@code epochLoss} is not finite
     */
    static void check(Tensor[] tensors, double epochLoss, PredictionTask task, int epoch, String spec,
            ParameterNames names) {
        NonFiniteScan.first(tensors).ifPresent(bad -> {
            throw TrainingDivergedException.atEpoch(epoch, spec,
                    names.name(bad.tensor(), bad.row(), bad.column()) + " is " + bad.value());
        });
        if (!Double.isFinite(epochLoss)) {
            throw TrainingDivergedException.atEpoch(epoch, spec, "the epoch's training loss is "
                    + task.lossSign() * epochLoss);
        }
    }
}
