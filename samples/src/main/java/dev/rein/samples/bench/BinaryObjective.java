package dev.rein.samples.bench;

import java.util.List;

/**
 * The L2-regularized logistic objective of a binary linear classifier, computed one way for every tool:
 * {@code J(w, b) = (1/n) Σ_i log(1 + exp(-y_i·(w·x_i + b))) + (λ/2)·‖w‖²}, with {@code y_i = +1} for the positive
 * label and {@code -1} for any other; the bias is not penalized.
 *
 * <pre>{@code
 * double j = BinaryObjective.value(LinearWeights.read(path), trainRows, "1", 1e-4);
 * double acc = BinaryObjective.accuracy(weights, testRows, "1");
 * }</pre>
 *
 * <p>This is scikit-learn's {@code SGDClassifier(loss="log_loss", penalty="l2", alpha=λ)} objective and
 * liblinear's {@code -s 0 -c C} objective divided by {@code C·n}, with {@code λ = 1/(C·n)}.
 */
public final class BinaryObjective {
    private BinaryObjective() {
    }

    /**
     * @throws IllegalArgumentException if there are no rows or {@code lambda} is negative
     */
    public static double value(LinearWeights weights, List<SparseRow> rows, String positiveLabel, double lambda) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The objective needs at least one example");
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be at least 0, got " + lambda);
        }
        double loss = 0;
        for (SparseRow row : rows) {
            double margin = sign(row, positiveLabel) * weights.score(row);
            loss += logOnePlusExpMinus(margin);
        }
        return loss / rows.size() + 0.5 * lambda * weights.squaredNorm();
    }

    /** The share of rows whose sign of score agrees with their label (a zero score predicts negative). */
    public static double accuracy(LinearWeights weights, List<SparseRow> rows, String positiveLabel) {
        long right = rows.stream().filter(r -> (weights.score(r) > 0) == (sign(r, positiveLabel) > 0)).count();
        return rows.isEmpty() ? Double.NaN : right / (double) rows.size();
    }

    private static double sign(SparseRow row, String positiveLabel) {
        return row.label().equals(positiveLabel) ? 1 : -1;
    }

    /** {@code log(1 + e^{-m})} without overflow for large {@code |m|}. */
    static double logOnePlusExpMinus(double m) {
        return m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
    }
}
