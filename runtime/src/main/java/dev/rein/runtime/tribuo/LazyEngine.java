package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;

/**
 * Lazy penalties for a linear model's weights: the engine behind {@link LiveMatrix}, the weight tensor
 * {@link RegularizedOptimiser} installs on sparse data. A step costs O(non-zeros of the mini-batch) however many
 * features the model has, and the penalty work is fused into the two passes Tribuo makes over those entries anyway:
 * <ul>
 *   <li>the forward pass ({@code LinearParameters.predict} calls {@link LiveMatrix#leftMultiply}) reads each weight
 *       of the example's features as if every missed penalty step had been applied ({@link #forward});</li>
 *   <li>the update ({@code LinearParameters.update} adds the tensor {@code step} returned) catches each present
 *       weight up and applies this step's penalties with the loss update ({@link #addPending}):
 *       {@code w ← prox_h(w - h·Σ ∇R(w) + δ)}, {@code δ} the inner optimiser's update, {@code h} the plan's step
 *       size.</li>
 * </ul>
 * A weight whose feature is absent gets no loss update, so on each step it moves by the penalties alone; each
 * subclass keeps one kind of history of those steps and catches a weight up from it:
 * <ul>
 *   <li>{@link ShrinkEngine}: L2-like terms only; the weights are stored divided by a running scale, so a step costs
 *       one multiply per present weight and an absent weight needs nothing;</li>
 *   <li>{@link RowCapEngine}: the same with a max-norm cap on each row, one scale per row;</li>
 *   <li>{@link SoftThresholdEngine}: elastic-net-like proximal terms; thresholds are prefix sums;</li>
 *   <li>{@link CumulativeL1Engine}: the same thresholds paid as Tsuruoka et al.'s cumulative penalty;</li>
 *   <li>{@link ReplayEngine}: any other element-wise penalty, by its gradient flow ({@link PenaltyFlow}) or, for a
 *       few missed steps, an exact replay through the hooks;</li>
 *   <li>{@link PerCoordinateProximalEngine} and {@link PerCoordinateFlowEngine}: proximal steps in AdaGrad's
 *       per-weight metric, in closed form or by the flow.</li>
 * </ul>
 * {@link LazyEngines#choose} picks one per run. The class is the history bookkeeping and the two fused passes; the
 * subclasses supply one tight loop per row for each pass (a call per row is cheap; a switch per entry is not).
 *
 * <p>The bias column ({@code features}) is stored as it is and never lazy: it is present in every example. Its
 * penalties, if the spec covers it, are applied with each update through the hooks.
 */
abstract class LazyEngine {
    /** Below this a scale is folded in: far from underflow, whatever the thresholds. */
    static final double MIN_SCALE = Math.exp(-600);

    final int rows;
    final int features;
    private final String spec;
    private final LazyTerms biasTerms;

    /** All weights are exact at {@code base}; steps {@code base + 1 .. latest} are in the history. */
    int base;
    int latest;
    /** The step size {@link #record}ed last, applied to the present weights when its update is added. */
    double stepH;
    /** The tensor whose addition applies the recorded step, or null when there is none. */
    private Tensor pendingUpdate;
    private int[] everyColumn;

    LazyEngine(int rows, int features, LazyTerms bias, String spec) {
        this.rows = rows;
        this.features = features;
        this.spec = spec;
        this.biasTerms = bias;
    }

    // ---- what each kind of history supplies

    /** Whether a step of size {@code h} can be deferred (a closed form must keep its scaling positive). */
    abstract boolean canDefer(double h);

    /** Adds a step of size {@code h} to the history, before {@code latest} counts it. */
    abstract void recordHistory(double h);

    /** Whether the history should be folded in now, to bound rounding or memory. */
    abstract boolean needsCatchUpAll();

    /**
     * Whether catching weights up has come to cost more than stepping every weight would (replaying missed steps
     * one by one, a chain of dependent steps, is slower per step than an eager pass): the optimiser then finishes
     * this engine and steps eagerly. False unless an engine replays.
     */
    boolean costsMoreThanEager() {
        return false;
    }

    /** {@code Σ w·x} over a row's present weights, read caught up (storing what it caught up, if that pays). */
    abstract double forwardRow(double[] row, int r, int[] index, double[] value, int n);

    /** The factor the stored values of row {@code r} are multiplied by to give the weights. */
    abstract double rowFactor(int r);

    /**
     * Adds the recorded step's update {@code delta} to a row's present weights, with its penalties. Returns a value
     * that is 0 when every new weight is finite (the sum of {@code w·0}).
     */
    abstract double addRow(double[] row, int r, int[] index, double[] delta, int n);

    /** Called before an update is added to any row (a row cap refreshes its norms there). */
    void beforeAdd(double[][] values) {
    }

    /** Called after each row's update (a row cap projects there). */
    void afterRow(int r) {
    }

    /**
     * Stores row {@code r}'s weights exact at {@code latest} (scale 1), each as {@link #weight(double, int, int)}
     * reads it; returns the first bad column or -1. A history that keeps more per weight than its stored value
     * (cumulative debts) overrides it.
     */
    int foldRow(double[] row, int r) {
        int bad = -1;
        for (int c = 0; c < features; c++) {
            double w = weight(row[c], r, c);
            row[c] = w;
            if (bad < 0 && !Double.isFinite(w)) {
                bad = c;
            }
        }
        return bad;
    }

    /** After every row was folded: the history starts again from {@code latest}. */
    abstract void clearHistory();

    /** The caller replaced every weight by exact values (say, restored ones): forget what was pending. */
    abstract void forgetHistory();

    /** Weight {@code (r, c)} read as caught up, from its stored value {@code u}. */
    abstract double weight(double u, int r, int c);

    /** Whether L1 thresholds are paid cumulatively ({@code mode=cumulative}). */
    boolean cumulative() {
        return false;
    }

    /** The stored values were changed from outside (a plain addition). */
    void valuesReplaced() {
    }

    // ---- bookkeeping shared by every kind

    /** Whether the bias column must be present in every row of an update for the step to be lazy. */
    final boolean penalizesBias() {
        return biasTerms.gradients().length + biasTerms.proximals().length > 0;
    }

    /** The spec this engine applies, for messages. */
    final String spec() {
        return spec;
    }

    final int features() {
        return features;
    }

    /** Whether any step is pending for some weight (else the stored values are the weights). */
    final boolean hasHistory() {
        return latest != base;
    }

    /** Whether adding {@code update} applies the step recorded last. */
    final boolean isPending(Tensor update) {
        return update == pendingUpdate;
    }

    /** A NaN or infinite weight at the latest step, {@code detail} saying which. */
    final TrainingDivergedException divergence(String detail) {
        return TrainingDivergedException.atStep(latest, spec, detail);
    }

    /**
     * Records a lazy step of size {@code h} (0 for a step that moves nothing): from now on the absent weights are
     * caught up over it, and adding {@code update} to the {@link LiveMatrix} applies it to the present ones.
     */
    final void record(double h, Tensor update) {
        recordHistory(h);
        stepH = h;
        pendingUpdate = update;
        latest++;
    }

    /** After {@link #catchUpAll} and one step applied to every weight by the caller: all are exact at it. */
    final void stepTakenEagerly() {
        latest++;
        base = latest;
        pendingUpdate = null;
        valuesReplaced();
    }

    /** The caller replaced every weight by exact values: nothing is pending any more. */
    final void restart() {
        forgetHistory();
        base = latest;
        pendingUpdate = null;
        valuesReplaced();
    }

    /**
     * Brings every weight of the live matrix's {@code values} up to {@code latest}, stores them as they are (scale
     * 1) and clears the history. Returns the flat index {@code r * features + c} of the first weight that is not
     * finite afterwards, or -1.
     */
    final int catchUpAll(double[][] values) {
        int bad = -1;
        if (latest != base) {
            for (int r = 0; r < rows; r++) {
                int c = foldRow(values[r], r);
                if (bad < 0 && c >= 0) {
                    bad = r * features + c;
                }
            }
            clearHistory();
            base = latest;
            valuesReplaced();
        }
        pendingUpdate = null;
        return bad;
    }

    /** Weight {@code (r, c)} of the live matrix's {@code values} as if caught up (nothing is written). */
    final double weight(double[][] values, int r, int c) {
        return weight(values[r][c], r, c);
    }

    /** {@code W·x} for a sparse example, with every weight read as if caught up. */
    final double[] forward(double[][] values, SparseVector x) {
        int[] index = SparseRows.indices(x);
        double[] value = SparseRows.values(x);
        int n = x.numActiveElements();
        int weights = n > 0 && index[n - 1] >= features ? n - 1 : n;   // indices ascend: the bias comes last
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double[] row = values[r];
            double bias = weights < n ? row[index[weights]] * value[weights] : 0;
            out[r] = rowFactor(r) * forwardRow(row, r, index, value, weights) + bias;
        }
        return out;
    }

    /**
     * Adds the update of the step recorded last: each present weight is caught up to the step before, then gets
     * {@code prox_h(w - h·Σ ∇R(w) + δ)}. Returns the flat index {@code r * (features + 1) + c} of the first weight
     * that is not finite afterwards, or -1.
     */
    final int addPending(double[][] values, Tensor update) {
        pendingUpdate = null;
        beforeAdd(values);
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
            double nonFinite = addRow(row, r, index, delta, weights);
            if (weights < n) {
                double w = biasStep(row[features], delta[weights]);
                row[features] = w;
                nonFinite += w * 0;
            }
            afterRow(r);
            if (bad < 0 && nonFinite != 0) {
                for (int k = 0; k < n && bad < 0; k++) {
                    bad = Double.isFinite(row[index[k]]) ? -1 : r * (features + 1) + index[k];
                }
            }
        }
        return bad;
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

    private double biasStep(double w, double delta) {
        if (!penalizesBias()) {
            return w + delta;
        }
        return genericStep(w, delta, stepH, biasTerms);
    }

    /** {@code Σ row[index[k]]·value[k]} over the first {@code n} entries: a row's stored values as they are. */
    static double dot(double[] row, int[] index, double[] value, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += row[index[k]] * value[k];
        }
        return sum;
    }

    /**
     * {@code prox_h(w - h·Σ ∇R(w) + δ)} through the hooks, the gradient terms one after the other, each that stops
     * at zero ({@link LazyTerms#stopsAtZero()}) never carrying the value across it.
     */
    static double genericStep(double w, double delta, double h, LazyTerms terms) {
        double v = w + delta;
        if (h != 0) {
            ElementwisePenalty[] gradients = terms.gradients();
            boolean[] stops = terms.stopsAtZero();
            for (int k = 0; k < gradients.length; k++) {
                double next = v - h * gradients[k].gradient(w);
                v = stops[k] && next * v < 0 ? 0.0 : next;
            }
            for (ElementwisePenalty p : terms.proximals()) {
                v = p.proximal(v, h);
            }
        }
        return v;
    }
}
