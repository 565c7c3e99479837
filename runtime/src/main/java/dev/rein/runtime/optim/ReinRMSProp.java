package dev.rein.runtime.optim;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * RMSProp (Tieleman and Hinton 2012) as Tribuo 4.3.2's {@code org.tribuo.math.optimisers.RMSProp} computes it on
 * dense gradients, same parameters, defaults and numbers, plus the {@link PerCoordinateStep} step sizes Tribuo
 * keeps private. In step {@code t} (1-based), for the gradient entry {@code g} of a step with example weight
 * {@code ω}:
 *
 * <pre>
 *   η_t = η / (1 + decay·(t - 1))
 *   v ← ρ·v + (1 - ρ)·g²         every coordinate decays; present ones add g² (the weight is not in v)
 *   u = ω · η_t / (ε + √v) · g    the update Tribuo adds to the parameter
 *   stepSize = η_t / (ε + √v)
 * </pre>
 *
 * A drop-in replacement:
 *
 * <pre>{@code
 * var trainer = new LinearSGDTrainer(new LogMulticlass(), new ReinRMSProp(0.01, 0.9), 10, -1, 1, 1L);
 * // on dense data, the model new RMSProp(0.01, 0.9) trains, weight for weight
 * }</pre>
 *
 * <p><b>Sparse gradients</b> (a {@code DenseSparseMatrix} or {@code SparseVector}): as Tribuo, every coordinate's
 * {@code v} decays every step, present or not, and only the stored entries add their square and move. So an
 * absent coordinate's step size grows while it is absent ({@link #absentStateFrozen()} is false), and a zero
 * stored in the gradient gives what an absent entry gives (to rounding): the update on a sparse gradient is the
 * update on the same gradient made dense. Tribuo 4.3.2 keeps {@code v} as stored values times a running factor and,
 * for a {@code DenseSparseMatrix} gradient only, divides by the stored values without the factor
 * ({@code DenseSparseMatrix.hadamardProductInPlace} reads rows through {@code DenseMatrix.getRow}, which
 * {@code ShrinkingMatrix} does not override): its sparse steps are off by {@code √factor}, a number between
 * {@code 1e-3} and 1 that depends on the step count. This class divides by {@code v} itself on every path, which is
 * what Tribuo does on dense gradients and on {@code SparseVector}s. A sparse step costs O(stored entries), plus
 * O(parameters) each time the running factor is folded in (about every 130 steps at {@code ρ = 0.9}).
 *
 * <p>Not thread safe: a trainer trains a {@link #copy()}, one per run.
 */
public final class ReinRMSProp implements StochasticGradientOptimiser, PerCoordinateStep {
    private static final String NAME = "ReinRMSProp";

    @Config(mandatory = true, description = "The learning rate η at the first step; coordinate i moves by"
            + " η_t/(ε + √v_i) times its weighted gradient.")
    private double initialLearningRate;

    @Config(description = "ρ, how much of the running average of squared gradients v_i each step keeps.")
    private double rho = 0.9;

    @Config(description = "ε, added to √v_i so that the step of a coordinate with no gradient yet stays finite.")
    private double epsilon = 1e-8;

    @Config(description = "The learning rate at step t is η/(1 + decay·(t - 1)); 0 keeps it constant.")
    private double decay = 0.0;

    private int[][] shapes;
    private DecayingState[] squares;
    private long steps;
    private double learningRate;

    /** For OLCUT. */
    private ReinRMSProp() {
    }

    /**
     * RMSProp with learning rate {@code initialLearningRate}, average factor {@code rho}, stabiliser
     * {@code epsilon} and learning-rate decay {@code decay}.
     *
     * @throws IllegalArgumentException if the learning rate is not above 0, {@code rho} not in [0, 1), or
     *                                  {@code epsilon} or {@code decay} below 0 (or any is not finite)
     */
    public ReinRMSProp(double initialLearningRate, double rho, double epsilon, double decay) {
        this.initialLearningRate = initialLearningRate;
        this.rho = rho;
        this.epsilon = epsilon;
        this.decay = decay;
        postConfig();
    }

    /** RMSProp with {@code epsilon = 1e-8} and no decay, Tribuo's defaults. */
    public ReinRMSProp(double initialLearningRate, double rho) {
        this(initialLearningRate, rho, 1e-8, 0.0);
    }

    /** Checks the configured values; OLCUT calls it after setting the {@code @Config} fields. */
    @Override
    public void postConfig() {
        Settings.positive(NAME, "initialLearningRate", initialLearningRate);
        Settings.decayRate(NAME, "rho", rho);
        Settings.nonNegative(NAME, "epsilon", epsilon);
        Settings.nonNegative(NAME, "decay", decay);
    }

    @Override
    public void initialise(Parameters parameters) {
        this.shapes = GradientRows.shapes(parameters.getEmptyCopy(), NAME);
        this.squares = DecayingState.of(shapes);
        this.steps = 0;
        this.learningRate = Double.NaN;
    }

    /**
     * Turns {@code gradients} into the update, in place, and returns them.
     *
     * @throws IllegalStateException    before {@code initialise}
     * @throws IllegalArgumentException if the gradients do not match the parameters
     */
    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        if (squares == null) {
            throw new IllegalStateException(OptimMessages.stepBeforeInitialise(NAME).toString());
        }
        // The same expressions, in the same order, as Tribuo's RMSProp and ShrinkingMatrix: the same doubles
        // (1 - (1 - ρ) is not always ρ).
        double rate = initialLearningRate / (1 + decay * steps);
        double keep = 1.0 - rho;
        double shrink = 1.0 - keep;
        double weightedRate = weight * rate;
        double eps = epsilon;
        DecayingState[] v = squares;
        for (DecayingState s : v) {
            s.decay(shrink);
        }
        GradientRows.rewrite(gradients, shapes, NAME, (t, r, columns, values, count) -> {
            DecayingState s = v[t];
            for (int k = 0; k < count; k++) {
                int c = columns == null ? k : columns[k];
                double g = values[k];
                s.add(r, c, keep * g * g);
                values[k] = g * (weightedRate / (eps + Math.sqrt(s.get(r, c))));
            }
        });
        learningRate = rate;
        steps++;
        return gradients;
    }

    @Override
    public long steps() {
        return steps;
    }

    /** {@code η_t / (ε + √v)}, {@code t} the last step and {@code v} this coordinate's average now. */
    @Override
    public double stepSize(int tensor, int row, int column) {
        Settings.requireStepped(steps, NAME);
        return learningRate / (epsilon + Math.sqrt(squares[tensor].get(row, column)));
    }

    /** False: every coordinate's average decays every step. */
    @Override
    public boolean absentStateFrozen() {
        return false;
    }

    /** Forgets the averages and the step count; {@code initialise} starts afresh. */
    @Override
    public void reset() {
        shapes = null;
        squares = null;
        steps = 0;
        learningRate = Double.NaN;
    }

    /** An uninitialised optimiser with the same settings. */
    @Override
    public ReinRMSProp copy() {
        return new ReinRMSProp(initialLearningRate, rho, epsilon, decay);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return NAME + "(initialLearningRate=" + initialLearningRate + ",rho=" + rho + ",epsilon=" + epsilon
                + ",decay=" + decay + ")";
    }
}
