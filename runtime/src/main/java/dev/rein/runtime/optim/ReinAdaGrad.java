package dev.rein.runtime.optim;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * AdaGrad (Duchi, Hazan and Singer 2011) exactly as Tribuo 4.3.2's {@code org.tribuo.math.optimisers.AdaGrad}
 * computes it, same parameters, defaults and numbers, plus the {@link PerCoordinateStep} step sizes Tribuo keeps
 * private. Per coordinate, for the gradient entry {@code g} of a step with example weight {@code ω}:
 *
 * <pre>
 *   G ← G + (ω·g)²            G starts at initialValue
 *   u = ω · η / (ε + √G) · g   the update Tribuo adds to the parameter
 *   stepSize = η / (ε + √G)
 * </pre>
 *
 * A drop-in replacement:
 *
 * <pre>{@code
 * var trainer = new LinearSGDTrainer(new LogMulticlass(), new ReinAdaGrad(0.5, 0.1), 10, -1, 1, 1L);
 * // the model new AdaGrad(0.5, 0.1) trains, weight for weight
 * }</pre>
 *
 * <p><b>Sparse gradients</b> (a {@code DenseSparseMatrix} or {@code SparseVector}): as Tribuo, only the stored
 * entries update {@code G} and move; an absent coordinate's {@code G} stays as it is, so its step size stays as it
 * is while the coordinate is absent ({@link #absentStateFrozen()} is true) and a zero stored in the gradient gives
 * exactly what an absent entry gives (with {@code ε > 0} or {@code G > 0}). A step on sparse gradients costs
 * O(stored entries), where Tribuo's copies every row of {@code G} it reads.
 *
 * <p><b>One difference</b>: Tribuo's {@code AdaGrad.copy()} forgets {@code initialValue}, and its SGD trainers
 * train a copy, so Tribuo trains with an initial accumulator of 0 whatever was configured. {@link #copy()} keeps
 * it; with the default {@code initialValue = 0} the two train the same model.
 *
 * <p>Not thread safe: a trainer trains a {@link #copy()}, one per run.
 */
public final class ReinAdaGrad implements StochasticGradientOptimiser, PerCoordinateStep {
    private static final String NAME = "ReinAdaGrad";

    @Config(mandatory = true, description = "The learning rate η; coordinate i moves by η/(ε + √G_i) times its"
            + " weighted gradient.")
    private double initialLearningRate;

    @Config(description = "ε, added to √G_i so that the step of a coordinate with no gradient yet stays finite.")
    private double epsilon = 1e-6;

    @Config(description = "The value each coordinate's sum of squared gradients G_i starts at.")
    private double initialValue = 0.0;

    private int[][] shapes;
    private double[][][] gradsSquared;
    private long steps;

    /** For OLCUT. */
    private ReinAdaGrad() {
    }

    /**
     * AdaGrad with learning rate {@code initialLearningRate}, stabiliser {@code epsilon} and accumulators starting
     * at {@code initialValue}.
     *
     * @throws IllegalArgumentException if the learning rate is not above 0 or the others are below 0 (or any is not
     *                                  finite)
     */
    public ReinAdaGrad(double initialLearningRate, double epsilon, double initialValue) {
        this.initialLearningRate = initialLearningRate;
        this.epsilon = epsilon;
        this.initialValue = initialValue;
        postConfig();
    }

    /** AdaGrad with accumulators starting at 0. */
    public ReinAdaGrad(double initialLearningRate, double epsilon) {
        this(initialLearningRate, epsilon, 0.0);
    }

    /** AdaGrad with {@code epsilon = 1e-6} and accumulators starting at 0, Tribuo's defaults. */
    public ReinAdaGrad(double initialLearningRate) {
        this(initialLearningRate, 1e-6, 0.0);
    }

    /** Checks the configured values; OLCUT calls it after setting the {@code @Config} fields. */
    @Override
    public void postConfig() {
        Settings.positive(NAME, "initialLearningRate", initialLearningRate);
        Settings.nonNegative(NAME, "epsilon", epsilon);
        Settings.nonNegative(NAME, "initialValue", initialValue);
    }

    @Override
    public void initialise(Parameters parameters) {
        this.shapes = GradientRows.shapes(parameters.getEmptyCopy(), NAME);
        this.gradsSquared = GradientRows.zeros(shapes);
        if (initialValue != 0.0) {
            for (double[][] tensor : gradsSquared) {
                for (double[] row : tensor) {
                    java.util.Arrays.fill(row, initialValue);
                }
            }
        }
        this.steps = 0;
    }

    /**
     * Turns {@code gradients} into the update, in place, and returns them.
     *
     * @throws IllegalStateException    before {@code initialise}
     * @throws IllegalArgumentException if the gradients do not match the parameters
     */
    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        if (gradsSquared == null) {
            throw new IllegalStateException(OptimMessages.stepBeforeInitialise(NAME).toString());
        }
        // The same expressions, in the same order, as Tribuo's AdaGrad: the same doubles.
        double weightedRate = weight * initialLearningRate;
        double eps = epsilon;
        double[][][] acc = gradsSquared;
        GradientRows.rewrite(gradients, shapes, NAME, (t, r, columns, values, count) -> {
            double[] g2 = acc[t][r];
            for (int k = 0; k < count; k++) {
                int c = columns == null ? k : columns[k];
                double g = values[k];
                g2[c] += weight * weight * g * g;
                values[k] = g * (weightedRate / (eps + Math.sqrt(g2[c])));
            }
        });
        steps++;
        return gradients;
    }

    @Override
    public long steps() {
        return steps;
    }

    /** {@code η / (ε + √G)}, {@code G} this coordinate's accumulator now. */
    @Override
    public double stepSize(int tensor, int row, int column) {
        Settings.requireStepped(steps, NAME);
        return initialLearningRate / (epsilon + Math.sqrt(gradsSquared[tensor][row][column]));
    }

    @Override
    public void stepSizes(int tensor, int row, double[] into) {
        Settings.requireStepped(steps, NAME);
        double[] g2 = gradsSquared[tensor][row];
        if (into.length > g2.length) {
            throw new IndexOutOfBoundsException(
                    OptimMessages.rowLength(row, tensor, g2.length, into.length).toString());
        }
        for (int c = 0; c < into.length; c++) {
            into[c] = initialLearningRate / (epsilon + Math.sqrt(g2[c]));
        }
    }

    @Override
    public void stepSizes(int tensor, int row, int[] columns, int count, double[] into) {
        Settings.requireStepped(steps, NAME);
        double[] g2 = gradsSquared[tensor][row];
        for (int k = 0; k < count; k++) {
            into[k] = initialLearningRate / (epsilon + Math.sqrt(g2[columns[k]]));
        }
    }

    /** True: a coordinate absent from a step keeps its accumulator. */
    @Override
    public boolean absentStateFrozen() {
        return true;
    }

    /**
     * This AdaGrad as FTRL-Proximal ({@link ReinFtrl} with {@code α = η}, {@code β = ε}, its accumulators from
     * {@code initialValue}): the same steps without a penalty, and the form in which {@code mode=cumulative} charges
     * {@code λ₁|w| + (λ₂/2)w²} on the accumulated gradients. A fresh, uninitialised optimiser.
     */
    public ReinFtrl ftrlForm() {
        return ReinFtrl.adaGradForm(initialLearningRate, epsilon, initialValue);
    }

    /** Forgets the accumulators; {@code initialise} starts afresh. */
    @Override
    public void reset() {
        shapes = null;
        gradsSquared = null;
        steps = 0;
    }

    /** An uninitialised optimiser with the same settings, {@code initialValue} included. */
    @Override
    public ReinAdaGrad copy() {
        return new ReinAdaGrad(initialLearningRate, epsilon, initialValue);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return NAME + "(initialLearningRate=" + initialLearningRate + ",epsilon=" + epsilon + ",initialValue="
                + initialValue + ")";
    }
}
