package dev.rein.runtime.optim;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;

/**
 * FTRL-Proximal (McMahan et al., "Ad Click Prediction: a View from the Trenches", KDD 2013, Algorithm 1): the
 * optimiser large-scale sparse logistic regression uses, with {@code λ₁|w| + (λ₂/2)w²} in its closed form, so L1
 * gives exact zeros and a feature absent from a step costs nothing. Per coordinate, with {@code g} the loss
 * gradient of the step ({@code -weight} times what Tribuo passes, since Tribuo climbs the log-likelihood):
 *
 * <pre>
 *   w_old = the weight the trainer holds   the one this step's gradient was computed at
 *   σ = (√(n + g²) − √n) / α
 *   z ← z + g − σ·w_old
 *   n ← n + g²
 *   weight(z, n, k) = 0                                          if |z| ≤ k·λ₁
 *                   = −(z − sgn(z)·k·λ₁) / ((β + √n)/α + k·λ₂)   otherwise
 * </pre>
 *
 * {@code k} counts the steps taken with a non-zero example weight. That factor is the one change from the paper,
 * where {@code λ₁} and {@code λ₂} stay fixed: the paper's {@code z} sums the gradients of all {@code k} steps, so a
 * fixed penalty weighs less and less against them and training does not minimise {@code mean loss + penalty}.
 * Charging the penalty once per step, as every other Rein optimiser does, makes the fixed point that minimiser
 * (up to {@code β/α}, which vanishes as {@code k} grows): the same spec means the same model under every optimiser.
 *
 * <p>Used alone, as any Tribuo optimiser:
 *
 * <pre>{@code
 * // mean loss + 0.01·|w| + (0.001/2)·w² over every parameter (the bias too), mini-batches of 1
 * var trainer = new LinearSGDTrainer(new LogMulticlass(), new ReinFtrl(0.1, 1.0, 0.01, 0.001, 1), 10, 1L);
 * }</pre>
 *
 * or, to leave the bias out and write the penalty as a spec, inside Rein's {@code RegularizedOptimiser} (which
 * adds the spec's {@code l1}, {@code l2} and {@code elastic_net} terms to the closed form with
 * {@link #addPenalty}):
 *
 * <pre>{@code
 * var optimiser = new RegularizedOptimiser(new ReinFtrl(0.1, 1.0), "l1(lambda=0.01)", PluginRegistry.shared(), 1);
 * }</pre>
 *
 * <p><b>Lazy</b>: a coordinate absent from a sparse gradient keeps {@code z} and {@code n}; its weight depends on
 * the step only through {@code k}. Tribuo keeps the weights, so such a weight is written when its feature next
 * appears, and every weight is brought to the last step by {@link #finalise()}: during an epoch a rare feature's
 * prediction uses the weight of its last appearance (a penalty a little smaller than the current one); the model
 * trained is exact. Training starts from the parameters' initial values (zero for Tribuo's linear models, random
 * factors for its factorization machines).
 *
 * <p><b>Mini-batches</b>: Tribuo does not tell an optimiser the batch size {@code b} and passes it {@code b²} times
 * the mean loss gradient (see {@code dev.rein.runtime.plan}), so the configured {@code l1} and {@code l2} are scaled
 * by {@code minibatchSize²}; set it to the trainer's.
 *
 * <p>Not thread safe: a trainer trains a {@link #copy()}, one per run.
 */
public final class ReinFtrl implements StochasticGradientOptimiser {
    private static final String NAME = "ReinFtrl";

    @Config(description = "α, the learning rate: coordinate i moves by about α/(β + √n_i) times its gradient.")
    private double alpha = 0.1;

    @Config(description = "β, added to √n_i: the per-coordinate rate starts at α/β.")
    private double beta = 1.0;

    @Config(description = "λ₁ of mean loss + λ₁|w| + (λ₂/2)w², on every parameter.")
    private double l1 = 0.0;

    @Config(description = "λ₂ of mean loss + λ₁|w| + (λ₂/2)w², on every parameter.")
    private double l2 = 0.0;

    @Config(description = "The trainer's mini-batch size, which scales l1 and l2 (Tribuo does not tell it).")
    private int minibatchSize = 1;

    /** {@code n} starts here: AdaGrad's {@code initialValue} when this runs AdaGrad in its FTRL form. */
    private double initialN;

    /** {@code 1/α}: a step multiplies by it rather than divide, leaving one division per non-zero weight. */
    private double perAlpha;
    private int[][] shapes;
    private double[][][] z;
    /** {@code √n} per coordinate: a step takes one square root per entry. */
    private double[][][] root;
    private Parameters parameters;
    private ElasticRegions runPenalty;
    /** Per tensor {@code [λ₁ per column, λ₂ per column]} for one step, from the configured and added penalties. */
    private double[][][] perColumn;
    private long steps;
    private long penalisedSteps;

    /** For OLCUT. */
    private ReinFtrl() {
    }

    /**
     * FTRL-Proximal with learning rate {@code alpha}, {@code beta}, and {@code mean loss + l1·|w| + (l2/2)·w²} on
     * every parameter for a trainer whose mini-batches hold {@code minibatchSize} examples.
     *
     * @throws IllegalArgumentException if {@code alpha} is not above 0, another value is below 0 (or any is not
     *                                  finite), or {@code minibatchSize} is below 1
     */
    public ReinFtrl(double alpha, double beta, double l1, double l2, int minibatchSize) {
        this.alpha = alpha;
        this.beta = beta;
        this.l1 = l1;
        this.l2 = l2;
        this.minibatchSize = minibatchSize;
        postConfig();
    }

    /** FTRL-Proximal without a penalty of its own (a spec can add one through {@code RegularizedOptimiser}). */
    public ReinFtrl(double alpha, double beta) {
        this(alpha, beta, 0, 0, 1);
    }

    /**
     * AdaGrad with learning rate {@code eta}, {@code epsilon} and accumulators from {@code initialValue}, written as
     * FTRL-Proximal: {@code α = η}, {@code β = ε}. Without a penalty the two take the same steps (McMahan 2011: the
     * per-coordinate rate {@code α/(β + √n)} is AdaGrad's {@code η/(ε + √G)}, and FTRL's proximal centres make
     * each step a gradient step at that rate); with one, the penalty is charged on the accumulated gradients,
     * which gives AdaGrad exact zeros where its per-step proximal map lets noise features flicker.
     */
    static ReinFtrl adaGradForm(double eta, double epsilon, double initialValue) {
        ReinFtrl ftrl = new ReinFtrl(eta, epsilon);
        Settings.nonNegative(NAME, "initialValue", initialValue);
        ftrl.initialN = initialValue;
        return ftrl;
    }

    /** Checks the configured values; OLCUT calls it after setting the {@code @Config} fields. */
    @Override
    public void postConfig() {
        Settings.positive(NAME, "alpha", alpha);
        Settings.nonNegative(NAME, "beta", beta);
        Settings.nonNegative(NAME, "l1", l1);
        Settings.nonNegative(NAME, "l2", l2);
        Settings.positive(NAME, "minibatchSize", minibatchSize);
    }

    @Override
    public void initialise(Parameters parameters) {
        this.parameters = parameters;
        this.perAlpha = 1 / alpha;
        this.shapes = GradientRows.shapes(parameters.get(), NAME);
        this.z = GradientRows.zeros(shapes);
        this.root = GradientRows.zeros(shapes);
        startAtTheCurrentWeights(parameters.get());
        double b2 = (double) minibatchSize * minibatchSize;
        usePenalty(ElasticRegions.everywhere(l1 * b2, l2 * b2));
        this.steps = 0;
        this.penalisedSteps = 0;
    }

    /**
     * Sets {@code n} to its initial value and {@code z} so that the closed form gives each weight's initial value
     * ({@code z = -w₀·(β + √n₀)/α}): a factorization machine's random factors stay as initialised until they move.
     */
    private void startAtTheCurrentWeights(Tensor[] tensors) {
        double rate = (beta + Math.sqrt(initialN)) / alpha;
        for (int t = 0; t < shapes.length; t++) {
            for (int r = 0; r < shapes[t][0]; r++) {
                java.util.Arrays.fill(root[t][r], Math.sqrt(initialN));
                for (int c = 0; c < shapes[t][1]; c++) {
                    z[t][r][c] = -get(tensors[t], r, c) * rate;
                }
            }
        }
    }

    /**
     * Adds {@code perStep} to this run's penalty: its coefficients are charged once per step, in the units of the
     * gradient this optimiser is given (for a spec, its {@code λ} times {@code b²}). Call after
     * {@link #initialise}; {@link #reset()} forgets it.
     *
     * @throws IllegalStateException before {@code initialise}
     */
    public void addPenalty(ElasticRegions perStep) {
        if (shapes == null) {
            throw new IllegalStateException(OptimMessages.penaltyBeforeInitialise(NAME).toString());
        }
        usePenalty(runPenalty.plus(perStep));
    }

    private void usePenalty(ElasticRegions penalty) {
        this.runPenalty = penalty;
        this.perColumn = new double[shapes.length][][];
        for (int t = 0; t < shapes.length; t++) {
            perColumn[t] = penalty.columns(t, shapes[t][1]);
        }
    }

    /**
     * Turns {@code gradients} into the update, in place, and returns them: for each stored entry, the new FTRL
     * weight minus the weight the trainer holds.
     *
     * @throws IllegalStateException    before {@code initialise}
     * @throws IllegalArgumentException if the gradients do not match the parameters
     */
    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        if (z == null) {
            throw new IllegalStateException(OptimMessages.stepBeforeInitialise(NAME).toString());
        }
        steps++;
        if (weight != 0) {
            penalisedSteps++;
        }
        long after = penalisedSteps;
        Tensor[] live = parameters.get();
        GradientRows.rewrite(gradients, shapes, NAME, (t, r, columns, values, count) -> {
            double[] zr = z[t][r];
            double[] rootr = root[t][r];
            double[] l1s = perColumn[t][0];
            double[] l2s = perColumn[t][1];
            double[][] stored = GradientRows.storedRows(live[t]);
            double[] held = stored == null ? null : stored[r];
            for (int k = 0; k < count; k++) {
                int c = columns == null ? k : columns[k];
                double g = -weight * values[k];
                double current = held != null ? held[c] : get(live[t], r, c);
                double rootBefore = rootr[c];
                double rootAfter = Math.sqrt(rootBefore * rootBefore + g * g);
                zr[c] += g - (rootAfter - rootBefore) * perAlpha * current;   // σ = (√n' − √n)/α
                rootr[c] = rootAfter;
                values[k] = weightOf(zr[c], rootAfter, after * l1s[c], after * l2s[c]) - current;
            }
        });
        return gradients;
    }

    /**
     * The closed form: the weight FTRL holds for state {@code (z, √n)} under penalty {@code l1, l2}. Without a branch
     * on {@code |z| ≤ l1}: with L1, which weights sit at zero changes from step to step, and a mispredicted branch per
     * entry cost more than the division it would save. Adding {@code 0.0} turns the {@code -0.0} of a zero weight into
     * {@code 0.0}.
     */
    private double weightOf(double zi, double rootN, double l1i, double l2i) {
        double excess = Math.max(Math.abs(zi) - l1i, 0.0);
        return -Math.copySign(excess, zi) / ((beta + rootN) * perAlpha + l2i) + 0.0;
    }

    private static double get(Tensor t, int r, int c) {
        return t instanceof DenseMatrix ? ((DenseMatrix) t).get(r, c) : ((DenseVector) t).get(c);
    }

    private static void set(Tensor t, int r, int c, double value) {
        if (t instanceof DenseMatrix) {
            ((DenseMatrix) t).set(r, c, value);
        } else {
            ((DenseVector) t).set(c, value);
        }
    }

    /** Writes every weight as of the last step, absent features' included: the trained model. */
    @Override
    public void finalise() {
        if (z == null) {
            return;
        }
        Tensor[] live = parameters.get();
        long k = penalisedSteps;
        for (int t = 0; t < shapes.length; t++) {
            double[] l1s = perColumn[t][0];
            double[] l2s = perColumn[t][1];
            for (int r = 0; r < shapes[t][0]; r++) {
                for (int c = 0; c < shapes[t][1]; c++) {
                    set(live[t], r, c, weightOf(z[t][r][c], root[t][r][c], k * l1s[c], k * l2s[c]));
                }
            }
        }
    }

    /** The number of {@code step} calls since {@code initialise}. */
    public long steps() {
        return steps;
    }

    /** Forgets the state and the run's added penalty; {@code initialise} starts afresh. */
    @Override
    public void reset() {
        shapes = null;
        z = null;
        root = null;
        parameters = null;
        runPenalty = null;
        perColumn = null;
        steps = 0;
        penalisedSteps = 0;
    }

    /** An uninitialised optimiser with the same settings. */
    @Override
    public ReinFtrl copy() {
        return new ReinFtrl(alpha, beta, l1, l2, minibatchSize);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return NAME + "(alpha=" + alpha + ",beta=" + beta + ",l1=" + l1 + ",l2=" + l2 + ",minibatchSize="
                + minibatchSize + ")";
    }
}
