package dev.rein.runtime.network;

import dev.rein.runtime.tribuo.trainer.PredictionTask;
import dev.rein.runtime.tribuo.trainer.ValidationMetric;
import java.io.Serial;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;

/**
 * The regression head: one linear output unit per regression dimension, in the output domain's id order, and the
 * squared error {@code ½ Σ_k (ŷ_k − t_k)²} per example. The targets may be standardized: unit {@code k} then
 * predicts {@code t_k = (y_k − μ_k) / σ_k}, with the training data's mean and (population) standard deviation of
 * dimension {@code k}, and the prediction is {@code y_k = μ_k + σ_k · ŷ_k}; without standardization
 * {@code μ_k = 0, σ_k = 1}. A dimension that is constant in the training data keeps {@code σ_k = 1}.
 *
 * <pre>{@code
 * var head = SquaredErrorHead.fit(outputInfo, trainingExamples, true);
 * head.encode(new Regressor(new String[] {"price", "rent"}, new double[] {2e5, 900}), targets, 0);
 * head.loss(outputs, targets, gradient, batch);   // Σ ½(ŷ − t)²; gradient (ŷ − t) / batch
 * }</pre>
 */
final class SquaredErrorHead implements NetworkHead<Regressor> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final double[] means;
    private final double[] scales;

    /**
     * @param names  the dimensions' names by output id
     * @param means  the shift of each dimension's target ({@code μ_k})
     * @param scales the scale of each dimension's target ({@code σ_k}, finite and above 0)
     * @throws IllegalArgumentException if the lengths differ or a scale is not finite and positive
     */
    SquaredErrorHead(String[] names, double[] means, double[] scales) {
        if (names.length == 0 || means.length != names.length || scales.length != names.length) {
            throw new IllegalArgumentException(NetworkMessages.targetScaling("it needs a mean and a scale per"
                    + " dimension, and has " + names.length + " dimensions, " + means.length + " means and "
                    + scales.length + " scales").toString());
        }
        for (int k = 0; k < names.length; k++) {
            if (!(scales[k] > 0) || !Double.isFinite(scales[k]) || !Double.isFinite(means[k])) {
                throw new IllegalArgumentException(NetworkMessages.targetScaling("dimension '" + names[k] + "' has"
                        + " mean " + means[k] + " and scale " + scales[k] + "; the mean must be finite and the scale"
                        + " finite and above 0").toString());
            }
        }
        this.names = names.clone();
        this.means = means.clone();
        this.scales = scales.clone();
    }

    /** The dimensions' names by output id. */
    static String[] dimensionNames(ImmutableOutputInfo<Regressor> info) {
        String[] names = new String[info.size()];
        for (int k = 0; k < names.length; k++) {
            names[k] = info.getOutput(k).getNames()[0];
        }
        return names;
    }

    /**
     * The head for {@code info}'s dimensions, standardizing the targets by {@code training}'s mean and standard
     * deviation of each dimension when {@code standardize}, else leaving them as they are.
     *
     * @throws IllegalArgumentException if a training example lacks a dimension (tagged
     *                                  {@code network-missing-dimension}) or a target is not finite (tagged
     *                                  {@code network-target-not-finite})
     */
    static SquaredErrorHead fit(ImmutableOutputInfo<Regressor> info, List<Example<Regressor>> training,
            boolean standardize) {
        String[] names = dimensionNames(info);
        double[] means = new double[names.length];
        double[] scales = new double[names.length];
        Arrays.fill(scales, 1.0);
        int n = training.size();
        double[][] values = new double[names.length][n];
        for (int i = 0; i < n; i++) {
            Regressor y = training.get(i).getOutput();
            for (int k = 0; k < names.length; k++) {
                values[k][i] = value(y, names[k]);
                if (!Double.isFinite(values[k][i])) {
                    throw new IllegalArgumentException(NetworkMessages.targetNotFinite(i, names[k], values[k][i])
                            .toString());
                }
            }
        }
        if (standardize && n > 0) {
            for (int k = 0; k < names.length; k++) {
                double sum = 0;
                for (double v : values[k]) {
                    sum += v;
                }
                double mean = sum / n;
                // squares of deviations scaled by the largest, so that targets near 1e160 do not overflow
                double largest = 0;
                for (double v : values[k]) {
                    largest = Math.max(largest, Math.abs(v - mean));
                }
                double squares = 0;
                for (double v : values[k]) {
                    double d = largest > 0 ? (v - mean) / largest : 0;
                    squares += d * d;
                }
                double sd = largest * Math.sqrt(squares / n);
                means[k] = mean;
                scales[k] = sd > 0 && Double.isFinite(sd) ? sd : 1.0;
            }
        }
        return new SquaredErrorHead(names, means, scales);
    }

    private static double value(Regressor y, String name) {
        return y.getDimension(name).orElseThrow(() -> new IllegalArgumentException(NetworkMessages
                .missingDimension(name, y.getDimensionNamesString()).toString())).getValue();
    }

    String[] names() {
        return names.clone();
    }

    double[] means() {
        return means.clone();
    }

    double[] scales() {
        return scales.clone();
    }

    @Override
    public PredictionTask task() {
        return PredictionTask.REGRESSION;
    }

    @Override
    public int outputs() {
        return names.length;
    }

    @Override
    public int targetWidth() {
        return names.length;
    }

    @Override
    public String outputName(int k) {
        return names[k];
    }

    @Override
    public void encode(Regressor output, double[] into, int offset) {
        for (int k = 0; k < names.length; k++) {
            into[offset + k] = (value(output, names[k]) - means[k]) / scales[k];
        }
    }

    /** {@code Σ_rows ½ Σ_k (ŷ − t)²}; the gradient of the batch's mean is {@code (ŷ − t) / batch}. */
    @Override
    public double loss(double[] outputs, double[] targets, double[] gradient, int batch) {
        int width = names.length;
        double perRow = 1.0 / batch;
        double loss = 0;
        for (int i = 0; i < batch * width; i++) {
            double e = outputs[i] - targets[i];
            loss += 0.5 * e * e;
            if (gradient != null) {
                gradient[i] = e * perRow;
            }
        }
        return loss;
    }

    /**
     * {@code loss} is the training loss (in standardized units when the targets are standardized); {@code rmse} and
     * {@code mae} are over every dimension and example in the targets' own units; {@code r2} is averaged over the
     * dimensions (scale-free), as the linear trainers define them ({@link ValidationMetric}).
     */
    @Override
    public Score score(ValidationMetric metric) {
        return switch (metric) {
            case RMSE, MAE -> new Score() {
                private double sum;
                private long count;

                @Override
                public void add(double[] outputs, double[] targets, int batch) {
                    int width = names.length;
                    for (int i = 0; i < batch * width; i++) {
                        double e = scales[i % width] * (outputs[i] - targets[i]);
                        sum += metric == ValidationMetric.RMSE ? e * e : Math.abs(e);
                        count++;
                    }
                }

                @Override
                public double value() {
                    return metric == ValidationMetric.RMSE ? Math.sqrt(sum / count) : sum / count;
                }
            };
            case R2 -> new Score() {
                private final double[] mean = new double[names.length];
                private final double[] spread = new double[names.length];
                private final double[] residual = new double[names.length];
                private long count;

                @Override
                public void add(double[] outputs, double[] targets, int batch) {
                    int width = names.length;
                    for (int r = 0; r < batch; r++) {
                        count++;
                        for (int k = 0; k < width; k++) {
                            double t = targets[r * width + k];
                            double e = outputs[r * width + k] - t;
                            residual[k] += e * e;
                            double delta = t - mean[k];   // Welford: the spread about the running mean
                            mean[k] += delta / count;
                            spread[k] += delta * (t - mean[k]);
                        }
                    }
                }

                @Override
                public double value() {
                    double sum = 0;
                    for (int k = 0; k < names.length; k++) {
                        sum += spread[k] == 0 ? (residual[k] == 0 ? 1 : 0) : 1 - residual[k] / spread[k];
                    }
                    return sum / names.length;
                }
            };
            default -> new NetworkHead.MeanLoss(this);
        };
    }

    @Override
    public Prediction<Regressor> predict(double[] outputs, int offset, int used, Example<Regressor> example) {
        double[] values = new double[names.length];
        for (int k = 0; k < names.length; k++) {
            values[k] = means[k] + scales[k] * outputs[offset + k];
        }
        return new Prediction<>(new Regressor(names, values), used, example);
    }

    @Override
    public double outputScale(int k) {
        return scales[k];
    }

    @Override
    public double outputShift(int k) {
        return means[k];
    }
}
