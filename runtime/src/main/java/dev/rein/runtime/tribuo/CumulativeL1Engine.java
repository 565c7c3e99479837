package dev.rein.runtime.tribuo;

import java.util.Arrays;

/**
 * The lazy history of {@code mode=cumulative}: the L1 part paid as Tsuruoka et al.'s (2009) cumulative penalty, as
 * scikit-learn's {@code SGDClassifier} pays it. Each weight keeps the L1 penalty it has actually paid, signed, in the
 * units of the threshold sum {@code S}; a positive weight moves towards zero by what it owes, {@code S + paid}, a
 * negative one by {@code S - paid}, neither past zero, and what it could not pay at zero stays owed. Paying is
 * path-independent, so catching up late gives what paying at every step would. Debts survive a fold: they are
 * rescaled with the weights. Replacing the weights ({@link #restart}) forgives them.
 */
final class CumulativeL1Engine extends ScaledEngine {
    /** Per weight {@code r * features + c}: the penalty it has paid, signed, in units of S. */
    private final double[] paid;
    /** Per weight: the step whose threshold sum it has paid up to. */
    private final int[] paidAt;

    CumulativeL1Engine(int rows, int features, ClosedForm form, LazyTerms bias, String spec) {
        super(rows, features, form, bias, spec);
        this.paid = new double[rows * features];
        this.paidAt = new int[rows * features];
    }

    @Override
    boolean cumulative() {
        return true;
    }

    @Override
    double forwardRow(double[] row, int r, int[] index, double[] value, int n) {
        if (!thresholds) {
            return dot(row, index, value, n);
        }
        double sum = 0;
        int offset = r * features;
        double now = sumNow;
        int step = latest;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            // Pay now and keep it, marked, so that the update that follows skips the payment.
            double u = row[c];
            double after = withDebtPaid(u, now, paid[i]);
            paid[i] += after - u;
            row[c] = after;
            paidAt[i] = step;
            sum += after * value[k];
        }
        return sum;
    }

    /**
     * The weight first pays what it owes for the steps it missed, then takes the loss update and pays this step's
     * share (with whatever it could not pay before, while it sat at zero).
     */
    @Override
    double addRow(double[] row, int r, int[] index, double[] delta, int n) {
        int offset = r * features;
        int payday = latest - 1;   // the forward pass of this step ran before it was recorded
        double before = sumBefore;
        double now = sumNow;
        double gain = stepGain;
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double u = row[c];
            double q = paid[i];
            if (paidAt[i] != payday) {   // not paid by the forward pass (e.g. a step without one)
                double owed = withDebtPaid(u, before, q);
                q += owed - u;
                u = owed;
            }
            paidAt[i] = latest;
            double v = u + gain * delta[k];
            double w = withDebtPaid(v, now, q);
            paid[i] = q + (w - v);
            row[c] = w;
            nonFinite += w * 0;
        }
        return nonFinite;
    }

    @Override
    int foldRow(double[] row, int r) {
        double scale = scaleNow;
        int offset = r * features;
        int bad = -1;
        for (int c = 0; c < features; c++) {
            int i = offset + c;
            double u = withDebtPaid(row[c], sumNow, paid[i]);
            paid[i] = (paid[i] + u - row[c]) * scale;   // in the units of the new scale, 1
            double w = scale * u;
            row[c] = w;
            if (bad < 0 && !Double.isFinite(w)) {
                bad = c;
            }
        }
        return bad;
    }

    /** The debts stay: what each weight paid was rescaled with it in {@link #foldRow}, and so is S. */
    @Override
    void clearHistory() {
        sumNow *= scaleNow;
        sumBefore = sumNow;
        thresholds = sumNow > 0;
        scaleNow = 1;
    }

    @Override
    void forgetHistory() {
        resetScaleAndSums();
        Arrays.fill(paid, 0.0);
    }

    @Override
    double weight(double u, int r, int c) {
        return scaleNow * (thresholds ? withDebtPaid(u, sumNow, paid[r * features + c]) : u);
    }

    /**
     * Of the total threshold {@code total} a weight could have paid, it has paid {@code paid} (signed: negative for
     * reductions of a positive weight); it moves towards zero by what it owes, never past zero. Branch-free, as
     * {@link #softThreshold}.
     */
    private static double withDebtPaid(double u, double total, double paid) {
        double magnitude = Math.abs(u) - (total + Math.copySign(1.0, u) * paid);   // at ±0 it owes ≥ 0 either way
        return Math.copySign((magnitude + Math.abs(magnitude)) * 0.5, u) + 0.0;
    }
}
