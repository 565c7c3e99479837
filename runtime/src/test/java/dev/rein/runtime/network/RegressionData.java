package dev.rein.runtime.network;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Seeded regression problems for the network's tests, as plain arrays (for closed forms) and as a Tribuo dataset,
 * and the closed-form least-squares and ridge solutions.
 */
final class RegressionData {
    final double[][] x;
    final double[][] y;
    final String[] dimensions;
    final MutableDataset<Regressor> dataset;

    private RegressionData(double[][] x, double[][] y, String[] dimensions, MutableDataset<Regressor> dataset) {
        this.x = x;
        this.y = y;
        this.dimensions = dimensions;
        this.dataset = dataset;
    }

    /** A target per dimension, each a function of the example's features. */
    interface Targets {
        double[] of(double[] features, SplittableRandom random);
    }

    /**
     * {@code n} examples of {@code d} features drawn uniformly from {@code [-range, range]}, features named
     * {@code x0, x1, ...}, dimensions named as given.
     */
    static RegressionData of(int n, int d, double range, long seed, String[] dimensions, Targets targets) {
        SplittableRandom random = new SplittableRandom(seed);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("regression", factory),
                factory);
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "x" + j;
        }
        double[][] x = new double[n][d];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = random.nextDouble(-range, range);
            }
            y[i] = targets.of(x[i], random);
            data.add(new ArrayExample<>(new Regressor(dimensions, y[i]), names, x[i].clone()));
        }
        return new RegressionData(x, y, dimensions, data);
    }

    /** {@code y = x·w + b + noise}, one dimension named {@code "y"}. */
    static RegressionData linear(int n, long seed, double[] w, double b, double noise) {
        return of(n, w.length, 2.0, seed, new String[] {"y"}, (f, random) -> {
            double t = b + noise * random.nextGaussian();
            for (int j = 0; j < w.length; j++) {
                t += w[j] * f[j];
            }
            return new double[] {t};
        });
    }

    /**
     * The minimiser of {@code (1/n) Σ ½(y_k − x·w − b)² + (λ/2)‖w‖²} for dimension {@code k}, the intercept not
     * penalized: centre, then solve {@code (XcᵀXc/n + λI) w = Xcᵀyc/n}. Returns {@code w} followed by {@code b};
     * {@code λ = 0} is least squares (the normal equations).
     */
    double[] ridge(int k, double lambda) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i][j] / n;
            }
            yMean += y[i][k] / n;
        }
        double[][] a = new double[d][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double cj = x[i][j] - mean[j];
                for (int l = 0; l < d; l++) {
                    a[j][l] += cj * (x[i][l] - mean[l]) / n;
                }
                a[j][d] += cj * (y[i][k] - yMean) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            a[j][j] += lambda;
        }
        // Gauss-Jordan on the augmented system (positive definite: no pivoting needed).
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < d; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int l = c; l <= d; l++) {
                        a[r][l] -= f * a[c][l];
                    }
                }
            }
        }
        double[] out = new double[d + 1];
        double b = yMean;
        for (int j = 0; j < d; j++) {
            out[j] = a[j][d] / a[j][j];
            b -= mean[j] * out[j];
        }
        out[d] = b;
        return out;
    }

    /** Root mean squared error of {@code model} on {@code data}'s dimension {@code name}. */
    static double rmse(Model<Regressor> model, MutableDataset<Regressor> data, String name) {
        ToDoubleFunction<Regressor> value = r -> r.getDimension(name).orElseThrow().getValue();
        double sum = 0;
        for (Example<Regressor> e : data) {
            double err = value.applyAsDouble(model.predict(e).getOutput()) - value.applyAsDouble(e.getOutput());
            sum += err * err;
        }
        return Math.sqrt(sum / data.size());
    }
}
