package dev.rein.samples.plot;

import dev.rein.runtime.spec.Regularization;
import dev.rein.samples.sweep.Sweep;
import dev.rein.samples.sweep.TrialResult;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.TrainingResult;
import dev.rein.samples.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * The pictures of {@code rein sweep --plots}, {@code rein compare --plots} and {@code rein merge --plots}: the
 * regularization path when something was swept ({@code regularization-path}), the specs side by side when not
 * ({@code compare-metric}, {@code compare-non-zeros}), and, given the training data, {@code weights}: the best
 * trial's spec trained once on all of it beside the same training without regularization (a network's weights are
 * every layer's, biases and normalization parameters left out).
 *
 * <pre>{@code
 * List<Path> files = SweepPlots.write(folder, List.of("l1.lambda"), results, best.regularization(), ModelChoice.LINEAR,
 *         train, settings);
 * SweepPlots.write(folder, labels, merged.trials(), null, null, null, null);   // merge: no data, no histogram
 * }</pre>
 */
public final class SweepPlots {
    private SweepPlots() {
    }

    /**
     * Writes the charts; returns the files written.
     *
     * @param labels the swept axes (empty for compare)
     * @param best   the best trial's regularization, or {@code null} to leave the weight histogram out
     * @param model  the model the trials trained, or {@code null} without a histogram
     * @param train  the training data for the histogram, or {@code null}
     */
    public static List<Path> write(ChartFolder folder, List<String> labels, List<TrialResult> results,
            Regularization best, ModelChoice model, Dataset<Label> train, TrainingSettings settings) {
        List<Path> files = new ArrayList<>();
        if (labels.isEmpty()) {
            files.addAll(folder.write(CompareChart.metric(results), "compare-metric"));
            files.addAll(folder.write(CompareChart.nonZeros(results), "compare-non-zeros"));
        } else {
            PathChart.of(labels, results).ifPresent(chart -> files.addAll(folder.write(chart, "regularization-path")));
        }
        Optional<TrialResult> winner = Sweep.best(results);
        if (best != null && train != null && winner.isPresent() && !best.toSpec().equals("none")) {
            TrainingResult regularized = model.train(best, settings, train, null, null);
            TrainingResult plain = model.train(Regularization.none(), settings, train, null, null);
            files.addAll(folder.write(WeightHistogram.of(best.toSpec(), WeightHistogram.weights(regularized.model()),
                    WeightHistogram.weights(plain.model())), "weights"));
        }
        return files;
    }
}
