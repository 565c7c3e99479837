package dev.rein.runtime.tribuo.trainer;

import dev.rein.runtime.plan.RegularizationRefusedException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The validation metrics Rein's SGD trainers compute after each epoch for a stopping rule, each with its direction.
 *
 * <table>
 *   <caption>Metrics</caption>
 *   <tr><th>name</th><th>better</th><th>tasks</th><th>definition on the validation set</th></tr>
 *   <tr><td>{@code accuracy}</td><td>higher</td><td>classification</td><td>share of examples whose highest-scoring
 *       label is the true one</td></tr>
 *   <tr><td>{@code loss}</td><td>lower</td><td>both</td><td>the trainer's own objective (e.g. log loss, squared
 *       loss), weighted mean over examples</td></tr>
 *   <tr><td>{@code rmse}</td><td>lower</td><td>regression</td><td>root mean squared error over every output
 *       dimension</td></tr>
 *   <tr><td>{@code mae}</td><td>lower</td><td>regression</td><td>mean absolute error over every output
 *       dimension</td></tr>
 *   <tr><td>{@code r2}</td><td>higher</td><td>regression</td><td>coefficient of determination, averaged over output
 *       dimensions (1 for a perfect fit of constant targets, else 0 where the targets are constant)</td></tr>
 * </table>
 *
 * <pre>{@code
 * ValidationMetric.resolve("accuracy", PredictionTask.CLASSIFICATION, "early_stopping");   // ACCURACY
 * ValidationMetric.resolve("rmse", PredictionTask.CLASSIFICATION, "early_stopping");       // IllegalArgumentException
 * }</pre>
 */
public enum ValidationMetric {
    ACCURACY(true, EnumSet.of(PredictionTask.CLASSIFICATION)),
    LOSS(false, EnumSet.allOf(PredictionTask.class)),
    RMSE(false, EnumSet.of(PredictionTask.REGRESSION)),
    MAE(false, EnumSet.of(PredictionTask.REGRESSION)),
    R2(true, EnumSet.of(PredictionTask.REGRESSION));

    private final boolean higherIsBetter;
    private final Set<PredictionTask> tasks;

    ValidationMetric(boolean higherIsBetter, Set<PredictionTask> tasks) {
        this.higherIsBetter = higherIsBetter;
        this.tasks = tasks;
    }

    /** The name a stopping rule uses, e.g. {@code "accuracy"}. */
    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public boolean fits(PredictionTask task) {
        return tasks.contains(task);
    }

    /** The metrics a trainer for {@code task} computes, by name: {@code ["accuracy", "loss"]}. */
    public static List<String> namesFor(PredictionTask task) {
        List<String> names = new ArrayList<>();
        for (ValidationMetric m : values()) {
            if (m.fits(task)) {
                names.add(m.metricName());
            }
        }
        return names;
    }

    /**
     * The metric called {@code name} (case-insensitive) for a trainer of {@code task}.
     *
     * @param rule the stopping rule's name, for the message
     * @throws RegularizationRefusedException if no metric has that name, or it does not fit {@code task} (tagged
     *                                        {@code trainer-metric-unknown} and {@code trainer-metric-wrong-task})
     */
    public static ValidationMetric resolve(String name, PredictionTask task, String rule) {
        String valid = String.join(", ", namesFor(task));
        for (ValidationMetric m : values()) {
            if (m.metricName().equalsIgnoreCase(name)) {
                if (!m.fits(task)) {
                    throw new RegularizationRefusedException(TrainerMessages.metricWrongTask(rule, m.metricName(),
                            task.displayName(), valid));
                }
                return m;
            }
        }
        throw new RegularizationRefusedException(TrainerMessages.metricUnknown(rule, name, task.displayName(), valid));
    }
}
