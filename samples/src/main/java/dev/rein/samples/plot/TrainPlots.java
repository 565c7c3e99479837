package dev.rein.samples.plot;

import dev.rein.runtime.spec.Regularization;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.TrainingResult;
import dev.rein.samples.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * The pictures of {@code rein train --plots DIR}: {@code learning-curves} from the epochs the run reported, and
 * {@code weights}, the trained weights beside those of the same training (data, settings, seed) without the spec,
 * which is trained once more for the purpose.
 *
 * <pre>{@code
 * LearningCurveChart curves = new LearningCurveChart();
 * TrainingResult r = job.run(train, validation, test, progress, curves);
 * List<Path> files = TrainPlots.write(folder, curves, r, ModelChoice.LINEAR, train, settings);   // 4 files
 * }</pre>
 */
public final class TrainPlots {
    private TrainPlots() {
    }

    /** Writes both charts; returns the files written. */
    public static List<Path> write(ChartFolder folder, LearningCurveChart curves, TrainingResult result,
            ModelChoice model, Dataset<Label> train, TrainingSettings settings) {
        List<Path> files = new ArrayList<>(folder.write(curves.chart(result.spec(), result.bestEpoch()),
                "learning-curves"));
        List<Double> weights = WeightHistogram.weights(result.model());
        if (result.spec().equals("none")) {
            files.addAll(folder.write(WeightHistogram.of("none", null, weights), "weights"));
        } else {
            TrainingResult plain = model.train(Regularization.none(), settings, train, null, null);
            files.addAll(folder.write(WeightHistogram.of(result.spec(), weights,
                    WeightHistogram.weights(plain.model())), "weights"));
        }
        return files;
    }
}
