package dev.rein.runtime.tribuo;

import java.util.Arrays;

/**
 * The lazy history of elastic-net-like proximal terms with an L1 part ({@code l1}, {@code elastic_net} in
 * {@code mode=proximal}): on top of the running scale, each weight keeps the threshold sum {@code S} at which it was
 * last exact, so catching it up is one soft-threshold of the stored value by the difference: O(1), no division,
 * one load per weight.
 */
final class SoftThresholdEngine extends ScaledEngine {
    /** Per weight {@code r * features + c}: the threshold sum S when it was last exact (0 for base). */
    private final double[] exactAt;

    SoftThresholdEngine(int rows, int features, ClosedForm form, LazyTerms bias, String spec) {
        super(rows, features, form, bias, spec);
        this.exactAt = new double[rows * features];
    }

    @Override
    double forwardRow(double[] row, int r, int[] index, double[] value, int n) {
        if (!thresholds) {
            return dot(row, index, value, n);
        }
        double sum = 0;
        int offset = r * features;
        double now = sumNow;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            // Keep the caught-up value: the update that follows then finds it exact and skips its own catch-up
            // (it compares the stored sum), which costs more than these two stores.
            double u = softThreshold(row[c], now - exactAt[offset + c]);
            row[c] = u;
            exactAt[offset + c] = now;
            sum += u * value[k];
        }
        return sum;
    }

    /** Catch {@code u} up to the step before, then {@code u ← soft(u + gain·δ, this step's threshold)}. */
    @Override
    double addRow(double[] row, int r, int[] index, double[] delta, int n) {
        int offset = r * features;
        double before = sumBefore;
        double now = sumNow;
        double gain = stepGain;
        double threshold = stepThreshold;
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double u = row[c];
            double owed = before - exactAt[i];
            if (owed != 0) {   // not caught up by the forward pass (e.g. a step without one)
                u = softThreshold(u, owed);
            }
            double w = softThreshold(u + gain * delta[k], threshold);
            row[c] = w;
            exactAt[i] = now;
            nonFinite += w * 0;
        }
        return nonFinite;
    }

    @Override
    void clearHistory() {
        resetScaleAndSums();
        Arrays.fill(exactAt, 0.0);
    }

    @Override
    void forgetHistory() {
        clearHistory();
    }

    @Override
    double weight(double u, int r, int c) {
        return scaleNow * current(u, r * features + c);
    }

    /** Stored value {@code u} of weight {@code i}, soft-thresholded by the steps it missed up to latest. */
    private double current(double u, int i) {
        return thresholds ? softThreshold(u, sumNow - exactAt[i]) : u;
    }
}
