package dev.rein.runtime.tribuo;

import dev.rein.runtime.optim.PerCoordinateStep;
import java.util.Arrays;

/**
 * The lazy history of proximal steps in an adaptive optimiser's own metric (Duchi, Hazan and Singer 2011) when a
 * coordinate's state stays frozen while its feature is absent, as Rein's AdaGrad's does: every weight has its own
 * step size {@code s_i = b²·η/(δ + √G_i)}, the same on each step it misses. The terms are elastic-net-like
 * proximal terms (threshold {@code s_i·λ₁}, shrink {@code 1/(1 + s_i·λ₂)}) and L2-like decoupled decays (scale
 * {@code 1 - h·λ}, {@code h = η·b²} the same for every weight), so one missed step maps {@code |w|} to
 * {@code max(0, a_i·|w| - c_i)} and {@code k} of them to {@code max(0, a_iᵏ·|w| - c_i·(1 - a_iᵏ)/(1 - a_i))}:
 * a catch-up is O(1) (a power, or {@code k} multiplications for small {@code k}), however many steps were missed.
 *
 * <p>Each weight keeps the step size it had when it was last present and the count of moving steps it is exact
 * at; steps with mean example weight 0 move nothing (AdaGrad leaves its state alone) and are not counted. The stored
 * values are the weights themselves: there is no shared scale, so nothing needs folding for rounding.
 */
final class PerCoordinateProximalEngine extends LazyEngine {
    /** Below this many missed steps the power is taken by multiplication. */
    private static final int MULTIPLY_BELOW = 8;

    private final PerCoordinateStep optimiser;
    private final double squaredBatch;
    private final double gradientL2;
    private final double[] proximalL1;
    private final double[] proximalL2;
    /**
     * Per weight {@code r * features + c}: the map one missed step applies, {@code |w| ↦ max(0, a·|w| - c)}, from its
     * step size while absent; NaN until first known. Kept instead of the step size so that a catch-up divides by
     * nothing.
     */
    private final double[] stepA;
    private final double[] stepC;
    /** Per weight: the count of moving steps it is exact at. */
    private final int[] exactAt;
    private int moving;
    private int movingBefore;
    /** {@code 1 - h·λ}: the decoupled L2-like decays of a moving step ({@code h} constant: AdaGrad's rate is). */
    private final double shrink;
    private double[] present = new double[16];

    /**
     * @param decoupledStep the decoupled step {@code h = η·b²} of every moving step (AdaGrad's rate is constant)
     */
    PerCoordinateProximalEngine(int rows, int features, ScaledEngine.ClosedForm form, PerCoordinateStep optimiser,
            double squaredBatch, double decoupledStep, LazyTerms bias, String spec) {
        super(rows, features, bias, spec);
        this.optimiser = optimiser;
        this.squaredBatch = squaredBatch;
        this.gradientL2 = form.gradientL2();
        this.proximalL1 = form.proximalL1();
        this.proximalL2 = form.proximalL2();
        this.shrink = 1 - decoupledStep * gradientL2;
        this.stepA = new double[rows * features];
        this.stepC = new double[rows * features];
        Arrays.fill(stepA, Double.NaN);
        this.exactAt = new int[rows * features];
    }

    @Override
    boolean canDefer(double h) {
        return 1 - h * gradientL2 > 0;
    }

    @Override
    void recordHistory(double h) {
        movingBefore = moving;
        if (h != 0) {
            moving++;
        }
    }

    @Override
    boolean needsCatchUpAll() {
        return false;
    }

    @Override
    double rowFactor(int r) {
        return 1;
    }

    @Override
    double forwardRow(double[] row, int r, int[] index, double[] value, int n) {
        int offset = r * features;
        int now = moving;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double u = caughtUp(row[c], i, now);
            row[c] = u;
            exactAt[i] = now;
            sum += u * value[k];
        }
        return sum;
    }

    /** Catch up to the step before, then {@code prox_{s_i}((1 - h·λ)·w + δ)} with this step's {@code s_i}. */
    @Override
    double addRow(double[] row, int r, int[] index, double[] delta, int n) {
        if (present.length < n) {
            present = new double[Math.max(n, 2 * present.length)];
        }
        optimiser.stepSizes(0, r, index, n, present);
        int offset = r * features;
        boolean moves = moving != movingBefore;
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double u = caughtUp(row[c], i, movingBefore);
            double a = remember(i, squaredBatch * present[k]);   // this step's map, and each missed one's after it
            double v = u + delta[k];
            if (moves) {
                double moved = shrink * u + delta[k];
                double magnitude = a * Math.abs(moved) - stepC[i];
                v = Math.copySign((magnitude + Math.abs(magnitude)) * 0.5, moved) + 0.0;
            }
            row[c] = v;
            exactAt[i] = moving;
            nonFinite += v * 0;
        }
        return nonFinite;
    }

    /**
     * Keeps weight {@code i}'s one-step map for step size {@code s}: the proximal terms in spec order compose to
     * {@code |v| ↦ max(0, a·|v| - c)}, and a missed step shrinks first, {@code (shrink·a, c)}. Returns {@code a}.
     */
    private double remember(int i, double s) {
        double a = 1;
        double c = 0;
        for (int t = 0; t < proximalL1.length; t++) {
            c += s * proximalL1[t];                 // soft-threshold by s·λ₁: (a, c + τ)
            double d = 1 / (1 + s * proximalL2[t]); // then scale: (d·a, d·c)
            a *= d;
            c *= d;
        }
        stepA[i] = shrink * a;
        stepC[i] = c;
        return a;
    }

    @Override
    void clearHistory() {
        Arrays.fill(exactAt, moving);   // every weight was folded to the latest moving step
    }

    @Override
    void forgetHistory() {
        clearHistory();   // the weights set from outside are exact now
    }

    @Override
    double weight(double u, int r, int c) {
        return caughtUp(u, r * features + c, moving);
    }

    /** Weight {@code i} brought from the moving step it is exact at to {@code to}. */
    private double caughtUp(double u, int i, int to) {
        int k = to - exactAt[i];
        if (k <= 0 || u == 0) {
            return u;   // zero is a fixed point of every step
        }
        if (Double.isNaN(stepA[i])) {
            remember(i, squaredBatch * optimiser.stepSize(0, i / features, i % features));
        }
        double a = stepA[i];
        double c = stepC[i];
        double ak;
        if (k < MULTIPLY_BELOW) {
            ak = a;
            for (int j = 1; j < k; j++) {
                ak *= a;
            }
        } else {
            ak = Math.pow(a, k);
        }
        double magnitude = a == 1 ? Math.abs(u) - k * c : ak * Math.abs(u) - c * (1 - ak) / (1 - a);
        return Math.copySign((magnitude + Math.abs(magnitude)) * 0.5, u) + 0.0;
    }
}
