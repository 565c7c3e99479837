package dev.rein.runtime.tribuo;

/**
 * The lazy history of L2-like penalties alone (no L1 part): each step multiplies every weight by one factor, kept
 * in the running scale, so a step costs one multiply per present weight and an absent weight is never touched.
 */
class ShrinkEngine extends ScaledEngine {
    ShrinkEngine(int rows, int features, ClosedForm form, LazyTerms bias, String spec) {
        super(rows, features, form, bias, spec);
    }

    @Override
    final double forwardRow(double[] row, int r, int[] index, double[] value, int n) {
        return dot(row, index, value, n);
    }

    @Override
    double addRow(double[] row, int r, int[] index, double[] delta, int n) {
        double gain = stepGain;
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            double w = row[c] + gain * delta[k];
            row[c] = w;
            nonFinite += w * 0;
        }
        return nonFinite;
    }

    @Override
    void clearHistory() {
        resetScaleAndSums();
    }

    @Override
    void forgetHistory() {
        resetScaleAndSums();
    }

    @Override
    double weight(double u, int r, int c) {
        return rowFactor(r) * u;
    }
}
