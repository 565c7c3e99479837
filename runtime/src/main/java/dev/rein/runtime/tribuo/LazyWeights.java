package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.spec.PenaltyMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.VectorTuple;

/**
 * The penalty steps a linear model's weights have missed while their features were absent from the mini-batches,
 * applied when the feature is next seen or to all weights at once ({@link #catchUpAll}).
 *
 * <p>"Next seen" means the forward pass: the trainer predicts with the live weights before the optimiser sees the
 * example. So in lazy mode the live weight tensor is a {@link LiveMatrix}, a {@code DenseMatrix} whose
 * {@code leftMultiply} (what Tribuo's {@code LinearParameters.predict} calls) first catches up the columns of the
 * features the example has, in O(outputs x non-zeros), like Pegasos's shrinking matrix. {@link RegularizedOptimiser}
 * installs it in {@code initialise} and puts a plain {@code DenseMatrix} back in {@code finalise}.
 *
 * <p>On a step with coefficient {@code h} (the step size times {@code b²}, see {@link RegularizedOptimiser}), a
 * weight whose feature is absent gets no loss update, so it moves by the penalties alone:
 * {@code w ← prox_h(w - h·Σ ∇R(w))}, the coupled and decoupled terms inside, the proximal terms in spec order
 * outside. The engine stores one number per step and catches a weight up in one of two ways:
 * <ul>
 *   <li><b>Closed form</b>, when every gradient term is L2-like ({@code (λ₂/2)w²}) and every proximal term is
 *       elastic-net-like ({@code λ₁|w| + (λ₂/2)w²}, L1 and L2 included): then each step maps {@code |w|} to
 *       {@code max(0, A·|w| - B)} with {@code A > 0}, {@code B ≥ 0}, and such maps compose into one of the same
 *       form. The engine keeps prefix products of {@code A} and prefix sums of {@code B / A_cumulative}, so a
 *       catch-up over any number of steps is O(1), one division and no transcendental function: the multiplicative L2 scaling and the cumulative L1 clipping of Tsuruoka et al.
 *       (2009) in one formula. The form is recognised by probing the hook at fixed points (value, gradient,
 *       proximal operator), not by its name.</li>
 *   <li><b>Generic replay</b>, for any other element-wise penalty: the missed steps are replayed exactly through
 *       the hook when there are at most {@value #EXACT_REPLAY} of them; beyond that, the older ones are merged into
 *       {@value #EXACT_REPLAY} chunks, each applied as one step of the chunk's summed coefficient (the gradient
 *       part by Heun's second-order method, then the proximal terms with the summed step: exact for a lone
 *       proximal L1, approximate otherwise, e.g. a relative error of about 1e-5 for a Cauchy penalty over 1000
 *       missed steps of total coefficient 1, see {@code LazyWeightsTest}), and the last {@value #EXACT_REPLAY}
 *       are replayed exactly. A catch-up thus costs at most three times {@value #EXACT_REPLAY} hook calls per
 *       term.</li>
 * </ul>
 * To bound memory and rounding, the history is folded in ({@link #catchUpAll}) every {@value #MAX_HISTORY} steps,
 * and, in closed form with thresholds, whenever the cumulative scaling falls below {@code e^-7} (so that the
 * difference of normalised thresholds loses at most about {@code 1e3} ulps).
 */
final class LazyWeights {
    static final int EXACT_REPLAY = 32;
    static final int MAX_HISTORY = 1 << 16;
    private static final double MIN_SCALE_WITH_THRESHOLDS = Math.exp(-7);
    private static final double MIN_SCALE = Math.exp(-600);

    private final int rows;
    private final int features;
    private final ElementwisePenalty[] gradientTerms;
    private final ElementwisePenalty[] proximalTerms;
    /** Closed form: the summed λ₂ of the gradient terms, and λ₁, λ₂ of each proximal term; null for replay. */
    private final double[] closedForm;
    private final double gradientL2;

    /** The step each weight is exact at, when later than {@link #base}. */
    private final int[] lastStep;
    /** All weights are exact at {@code base}; steps {@code base + 1 .. latest} are in the history. */
    private int base;
    private int latest;
    /** Per history step i (step base + 1 + i): closed form, prefix product A_cum and prefix B / A_cum; replay,
     * prefix h. */
    private double[] first = new double[256];
    private double[] second = new double[256];
    private boolean thresholds;
    /** The last {@link #stepMap}, kept in fields so that a step allocates nothing. */
    private double mapScale;
    private double mapThreshold;
    /** The last {@link #prepareProximal}: the proximal terms alone as {@code |v| -> max(0, A|v| - B)}. */
    private double proximalScale;
    private double proximalThreshold;

    private LazyWeights(int rows, int features, List<PenaltyTerm> terms) {
        this.rows = rows;
        this.features = features;
        List<ElementwisePenalty> gradients = new ArrayList<>();
        List<ElementwisePenalty> proximals = new ArrayList<>();
        for (PenaltyTerm t : terms) {
            (t.mode() == PenaltyMode.PROXIMAL ? proximals : gradients).add(t.elementwise());
        }
        this.gradientTerms = gradients.toArray(new ElementwisePenalty[0]);
        this.proximalTerms = proximals.toArray(new ElementwisePenalty[0]);
        this.closedForm = closedForm(gradientTerms, proximalTerms);
        double l2 = 0;
        if (closedForm != null) {
            for (ElementwisePenalty g : gradientTerms) {
                l2 += ElasticForm.of(g).l2;
            }
        }
        this.gradientL2 = l2;
        this.lastStep = new int[rows * features];
    }

    /**
     * An engine for the weight columns {@code 0 .. features - 1} of a {@code rows x (features + 1)} matrix, for the
     * element-wise {@code terms} covering them (coupled and decoupled terms are both plain gradient steps for a
     * weight whose feature is absent).
     */
    static LazyWeights of(int rows, int features, List<PenaltyTerm> terms) {
        return new LazyWeights(rows, features, terms);
    }

    /** Whether the closed form applies (else generic replay). */
    boolean closedForm() {
        return closedForm != null;
    }

    /**
     * In closed form: composes this step's proximal terms into one map, so that {@link #applyProximal} costs a
     * multiply and a subtraction per present weight instead of a call per term (and L2's division).
     */
    void prepareProximal(double h) {
        double a = 1;
        double b = 0;
        for (int k = 0; k < proximalTerms.length; k++) {
            b += h * closedForm[2 * k];
            double shrink = 1 / (1 + h * closedForm[2 * k + 1]);
            a *= shrink;
            b *= shrink;
        }
        proximalScale = a;
        proximalThreshold = b;
    }

    /** The proximal terms of the step last {@link #prepareProximal prepared}, applied to {@code v}. */
    double applyProximal(double v) {
        double magnitude = proximalScale * Math.abs(v) - proximalThreshold;
        return magnitude > 0 ? Math.copySign(magnitude, v) : 0.0;
    }

    /** Whether a step of coefficient {@code h} can be deferred: in closed form its scaling must stay positive. */
    boolean canDefer(double h) {
        return closedForm == null || 1 - h * gradientL2 > 0;
    }

    /** The step every weight is exact at once caught up. */
    int latest() {
        return latest;
    }

    /** Brings weight {@code (r, c)} of {@code w} up to {@link #latest()} and returns its value. */
    double catchUp(DenseMatrix w, int r, int c) {
        int i = r * features + c;
        int from = Math.max(lastStep[i], base);
        double value = w.get(r, c);
        if (from == latest) {
            return value;
        }
        double caught = closedForm != null ? closed(value, from - base, latest - base) : replay(value, from - base,
                latest - base);
        w.set(r, c, caught);
        lastStep[i] = latest;
        return caught;
    }

    /** Marks weight {@code (r, c)} as exact at the step about to be {@link #record recorded}. */
    void touched(int r, int c) {
        lastStep[r * features + c] = latest + 1;
    }

    /** Appends a step of coefficient {@code h} (0 for a step that moves nothing) that the absent weights missed. */
    void record(double h) {
        int n = latest - base;
        if (n == first.length) {
            first = Arrays.copyOf(first, 2 * n);
            second = Arrays.copyOf(second, 2 * n);
        }
        double prevSecond = n == 0 ? 0 : second[n - 1];
        if (closedForm != null) {
            stepMap(h);
            double scale = (n == 0 ? 1 : first[n - 1]) * mapScale;
            first[n] = scale;
            second[n] = prevSecond + mapThreshold / scale;
            thresholds |= mapThreshold > 0;
        } else {
            first[n] = (n == 0 ? 0 : first[n - 1]) + h;
        }
        latest++;
    }

    /** Whether the history should be folded in now (see the class javadoc). */
    boolean needsCatchUpAll() {
        int n = latest - base;
        if (n >= MAX_HISTORY) {
            return true;
        }
        return closedForm != null && n > 0
                && first[n - 1] < (thresholds ? MIN_SCALE_WITH_THRESHOLDS : MIN_SCALE);
    }

    /**
     * Brings every weight up to {@link #latest()} and clears the history. Returns the flat index
     * {@code r * features + c} of the first weight that is not finite afterwards, or -1.
     */
    int catchUpAll(DenseMatrix w) {
        int bad = -1;
        if (latest != base) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < features; c++) {
                    double v = catchUp(w, r, c);
                    if (bad < 0 && !Double.isFinite(v)) {
                        bad = r * features + c;
                    }
                }
            }
        }
        base = latest;
        thresholds = false;
        return bad;
    }

    /** After {@link #catchUpAll} and one step applied to every weight by the caller: all are exact at it. */
    void stepTakenEagerly() {
        latest++;
        base = latest;
    }

    int features() {
        return features;
    }

    /** Brings the columns an example reads up to date: its features' for a sparse example, all for a dense one. */
    void catchUpFeatures(DenseMatrix w, SGDVector example) {
        if (latest == base) {
            return;
        }
        if (example instanceof SparseVector) {
            for (VectorTuple t : example) {
                if (t.index < features) {
                    for (int r = 0; r < rows; r++) {
                        catchUp(w, r, t.index);
                    }
                }
            }
        } else {
            catchUpAll(w);
        }
    }

    /** The caller replaced every weight by exact values (say, restored ones): nothing is pending any more. */
    void restart() {
        base = latest;
        thresholds = false;
    }

    /**
     * The live weight matrix in lazy mode: a {@code DenseMatrix} whose products first catch up the weights they
     * read. Element reads ({@code get}) are not intercepted: call {@link RegularizedOptimiser#catchUp()} first.
     */
    static final class LiveMatrix extends DenseMatrix {
        private static final long serialVersionUID = 1L;
        private final transient LazyWeights engine;

        LiveMatrix(DenseMatrix weights, LazyWeights engine) {
            super(weights);
            this.engine = engine;
        }

        @Override
        public DenseVector leftMultiply(SGDVector input) {
            engine.catchUpFeatures(this, input);
            return super.leftMultiply(input);
        }

        /** A plain, exact copy. */
        @Override
        public DenseMatrix copy() {
            engine.catchUpAll(this);
            return new DenseMatrix(this);
        }
    }

    // ---- closed form: |w| -> max(0, A|w| - B)

    /** Sets {@code mapScale, mapThreshold} (A, B) of one step of coefficient {@code h}: gradient scaling, then
     * each proximal term in order. */
    private void stepMap(double h) {
        double a = 1 - h * gradientL2;
        double b = 0;
        for (int k = 0; k < proximalTerms.length; k++) {
            double l1 = closedForm[2 * k];
            double l2 = closedForm[2 * k + 1];
            b += h * l1;                       // soft-threshold by h·λ₁: (A, B + τ)
            double shrink = 1 / (1 + h * l2);  // then scale: (σA, σB)
            a *= shrink;
            b *= shrink;
        }
        mapScale = a;
        mapThreshold = b;
    }

    /** Applies history steps {@code from + 1 .. to} (relative to {@link #base}) in one composed map. */
    private double closed(double w, int from, int to) {
        double scaleFrom = from == 0 ? 1 : first[from - 1];
        double normFrom = from == 0 ? 0 : second[from - 1];
        double scaleTo = first[to - 1];
        double scale = scaleTo / scaleFrom;
        double threshold = scaleTo * (second[to - 1] - normFrom);
        double magnitude = scale * Math.abs(w) - threshold;
        return magnitude > 0 ? Math.copySign(magnitude, w) : 0.0;
    }

    // ---- generic replay

    private double replay(double w, int from, int to) {
        int missed = to - from;
        int exactFrom = from;
        if (missed > EXACT_REPLAY) {
            int merged = missed - EXACT_REPLAY;
            for (int k = 0; k < EXACT_REPLAY; k++) {
                int a = from + (int) ((long) merged * k / EXACT_REPLAY);
                int b = from + (int) ((long) merged * (k + 1) / EXACT_REPLAY);
                if (b > a) {
                    w = mergedSteps(w, prefixH(b) - prefixH(a));
                }
            }
            exactFrom = to - EXACT_REPLAY;
        }
        for (int s = exactFrom; s < to; s++) {
            w = oneStep(w, prefixH(s + 1) - prefixH(s));
        }
        return w;
    }

    /**
     * Many missed steps of summed coefficient {@code h} in one: the gradient part by Heun's method (second order,
     * so the error per chunk is O(h³) rather than an explicit step's O(h²)), then each proximal term with the
     * summed step (exact for a lone L1).
     */
    private double mergedSteps(double w, double h) {
        double g0 = gradientSum(w);
        double predicted = w - h * g0;
        double v = w - 0.5 * h * (g0 + gradientSum(predicted));
        for (ElementwisePenalty t : proximalTerms) {
            v = t.proximal(v, h);
        }
        return v;
    }

    private double gradientSum(double w) {
        double g = 0;
        for (ElementwisePenalty t : gradientTerms) {
            g += t.gradient(w);
        }
        return g;
    }

    private double prefixH(int n) {
        return n == 0 ? 0 : first[n - 1];
    }

    /** {@code prox_h(w - h·Σ ∇R(w))}, what an absent weight gets on a step of coefficient {@code h}. */
    private double oneStep(double w, double h) {
        if (h == 0) {
            return w;
        }
        double v = w - h * gradientSum(w);
        for (ElementwisePenalty t : proximalTerms) {
            v = t.proximal(v, h);
        }
        return v;
    }

    private static double[] closedForm(ElementwisePenalty[] gradients, ElementwisePenalty[] proximals) {
        for (ElementwisePenalty g : gradients) {
            ElasticForm f = ElasticForm.of(g);
            if (f == null || f.l1 != 0) {
                return null;   // an L1 subgradient step on its own oscillates around 0: no monotone closed form
            }
        }
        double[] out = new double[2 * proximals.length];
        for (int k = 0; k < proximals.length; k++) {
            ElasticForm f = ElasticForm.of(proximals[k]);
            if (f == null || !f.proximalMatches(proximals[k])) {
                return null;
            }
            out[2 * k] = f.l1;
            out[2 * k + 1] = f.l2;
        }
        return out;
    }

    /** {@code R(w) = λ₁|w| + (λ₂/2)w²} with {@code λ₁, λ₂ >= 0}, recognised from a hook by probing. */
    static final class ElasticForm {
        private static final double[] PROBES = {-3.5, -1, -0.25, 0, 0.125, 0.7, 2.5};
        final double l1;
        final double l2;

        private ElasticForm(double l1, double l2) {
            this.l1 = l1;
            this.l2 = l2;
        }

        /** The form of {@code p}, or null when its value or gradient is not of it at every probe. */
        static ElasticForm of(ElementwisePenalty p) {
            double l2 = p.value(2) - 2 * p.value(1);
            double l1 = p.value(1) - l2 / 2;
            if (!(l1 >= 0 && l2 >= 0)) {
                return null;
            }
            for (double w : PROBES) {
                double value = l1 * Math.abs(w) + 0.5 * l2 * w * w;
                double gradient = l1 * Math.signum(w) + l2 * w;
                if (!close(value, p.value(w)) || !close(gradient, p.gradient(w))) {
                    return null;
                }
            }
            return new ElasticForm(l1, l2);
        }

        /** Whether {@code p.proximal} soft-thresholds by {@code step·λ₁}, then shrinks by {@code 1 + step·λ₂}. */
        boolean proximalMatches(ElementwisePenalty p) {
            for (double step : new double[] {0.01, 0.5, 3}) {
                for (double w : PROBES) {
                    double t = step * l1;
                    double soft = Math.copySign(Math.max(0, Math.abs(w) - t), w);
                    if (!close(soft / (1 + step * l2), p.proximal(w, step))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean close(double expected, double actual) {
            return Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected));
        }
    }
}
