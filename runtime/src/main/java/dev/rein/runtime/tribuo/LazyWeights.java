package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.spec.PenaltyMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;

/**
 * Lazy penalties for a linear model's weights: the engine behind {@link LiveMatrix}, the weight tensor
 * {@link RegularizedOptimiser} installs in lazy mode. A step costs O(non-zeros of the mini-batch) however many
 * features the model has, and the penalty work is fused into the two passes Tribuo makes over those entries anyway:
 * <ul>
 *   <li>the forward pass ({@code LinearParameters.predict} calls {@link LiveMatrix#leftMultiply}) reads each
 *       weight of the example's features as it would be had every missed penalty step been applied;</li>
 *   <li>the update ({@code LinearParameters.update} calls {@link LiveMatrix#intersectAndAddInPlace(Tensor)} with
 *       the tensor {@code step} returned) catches each present weight up and applies this step's penalties with
 *       the loss update: {@code w ← prox_h(w - h·Σ ∇R(w) + δ)}, {@code δ} the inner optimiser's update,
 *       {@code h} the step coefficient (see {@link RegularizedOptimiser}), coupled and decoupled terms inside (in
 *       lazy mode coupled terms only occur under plain SGD, where the two are the same step), proximal terms in
 *       spec order outside.</li>
 * </ul>
 * A weight whose feature is absent gets no loss update, so on each step it moves by the penalties alone. The
 * engine catches a weight up in one of two ways:
 * <ul>
 *   <li><b>Closed form</b>, when every gradient term is L2-like ({@code (λ₂/2)w²}) and every proximal term is
 *       elastic-net-like ({@code λ₁|w| + (λ₂/2)w²}, L1 and L2 included). Then each step maps {@code |w|} to
 *       {@code max(0, a·|w| - b)} with {@code a > 0}, {@code b ≥ 0}. The matrix stores {@code u = w / A}, where
 *       {@code A} is the product of the {@code a}s since the history began: scaling every weight is then one
 *       multiplication of {@code A}, and in units of {@code u} a step only soft-thresholds, by {@code b / A}. The
 *       engine keeps the running sum {@code S} of those thresholds, and each weight the value of {@code S} when it
 *       was last exact, so catching a weight up is one soft-threshold of {@code u} by the difference: O(1), no
 *       division, one load per weight; the multiplicative L2 scaling (Bottou's {@code W = a·V}) and the cumulative
 *       L1 clipping of Tsuruoka et al. (2009) in one. Without L1 there are no thresholds and nothing is ever caught
 *       up: an L2 step costs one multiply per present weight. The form is recognised by probing the hook at fixed points (value, gradient, proximal operator),
 *       not by its name.</li>
 *   <li><b>Generic replay</b>, for any other element-wise penalty; the matrix stores the weights themselves. The
 *       missed steps are replayed exactly through the hook when there are at most {@value #EXACT_REPLAY} of them;
 *       beyond that, the older ones are merged into {@value #EXACT_REPLAY} chunks, each applied as one step of the
 *       chunk's summed coefficient (the gradient part by Heun's second-order method, then the proximal terms with
 *       the summed step: exact for a lone proximal L1, approximate otherwise, e.g. a relative error of about 1e-5
 *       for a Cauchy penalty over 1000 missed steps of total coefficient 1, see {@code LazyWeightsTest}), and the
 *       last {@value #EXACT_REPLAY} are replayed exactly. A catch-up thus costs at most three times
 *       {@value #EXACT_REPLAY} hook calls per term.</li>
 * </ul>
 * In {@code mode=cumulative} the closed form keeps, instead of the sum a weight was last exact at, the L1 penalty
 * it has actually paid; a weight pays {@code S + paid} (or {@code S - paid} when negative) towards zero, and keeps
 * owing what it could not pay at zero (Tsuruoka et al.). Paying is path-independent, so catching up late gives
 * what paying at every step would.
 *
 * To bound rounding (and the replay's memory), the history is folded in ({@link #catchUpAll}: every weight written
 * exact, the scale back to 1): for replay every {@value #MAX_HISTORY} steps; in closed form whenever {@code A}
 * falls below {@code e^-7} while thresholds are pending (so that the difference of threshold sums, which grow like
 * {@code 1/A}, loses at most about {@code 1e3} ulps) or below {@code e^-600} without.
 *
 * <p>The bias column ({@code features}) is stored as it is and never lazy: it is present in every example.
 */
final class LazyWeights {
    static final int EXACT_REPLAY = 32;
    static final int MAX_HISTORY = 1 << 16;
    private static final double MIN_SCALE_WITH_THRESHOLDS = Math.exp(-7);
    private static final double MIN_SCALE = Math.exp(-600);

    private final int rows;
    private final int features;
    private final String spec;
    private final ElementwisePenalty[] gradientTerms;
    private final ElementwisePenalty[] proximalTerms;
    private final ElementwisePenalty[] biasGradientTerms;
    private final ElementwisePenalty[] biasProximalTerms;
    /** Closed form: λ₁, λ₂ of each proximal term; null for replay. */
    private final double[] closedForm;
    /** Closed form: the summed λ₂ of the gradient terms. */
    private final double gradientL2;
    /** Closed form: whether any term has an L1 part, i.e. whether steps can have thresholds. */
    private final boolean anyL1;
    /** Whether the thresholds are paid cumulatively ({@code mode=cumulative}) instead of soft-thresholding. */
    private final boolean cumulative;

    /** The cap on each row's L2 norm (max-norm constraints), or infinity; only in closed form without L1. */
    private final double rowCap;
    /** Per row r: the factor α_r the capping has scaled it by since the history began (stored u = w / (A·α_r)). */
    private final double[] rowScale;
    /** Under a row cap, per row: Σ u² over its weights, kept up to date as entries change. */
    private final double[] rowSquares;
    private boolean rowSquaresStale = true;

    /** Replay: the step each weight is exact at, when later than {@link #base}. Cumulative mode: the step whose
     * threshold sum it has paid up to. Unused otherwise. */
    private final int[] lastStep;
    /** All weights are exact at {@code base}; steps {@code base + 1 .. latest} are in the history. */
    private int base;
    private int latest;
    /** Replay: the prefix sums of h, indexed by {@code step - base} (0 at {@code base}). */
    private double[] prefixH = new double[256];
    /** Closed form: the scale A and the threshold sum S after the latest step, and S before it (1, 0, 0 at base). */
    private double scaleNow = 1;
    private double sumNow;
    private double sumBefore;
    /** Closed form with L1: per weight, the threshold sum S when it was last exact (0 for base); in cumulative
     * mode instead the penalty q it has actually paid, signed, in the same units as S. */
    private final double[] touchedSum;
    private boolean thresholds;
    /** The step {@link #record}ed last, applied to the present weights when its update is added. */
    private double stepH;
    /** Closed form: what one unit of the update adds to a stored {@code u}, and the step's threshold on it. */
    private double stepGain;
    private double stepThreshold;
    private int[] everyColumn;
    /** The tensor whose addition applies the recorded step, or null when there is none. */
    private Tensor pendingUpdate;

    private LazyWeights(int rows, int features, List<PenaltyTerm> weightTerms, List<PenaltyTerm> biasTerms,
            double rowCap, String spec) {
        this.rows = rows;
        this.features = features;
        this.spec = spec;
        List<ElementwisePenalty> gradients = new ArrayList<>();
        List<ElementwisePenalty> proximals = new ArrayList<>();
        split(weightTerms, gradients, proximals);
        this.gradientTerms = gradients.toArray(new ElementwisePenalty[0]);
        this.proximalTerms = proximals.toArray(new ElementwisePenalty[0]);
        gradients.clear();
        proximals.clear();
        split(biasTerms, gradients, proximals);
        this.biasGradientTerms = gradients.toArray(new ElementwisePenalty[0]);
        this.biasProximalTerms = proximals.toArray(new ElementwisePenalty[0]);
        this.cumulative = weightTerms.stream().anyMatch(t -> t.mode() == PenaltyMode.CUMULATIVE);
        boolean[] paidCumulatively = new boolean[proximalTerms.length];
        int next = 0;
        for (PenaltyTerm t : weightTerms) {
            if (t.mode() == PenaltyMode.PROXIMAL || t.mode() == PenaltyMode.CUMULATIVE) {
                paidCumulatively[next++] = t.mode() == PenaltyMode.CUMULATIVE;
            }
        }
        this.closedForm = closedForm(gradientTerms, proximalTerms, paidCumulatively);
        double l2 = 0;
        boolean l1 = false;
        if (closedForm != null) {
            for (ElementwisePenalty g : gradientTerms) {
                l2 += ElasticForm.of(g).l2;
            }
            for (int k = 0; k < proximalTerms.length; k++) {
                l1 |= closedForm[2 * k] > 0;
            }
        }
        this.gradientL2 = l2;
        this.anyL1 = l1;
        this.lastStep = new int[closedForm == null || cumulative ? rows * features : 0];
        this.touchedSum = new double[anyL1 ? rows * features : 0];
        this.rowCap = rowCap;
        this.rowScale = new double[rows];
        Arrays.fill(rowScale, 1.0);
        this.rowSquares = new double[rows];
    }

    private static void split(List<PenaltyTerm> terms, List<ElementwisePenalty> gradients,
            List<ElementwisePenalty> proximals) {
        for (PenaltyTerm t : terms) {
            boolean threshold = t.mode() == PenaltyMode.PROXIMAL || t.mode() == PenaltyMode.CUMULATIVE;
            (threshold ? proximals : gradients).add(t.elementwise());
        }
    }

    /**
     * An engine for the weight columns {@code 0 .. features - 1} of a {@code rows x (features + 1)} matrix, under
     * the element-wise {@code weightTerms}, with {@code biasTerms} applied to the last column at each step, and
     * each row's norm capped at {@code rowCap} after each step ({@code Double.POSITIVE_INFINITY}: no cap); the
     * {@code spec} names the run in errors. Returns null when a cap is asked for with penalties it cannot be
     * combined with lazily (any but L2-like ones).
     */
    static LazyWeights of(int rows, int features, List<PenaltyTerm> weightTerms, List<PenaltyTerm> biasTerms,
            double rowCap, String spec) {
        LazyWeights engine = new LazyWeights(rows, features, weightTerms, biasTerms, rowCap, spec);
        boolean capped = rowCap < Double.POSITIVE_INFINITY;
        if (engine.cumulative && engine.closedForm == null) {
            return null;
        }
        return capped && (engine.closedForm == null || engine.anyL1) ? null : engine;
    }

    /** Whether the closed form applies (else generic replay). */
    boolean closedForm() {
        return closedForm != null;
    }

    /** Whether a step of coefficient {@code h} can be deferred: in closed form its scaling must stay positive. */
    boolean canDefer(double h) {
        return closedForm == null || 1 - h * gradientL2 > 0;
    }

    /** Whether L1 thresholds are paid cumulatively ({@code mode=cumulative}). */
    boolean cumulative() {
        return cumulative;
    }

    /** Whether the bias column must be present in every row of an update for the step to be lazy. */
    boolean penalizesBias() {
        return biasGradientTerms.length + biasProximalTerms.length > 0;
    }

    int features() {
        return features;
    }

    /** Whether any step is pending for some weight (else the stored values are the weights). */
    boolean hasHistory() {
        return latest != base;
    }

    /** Whether adding {@code update} applies the step recorded last. */
    boolean isPending(Tensor update) {
        return update == pendingUpdate;
    }

    /** The stored values were changed from outside (a plain addition): the rows' norms must be recomputed. */
    void valuesReplaced() {
        rowSquaresStale = true;
    }

    /** A NaN or infinite weight at the latest step, {@code detail} saying which. */
    DivergenceException divergence(String detail) {
        return new DivergenceException(latest, spec, detail);
    }

    /**
     * Records a lazy step of coefficient {@code h} (0 for a step that moves nothing): from now on the absent weights
     * are caught up over it, and adding {@code update} to the {@link LiveMatrix} applies it to the present ones.
     */
    void record(double h, Tensor update) {
        if (closedForm != null) {
            double previousScale = scaleNow;
            double gradientScaling = 1 - h * gradientL2;
            double a = gradientScaling;
            double b = 0;
            for (int k = 0; k < proximalTerms.length; k++) {
                b += h * closedForm[2 * k];                        // soft-threshold by h·λ₁: (a, b + τ)
                double shrink = 1 / (1 + h * closedForm[2 * k + 1]); // then scale: (σa, σb)
                a *= shrink;
                b *= shrink;
            }
            scaleNow = previousScale * a;
            stepThreshold = b / scaleNow;
            sumBefore = sumNow;
            sumNow += stepThreshold;
            thresholds |= b > 0;
            stepGain = 1 / (previousScale * gradientScaling);
        } else {
            int n = latest - base;
            if (n + 1 == prefixH.length) {
                prefixH = Arrays.copyOf(prefixH, 2 * prefixH.length);
            }
            prefixH[n + 1] = prefixH[n] + h;
        }
        stepH = h;
        pendingUpdate = update;
        latest++;
    }

    /** Whether the history should be folded in now (see the class javadoc). */
    boolean needsCatchUpAll() {
        if (closedForm == null && latest - base >= MAX_HISTORY) {
            return true;
        }
        if (closedForm != null && scaleNow < (thresholds ? MIN_SCALE_WITH_THRESHOLDS : MIN_SCALE)) {
            return true;
        }
        for (double a : rowScale) {
            if (a < MIN_SCALE) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rows' norms are capped (a max-norm constraint). */
    private boolean capsRows() {
        return rowCap < Double.POSITIVE_INFINITY;
    }

    /**
     * Brings every weight of the live matrix's {@code values} up to {@link #latest()}, stores them as they are (scale
     * 1) and clears the history. Returns the flat index {@code r * features + c} of the first weight that is not
     * finite afterwards, or -1.
     */
    int catchUpAll(double[][] values) {
        int bad = -1;
        if (latest != base) {
            for (int r = 0; r < rows; r++) {
                double[] row = values[r];
                double scale = scale() * rowScale[r];
                rowScale[r] = 1;
                for (int c = 0; c < features; c++) {
                    int i = r * features + c;
                    double w;
                    if (closedForm == null) {
                        w = caughtUp(row[c], i, latest);
                    } else if (cumulative) {
                        double u = withDebtPaid(row[c], sumNow, touchedSum[i]);
                        touchedSum[i] = (touchedSum[i] + u - row[c]) * scale;   // in the units of the new scale, 1
                        w = scale * u;
                    } else {
                        w = scale * current(row[c], i);
                    }
                    row[c] = w;
                    if (bad < 0 && !Double.isFinite(w)) {
                        bad = r * features + c;
                    }
                }
            }
        }
        if (latest != base) {
            rowSquaresStale = true;
            clearHistory(cumulative);
        }
        pendingUpdate = null;
        return bad;
    }

    /** Every weight is exact at {@code latest}: the history starts again from there. */
    private void clearHistory(boolean keepDebts) {
        base = latest;
        if (keepDebts) {
            sumNow *= scaleNow;   // what each weight paid was rescaled with it in catchUpAll
            sumBefore = sumNow;
            thresholds = sumNow > 0;
        } else {
            sumNow = 0;
            sumBefore = 0;
            thresholds = false;
            Arrays.fill(touchedSum, 0.0);
        }
        scaleNow = 1;
    }

    /** After {@link #catchUpAll} and one step applied to every weight by the caller: all are exact at it. */
    void stepTakenEagerly() {
        latest++;
        base = latest;
        pendingUpdate = null;
        rowSquaresStale = true;
    }

    /** The caller replaced every weight by exact values (say, restored ones): nothing is pending any more. */
    void restart() {
        clearHistory(false);   // cumulative mode: the new weights start owing nothing
        pendingUpdate = null;
        Arrays.fill(rowScale, 1.0);
        rowSquaresStale = true;
    }

    /** Weight {@code (r, c)} of the live matrix's {@code values} as if caught up (nothing is written). */
    double weight(double[][] values, int r, int c) {
        int i = r * features + c;
        return closedForm != null ? scale() * rowScale[r] * current(values[r][c], i)
                : caughtUp(values[r][c], i, latest);
    }

    // ---- the fused passes

    /** {@code W·x} for a sparse example, with every weight read as if caught up. */
    double[] forward(double[][] values, SparseVector x) {
        int[] index = SparseRows.indices(x);
        double[] value = SparseRows.values(x);
        int n = x.numActiveElements();
        double[] out = new double[rows];
        double scale = scale();
        boolean clip = closedForm != null && thresholds;
        for (int r = 0; r < rows; r++) {
            double[] row = values[r];
            int offset = r * features;
            double weights = 0;
            double bias = 0;
            for (int k = 0; k < n; k++) {
                int c = index[k];
                if (c < features) {
                    double u = row[c];
                    if (clip && cumulative) {
                        // Pay now and keep it, marked, so that the update that follows skips the payment.
                        int i = offset + c;
                        double paid = withDebtPaid(u, sumNow, touchedSum[i]);
                        touchedSum[i] += paid - u;
                        u = paid;
                        row[c] = u;
                        lastStep[i] = latest;
                    } else if (clip) {
                        // Keep the caught-up value: the update that follows then finds it exact and skips its own
                        // catch-up (it compares the stored sum), which costs more than these two stores.
                        u = softThreshold(u, sumNow - touchedSum[offset + c]);
                        row[c] = u;
                        touchedSum[offset + c] = sumNow;
                    } else if (closedForm == null) {
                        u = caughtUp(u, offset + c, latest);
                        row[c] = u;   // a replay is costly: keep its result
                        lastStep[offset + c] = latest;
                    }
                    weights += u * value[k];
                } else {
                    bias += row[c] * value[k];
                }
            }
            out[r] = scale * rowScale[r] * weights + bias;
        }
        return out;
    }

    /**
     * Adds the update of the step recorded last: each present weight is caught up to the step before, then gets
     * {@code prox_h(w - h·Σ ∇R(w) + δ)}. Returns the flat index {@code r * (features + 1) + c} of the first weight
     * that is not finite afterwards, or -1.
     */
    int addPending(double[][] values, Tensor update) {
        pendingUpdate = null;
        boolean cap = capsRows();
        if (cap && rowSquaresStale) {
            refreshRowSquares(values);
        }
        int bad = -1;
        int[] everyColumn = update instanceof DenseMatrix ? everyColumn() : null;
        for (int r = 0; r < rows; r++) {
            int[] index;
            double[] delta;
            int n;
            if (everyColumn != null) {
                index = everyColumn;
                delta = ((DenseMatrix) update).getRow(r).toArray();
                n = everyColumn.length;
            } else {
                SparseVector deltas = ((DenseSparseMatrix) update).getRow(r);
                index = SparseRows.indices(deltas);
                delta = SparseRows.values(deltas);
                n = deltas.numActiveElements();
            }
            int weights = n > 0 && index[n - 1] >= features ? n - 1 : n;   // indices ascend: the bias comes last
            double[] row = values[r];
            // One tight loop per kind of step; a NaN or infinity anywhere makes the sum of w·0 NaN.
            double nonFinite;
            if (closedForm == null) {
                nonFinite = addReplayed(row, r * features, index, delta, weights);
            } else if (cumulative) {
                nonFinite = addPayingDebts(row, r * features, index, delta, weights);
            } else if (anyL1) {
                nonFinite = addThresholded(row, r * features, index, delta, weights);
            } else if (cap) {
                nonFinite = addScaledTrackingNorm(row, r, index, delta, weights);
            } else {
                nonFinite = addScaled(row, stepGain / rowScale[r], index, delta, weights);
            }
            if (weights < n) {
                double w = biasStep(row[features], delta[weights]);
                row[features] = w;
                nonFinite += w * 0;
            }
            if (cap) {
                capRow(r);
            }
            if (bad < 0 && nonFinite != 0) {
                for (int k = 0; k < n && bad < 0; k++) {
                    bad = Double.isFinite(row[index[k]]) ? -1 : r * (features + 1) + index[k];
                }
            }
        }
        return bad;
    }

    /** L2-like terms only: {@code u += gain·δ}. */
    private static double addScaled(double[] row, double gain, int[] index, double[] delta, int n) {
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            double w = row[c] + gain * delta[k];
            row[c] = w;
            nonFinite += w * 0;
        }
        return nonFinite;
    }

    /** As {@link #addScaled}, keeping row {@code r}'s {@code Σ u²} up to date for its norm cap. */
    private double addScaledTrackingNorm(double[] row, int r, int[] index, double[] delta, int n) {
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

    /** With L1: catch {@code u} up to the step before, then {@code u ← soft(u + gain·δ, this step's threshold)}. */
    private double addThresholded(double[] row, int offset, int[] index, double[] delta, int n) {
        double before = sumBefore;
        double now = sumNow;
        double gain = stepGain;
        double threshold = stepThreshold;
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double u = row[c];
            double owed = before - touchedSum[i];
            if (owed != 0) {   // not caught up by the forward pass (e.g. a step without one)
                u = softThreshold(u, owed);
            }
            double w = softThreshold(u + gain * delta[k], threshold);
            row[c] = w;
            touchedSum[i] = now;
            nonFinite += w * 0;
        }
        return nonFinite;
    }

    /**
     * Cumulative L1: the weight first pays what it owes for the steps it missed, then takes the loss update and
     * pays this step's share (with whatever it could not pay before, while it sat at zero).
     */
    private double addPayingDebts(double[] row, int offset, int[] index, double[] delta, int n) {
        int payday = latest - 1;   // the forward pass of this step ran before it was recorded
        double before = sumBefore;
        double now = sumNow;
        double gain = stepGain;
        double[] paid = touchedSum;
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double u = row[c];
            double q = paid[i];
            if (lastStep[i] != payday) {   // not paid by the forward pass (e.g. a step without one)
                double owed = withDebtPaid(u, before, q);
                q += owed - u;
                u = owed;
            }
            lastStep[i] = latest;
            double v = u + gain * delta[k];
            double w = withDebtPaid(v, now, q);
            paid[i] = q + (w - v);
            row[c] = w;
            nonFinite += w * 0;
        }
        return nonFinite;
    }

    /** The columns {@code 0 .. features}, for an update that holds every weight (a dense step). */
    private int[] everyColumn() {
        if (everyColumn == null) {
            everyColumn = new int[features + 1];
            for (int c = 0; c <= features; c++) {
                everyColumn[c] = c;
            }
        }
        return everyColumn;
    }

    /** Any other penalty: replay the missed steps, then this one through the hooks. */
    private double addReplayed(double[] row, int offset, int[] index, double[] delta, int n) {
        int before = latest - 1;
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double w = genericStep(caughtUp(row[c], i, before), delta[k], gradientTerms, proximalTerms);
            row[c] = w;
            lastStep[i] = latest;
            nonFinite += w * 0;
        }
        return nonFinite;
    }

    /** Projects row {@code r} onto the ball of radius {@link #rowCap}: one multiplication of its scale. */
    private void capRow(int r) {
        double norm = scale() * rowScale[r] * Math.sqrt(Math.max(0, rowSquares[r]));
        if (norm > rowCap) {
            rowScale[r] *= rowCap / norm;
        }
    }

    /** Σ u² per row from the stored values, exactly (rounding in the running sums does not build up past this). */
    private void refreshRowSquares(double[][] values) {
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

    private double biasStep(double w, double delta) {
        if (biasGradientTerms.length + biasProximalTerms.length == 0) {
            return w + delta;
        }
        return genericStep(w, delta, biasGradientTerms, biasProximalTerms);
    }

    /** {@code prox_h(w - h·Σ ∇R(w) + δ)} through the hooks, with the recorded step's {@code h}. */
    private double genericStep(double w, double delta, ElementwisePenalty[] gradients,
            ElementwisePenalty[] proximals) {
        double h = stepH;
        double v = w + delta;
        if (h != 0) {
            for (ElementwisePenalty g : gradients) {
                v -= h * g.gradient(w);
            }
            for (ElementwisePenalty p : proximals) {
                v = p.proximal(v, h);
            }
        }
        return v;
    }

    // ---- closed form: |w| -> max(0, a|w| - b), stored as u = w / A

    /** The scale A after the latest step: the stored {@code u} times it is the weight. */
    private double scale() {
        return closedForm == null ? 1 : scaleNow;
    }

    /** Stored value {@code u} of flat weight {@code i}, soft-thresholded by the steps it missed up to latest. */
    private double current(double u, int i) {
        if (!thresholds) {
            return u;
        }
        return cumulative ? withDebtPaid(u, sumNow, touchedSum[i]) : softThreshold(u, sumNow - touchedSum[i]);
    }

    /** The threshold prefix sum S after step {@code step}. */

    /**
     * {@code sign(u)·max(0, |u| - threshold)}, without a branch: near zero the sign of {@code |u| - threshold} is
     * unpredictable, and a mispredicted branch costs more than this arithmetic ({@code (m + |m|)/2} is
     * {@code max(m, 0)} exactly; adding {@code +0.0} turns a {@code -0.0} into {@code 0.0}).
     */
    private static double softThreshold(double u, double threshold) {
        double magnitude = Math.abs(u) - threshold;
        return Math.copySign((magnitude + Math.abs(magnitude)) * 0.5, u) + 0.0;
    }

    /**
     * Tsuruoka et al.'s cumulative clipping: of the total threshold {@code total} a weight could have paid, it has
     * paid {@code paid} (signed: negative for reductions of a positive weight); a positive {@code u} moves towards
     * zero by what it owes, {@code total + paid}, a negative one by {@code total - paid}, neither past zero. What
     * a weight could not pay at zero stays owed. Same branch-free arithmetic as {@link #softThreshold}.
     */
    private static double withDebtPaid(double u, double total, double paid) {
        double magnitude = Math.abs(u) - (total + Math.copySign(1.0, u) * paid);   // at ±0 it owes ≥ 0 either way
        return Math.copySign((magnitude + Math.abs(magnitude)) * 0.5, u) + 0.0;
    }

    // ---- replay catch-up to a given step

    private double caughtUp(double stored, int i, int to) {
        int from = Math.max(lastStep[i], base);
        if (from >= to) {
            return stored;
        }
        return replay(stored, from - base, to - base);
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
        return prefixH[n];
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

    /** λ₁, λ₂ per proximal (or cumulative) term, or null; cumulative terms never call their proximal operator. */
    private static double[] closedForm(ElementwisePenalty[] gradients, ElementwisePenalty[] proximals,
            boolean[] paidCumulatively) {
        for (ElementwisePenalty g : gradients) {
            ElasticForm f = ElasticForm.of(g);
            if (f == null || f.l1 != 0) {
                return null;   // an L1 subgradient step on its own oscillates around 0: no monotone closed form
            }
        }
        double[] out = new double[2 * proximals.length];
        for (int k = 0; k < proximals.length; k++) {
            ElasticForm f = ElasticForm.of(proximals[k]);
            if (f == null || (!paidCumulatively[k] && !f.proximalMatches(proximals[k]))) {
                return null;
            }
            out[2 * k] = f.l1;
            out[2 * k + 1] = f.l2;
        }
        return out;
    }
}
