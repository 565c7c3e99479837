package dev.rein.runtime.tribuo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A seeded linear regression problem {@code y = x·w + b + noise}, kept both as plain arrays (for closed forms) and
 * as a Tribuo dataset. In a sparse problem each value but the first is left out of its example (so exactly 0) with
 * probability {@code dropProbability}, and one always is, as Tribuo's loaders drop zeros.
 */
final class SyntheticData {
    static final double[] TRUE_WEIGHTS = {1.5, -2.0, 0.5, 1.0, -0.7};
    static final double TRUE_BIAS = 0.3;

    final double[][] x;
    final double[] y;
    final double exampleWeight;
    final MutableDataset<Regressor> dataset;

    private SyntheticData(double[][] x, double[] y, double exampleWeight, MutableDataset<Regressor> dataset) {
        this.x = x;
        this.y = y;
        this.exampleWeight = exampleWeight;
        this.dataset = dataset;
    }

    static SyntheticData regression(int n, long seed, double dropProbability, double exampleWeight) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = TRUE_WEIGHTS.length;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", factory),
                factory);
        for (int i = 0; i < n; i++) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            double target = TRUE_BIAS + 0.1 * random.nextGaussian();
            for (int j = 0; j < d; j++) {
                // Feature 0 always stays, so that no example is empty; in a sparse problem feature 1 + (i mod 4)
                // is always absent, so that every example is sparse (Tribuo cannot merge dense and sparse
                // gradients in one mini-batch).
                boolean dropped = j > 0 && dropProbability > 0
                        && (j == 1 + i % 4 || random.nextDouble() < dropProbability);
                double v = dropped ? 0 : random.nextGaussian();
                x[i][j] = v;
                target += v * TRUE_WEIGHTS[j];
                if (!dropped) {
                    names.add(featureName(j));
                    values.add(v);
                }
            }
            y[i] = target;
            double[] vs = values.stream().mapToDouble(Double::doubleValue).toArray();
            ArrayExample<Regressor> example = new ArrayExample<>(new Regressor("y", target),
                    names.toArray(new String[0]), vs);
            example.setWeight((float) exampleWeight);
            data.add(example);
        }
        return new SyntheticData(x, y, exampleWeight, data);
    }

    static String featureName(int j) {
        return "f" + j;
    }

    int features() {
        return TRUE_WEIGHTS.length;
    }

    /**
     * The minimiser of {@code (1/n) Σ ω·½(y - x·w - b)² + (λ/2)‖w‖²} with the intercept unpenalized: centre, then
     * solve {@code (XcᵀXc/n + (λ/ω)·I) w = Xcᵀyc/n}. Returns {@code w} followed by {@code b}.
     */
    double[] ridge(double lambda) {
        int n = y.length;
        int d = features();
        double[] mean = new double[d];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i][j] / n;
            }
            yMean += y[i] / n;
        }
        double[][] a = new double[d][d];
        double[] rhs = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double xj = x[i][j] - mean[j];
                rhs[j] += xj * (y[i] - yMean) / n;
                for (int k = 0; k < d; k++) {
                    a[j][k] += xj * (x[i][k] - mean[k]) / n;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            a[j][j] += lambda / exampleWeight;
        }
        double[] w = solve(a, rhs);
        double[] out = new double[d + 1];
        System.arraycopy(w, 0, out, 0, d);
        double b = yMean;
        for (int j = 0; j < d; j++) {
            b -= mean[j] * w[j];
        }
        out[d] = b;
        return out;
    }

    /** Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] r = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(m[i][col]) > Math.abs(m[pivot][col])) {
                    pivot = i;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double t = r[col];
            r[col] = r[pivot];
            r[pivot] = t;
            for (int i = col + 1; i < n; i++) {
                double f = m[i][col] / m[col][col];
                for (int k = col; k < n; k++) {
                    m[i][k] -= f * m[col][k];
                }
                r[i] -= f * r[col];
            }
        }
        double[] out = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = r[i];
            for (int k = i + 1; k < n; k++) {
                s -= m[i][k] * out[k];
            }
            out[i] = s / m[i][i];
        }
        return out;
    }
}
