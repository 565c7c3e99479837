package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;
import java.util.Arrays;

/**
 * The lazy history of any element-wise penalty without a closed form: the stored values are the weights, the
 * history is the prefix sums of the step sizes, and each weight remembers the step it is exact at. The missed steps
 * are replayed exactly through the hooks when there are at most {@value #EXACT_REPLAY} of them; beyond that, the
 * older ones are merged into {@value #EXACT_REPLAY} chunks, each applied as one step of the chunk's summed size (the
 * gradient part by Heun's second-order method, then the proximal terms with the summed step: exact for a lone
 * proximal L1, approximate otherwise, e.g. a relative error of about 1e-5 for a Cauchy penalty over 1000 missed
 * steps of total size 1, see {@code LazyEnginesTest}), and the last {@value #EXACT_REPLAY} are replayed exactly. A
 * chunk over which the gradient changes by more than {@value #STIFFNESS} of itself (a stiff penalty for the step
 * sizes given, or a kink such as L1's at zero) is replayed step by step instead: correct, at the cost of one step
 * per missed step for that chunk. A catch-up thus costs three times {@value #EXACT_REPLAY} hook calls per term when
 * the flow is smooth, and up to one per missed step when it is not. The history is folded in every
 * {@value #MAX_HISTORY} steps to bound its memory.
 */
final class ReplayEngine extends LazyEngine {
    static final int EXACT_REPLAY = 32;
    static final int MAX_HISTORY = 1 << 16;
    /**
     * A chunk is merged only if the gradient changes by at most this share of itself over the chunk's step
     * ({@code |g(w - H·g) - g(w)| ≤ 0.05·|g(w)|}; for L2, {@code H·λ ≤ 0.05}), where Heun's step is accurate.
     */
    private static final double STIFFNESS = 0.05;

    private final LazyTerms terms;
    private final ElementwisePenalty[] gradientTerms;
    private final ElementwisePenalty[] proximalTerms;
    /** Whether a gradient term stops at zero, so that a merged chunk must not cross it either. */
    private final boolean stopsAtZero;
    /** Per weight {@code r * features + c}: the step it is exact at, when later than {@code base}. */
    private final int[] exactAt;
    /** The prefix sums of the step sizes, indexed by {@code step - base} (0 at {@code base}). */
    private double[] prefixH = new double[256];

    ReplayEngine(int rows, int features, LazyTerms weights, LazyTerms bias, String spec) {
        super(rows, features, bias, spec);
        this.terms = weights;
        this.gradientTerms = weights.gradients();
        this.proximalTerms = weights.proximals();
        this.stopsAtZero = weights.anyStopsAtZero();
        this.exactAt = new int[rows * features];
    }

    @Override
    boolean canDefer(double h) {
        return true;
    }

    @Override
    void recordHistory(double h) {
        int n = latest - base;
        if (n + 1 == prefixH.length) {
            prefixH = Arrays.copyOf(prefixH, 2 * prefixH.length);
        }
        prefixH[n + 1] = prefixH[n] + h;
    }

    @Override
    boolean needsCatchUpAll() {
        return latest - base >= MAX_HISTORY;
    }

    @Override
    double rowFactor(int r) {
        return 1;
    }

    @Override
    double forwardRow(double[] row, int r, int[] index, double[] value, int n) {
        int offset = r * features;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            double u = caughtUp(row[c], offset + c, latest);
            row[c] = u;   // a replay is costly: keep its result
            exactAt[offset + c] = latest;
            sum += u * value[k];
        }
        return sum;
    }

    /** Replay the missed steps, then this one through the hooks. */
    @Override
    double addRow(double[] row, int r, int[] index, double[] delta, int n) {
        int offset = r * features;
        int before = latest - 1;
        double h = stepH;
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double w = genericStep(caughtUp(row[c], i, before), delta[k], h, terms);
            row[c] = w;
            exactAt[i] = latest;
            nonFinite += w * 0;
        }
        return nonFinite;
    }

    @Override
    void clearHistory() {
        // every weight is exact at latest, which becomes the base: exactAt entries before it no longer count
    }

    @Override
    void forgetHistory() {
        clearHistory();
    }

    @Override
    double weight(double u, int r, int c) {
        return caughtUp(u, r * features + c, latest);
    }

    private double caughtUp(double stored, int i, int to) {
        int from = Math.max(exactAt[i], base);
        if (from >= to) {
            return stored;
        }
        return replay(stored, from - base, to - base);
    }

    private double replay(double w, int from, int to) {
        int missed = to - from;
        int exactFrom = from;
        if (missed > EXACT_REPLAY) {
            int merged = missed - EXACT_REPLAY;
            for (int k = 0; k < EXACT_REPLAY; k++) {
                int a = from + (int) ((long) merged * k / EXACT_REPLAY);
                int b = from + (int) ((long) merged * (k + 1) / EXACT_REPLAY);
                if (b > a) {
                    double chunk = mergedSteps(w, prefixH[b] - prefixH[a]);
                    if (Double.isNaN(chunk) && !Double.isNaN(w)) {
                        for (int s = a; s < b; s++) {   // too stiff to merge: the chunk's steps one by one
                            w = oneStep(w, prefixH[s + 1] - prefixH[s]);
                        }
                    } else {
                        w = chunk;
                    }
                }
            }
            exactFrom = to - EXACT_REPLAY;
        }
        for (int s = exactFrom; s < to; s++) {
            w = oneStep(w, prefixH[s + 1] - prefixH[s]);
        }
        return w;
    }

    /**
     * Many missed steps of summed size {@code h} in one: the gradient part by Heun's method (second order, so the
     * error per chunk is O(h³) rather than an explicit step's O(h²)), then each proximal term with the summed step.
     */
    private double mergedSteps(double w, double h) {
        double g0 = gradientSum(w);
        double predicted = w - h * g0;
        double g1 = gradientSum(predicted);
        if (!(Math.abs(g1 - g0) <= STIFFNESS * Math.abs(g0))) {
            return Double.NaN;   // the gradient changes too much over the chunk (or crosses a kink): replay it
        }
        double v = w - 0.5 * h * (g0 + g1);
        if (stopsAtZero && v * w < 0) {
            v = 0.0;   // a decay that stops at zero: the flow reached zero within the chunk
        }
        for (ElementwisePenalty t : proximalTerms) {
            v = t.proximal(v, h);
        }
        return v;
    }

    /** {@code prox_h(w - h·Σ ∇R(w))}, what an absent weight gets on a step of size {@code h}. */
    private double oneStep(double w, double h) {
        if (h == 0) {
            return w;
        }
        return genericStep(w, 0, h, terms);
    }

    private double gradientSum(double w) {
        double g = 0;
        for (ElementwisePenalty t : gradientTerms) {
            g += t.gradient(w);
        }
        return g;
    }
}
