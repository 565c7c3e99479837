package dev.rein.runtime.tribuo.trainer;

import dev.rein.api.hook.EpochScore;
import java.util.List;
import java.util.function.Function;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.common.sgd.SGDObjective;
import org.tribuo.math.FeedForwardParameters;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.regression.Regressor;

/**
 * Scores the parameters of the epoch just finished on the validation examples, in one {@link ValidationMetric}.
 * {@code loss} is computed from the parameters and the trainer's objective; the other metrics from a model built
 * on the parameters, so that they score exactly what the trained model would predict (standardised regression
 * outputs included).
 */
final class ValidationScorer<T extends Output<T>, U, X extends FeedForwardParameters> {
    private final ValidationMetric metric;
    private final PredictionTask task;
    private final List<Example<T>> examples;
    private final SGDObjective<U> objective;
    private final SGDVector[] features;
    private final U[] targets;
    private final double[] weights;
    private final double totalWeight;

    @SuppressWarnings("unchecked")
    ValidationScorer(ValidationMetric metric, PredictionTask task, List<Example<T>> examples,
            SGDObjective<U> objective, Function<T, U> target, ImmutableFeatureMap featureMap, boolean addBias) {
        this.metric = metric;
        this.task = task;
        this.examples = List.copyOf(examples);
        this.objective = objective;
        this.features = new SGDVector[examples.size()];
        this.targets = (U[]) new Object[examples.size()];
        this.weights = new double[examples.size()];
        double total = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example<T> example = examples.get(i);
            if (SparseVector.createSparseVector(example, featureMap, false).numActiveElements() == 0) {
                throw new IllegalArgumentException(
                        TrainerMessages.validationUnscorable(i + 1, examples.size()).toString());
            }
            features[i] = SparseVector.createSparseVector(example, featureMap, addBias);
            targets[i] = target.apply(example.getOutput());
            weights[i] = example.getWeight();
            total += weights[i];
        }
        this.totalWeight = total;
    }

    ValidationMetric metric() {
        return metric;
    }

    int size() {
        return examples.size();
    }

    /** The metric of {@code parameters}; {@code model} builds a model on them (not kept). */
    EpochScore score(int epoch, X parameters, Function<X, ? extends Model<T>> model) {
        double value = switch (metric) {
            case LOSS -> loss(parameters);
            case ACCURACY -> accuracy(model.apply(parameters));
            case RMSE, MAE, R2 -> regression(model.apply(parameters));
        };
        return new EpochScore(epoch, metric.metricName(), value, metric.higherIsBetter());
    }

    private double loss(X parameters) {
        double sum = 0;
        for (int i = 0; i < features.length; i++) {
            sum += weights[i] * objective.lossAndGradient(targets[i], parameters.predict(features[i])).getA();
        }
        return task.lossSign() * sum / totalWeight;
    }

    private double accuracy(Model<T> model) {
        List<Prediction<T>> predictions = model.predict(examples);
        int correct = 0;
        for (int i = 0; i < predictions.size(); i++) {
            if (predictions.get(i).getOutput().getSerializableForm(false)
                    .equals(examples.get(i).getOutput().getSerializableForm(false))) {
                correct++;
            }
        }
        return correct / (double) predictions.size();
    }

    private double regression(Model<T> model) {
        List<Prediction<T>> predictions = model.predict(examples);
        String[] names = ((Regressor) examples.get(0).getOutput()).getNames();
        int n = predictions.size();
        double[][] truth = new double[names.length][n];
        double[][] predicted = new double[names.length][n];
        for (int i = 0; i < n; i++) {
            Regressor t = (Regressor) examples.get(i).getOutput();
            Regressor p = (Regressor) predictions.get(i).getOutput();
            for (int d = 0; d < names.length; d++) {
                truth[d][i] = value(t, names[d]);
                predicted[d][i] = value(p, names[d]);
            }
        }
        return switch (metric) {
            case RMSE -> Math.sqrt(meanOver(truth, predicted, true));
            case MAE -> meanOver(truth, predicted, false);
            default -> meanR2(truth, predicted);
        };
    }

    private static double value(Regressor r, String dimension) {
        return r.getDimension(dimension).orElseThrow(() -> new IllegalArgumentException("Validation example has no"
                + " regression dimension '" + dimension + "'; every example needs the same dimensions")).getValue();
    }

    /** Mean squared (or absolute) error over every dimension and example. */
    private static double meanOver(double[][] truth, double[][] predicted, boolean squared) {
        double sum = 0;
        long count = 0;
        for (int d = 0; d < truth.length; d++) {
            for (int i = 0; i < truth[d].length; i++) {
                double e = truth[d][i] - predicted[d][i];
                sum += squared ? e * e : Math.abs(e);
                count++;
            }
        }
        return sum / count;
    }

    private static double meanR2(double[][] truth, double[][] predicted) {
        double sum = 0;
        for (int d = 0; d < truth.length; d++) {
            double mean = 0;
            for (double y : truth[d]) {
                mean += y / truth[d].length;
            }
            double residual = 0;
            double total = 0;
            for (int i = 0; i < truth[d].length; i++) {
                residual += (truth[d][i] - predicted[d][i]) * (truth[d][i] - predicted[d][i]);
                total += (truth[d][i] - mean) * (truth[d][i] - mean);
            }
            sum += total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
        }
        return sum / truth.length;
    }
}
