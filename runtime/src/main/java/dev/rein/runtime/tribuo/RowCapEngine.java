package dev.rein.runtime.tribuo;

import java.util.Arrays;

/**
 * L2-like penalties with a cap on each row's L2 norm (max-norm on the weights, recognised by {@link RowNormCap}):
 * each row keeps a scale of its own besides the shared one (the stored {@code u = w / (A·α_r)}) and its squared
 * norm, kept up to date as entries change, so projecting a row onto the ball is one multiplication of its scale.
 * The squared norms are recomputed exactly whenever the stored values change from outside, so rounding in the
 * running sums does not build up.
 */
final class RowCapEngine extends ShrinkEngine {
    private final double rowCap;
    /** Per row r: the factor α_r the capping has scaled it by since the history began. */
    private final double[] rowScale;
    /** Per row: Σ u² over its weights. */
    private final double[] rowSquares;
    private boolean rowSquaresStale = true;

    RowCapEngine(int rows, int features, ClosedForm form, double rowCap, LazyTerms bias, String spec) {
        super(rows, features, form, bias, spec);
        this.rowCap = rowCap;
        this.rowScale = new double[rows];
        Arrays.fill(rowScale, 1.0);
        this.rowSquares = new double[rows];
    }

    @Override
    double rowFactor(int r) {
        return scaleNow * rowScale[r];
    }

    @Override
    boolean needsCatchUpAll() {
        if (super.needsCatchUpAll()) {
            return true;
        }
        for (double a : rowScale) {
            if (a < MIN_SCALE) {
                return true;
            }
        }
        return false;
    }

    @Override
    void beforeAdd(double[][] values) {
        if (rowSquaresStale) {
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                double[] row = values[r];
                for (int c = 0; c < features; c++) {
                    sum += row[c] * row[c];
                }
                rowSquares[r] = sum;
            }
            rowSquaresStale = false;
        }
    }

    /** {@code u += gain·δ}, keeping the row's {@code Σ u²} up to date. */
    @Override
    double addRow(double[] row, int r, int[] index, double[] delta, int n) {
        double gain = stepGain / rowScale[r];
        double squares = rowSquares[r];
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            double u = row[c];
            double w = u + gain * delta[k];
            row[c] = w;
            squares += w * w - u * u;
            nonFinite += w * 0;
        }
        rowSquares[r] = squares;
        return nonFinite;
    }

    /** Projects row {@code r} onto the ball of radius {@code rowCap}: one multiplication of its scale. */
    @Override
    void afterRow(int r) {
        double norm = rowFactor(r) * Math.sqrt(Math.max(0, rowSquares[r]));
        if (norm > rowCap) {
            rowScale[r] *= rowCap / norm;
        }
    }

    @Override
    int foldRow(double[] row, int r) {
        int bad = super.foldRow(row, r);   // reads the row's scale as it was
        rowScale[r] = 1;
        return bad;
    }

    @Override
    void forgetHistory() {
        super.forgetHistory();
        Arrays.fill(rowScale, 1.0);
    }

    @Override
    void valuesReplaced() {
        rowSquaresStale = true;
    }
}
