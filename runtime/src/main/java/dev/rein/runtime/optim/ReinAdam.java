package dev.rein.runtime.optim;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * Adam as Kingma and Ba (2015, Algorithm 1) define it, with bias correction, plus the {@link PerCoordinateStep}
 * step sizes. In step {@code t} (1-based), for the gradient entry {@code g}:
 *
 * <pre>
 *   m ← β₁·m + (1 - β₁)·g         m̂ = m / (1 - β₁ᵗ)
 *   v ← β₂·v + (1 - β₂)·g²        v̂ = v / (1 - β₂ᵗ)
 *   stepSize = α / (√v̂ + ε)
 *   u = stepSize · m̂              the update Tribuo adds to the parameter
 * </pre>
 *
 * The same parameters as Tribuo's {@code Adam}, with the paper's defaults ({@code α = 0.001}, {@code β₁ = 0.9},
 * {@code β₂ = 0.999}, {@code ε = 1e-8}). Tribuo 4.3.2's {@code Adam.step} multiplies {@code m} by {@code √v + ε}
 * where Adam divides by it, so its steps scale with the gradient's square instead of being about {@code α}; on a
 * least-squares problem it does not reach the minimiser that this class reaches. {@code ε} is added to
 * {@code √v̂}, as in the paper and PyTorch (Tribuo and Keras add it to {@code √v}, after folding the corrections into
 * the rate).
 *
 * <pre>{@code
 * var trainer = new LinearSGDTrainer(new SquaredLoss(), new ReinAdam(0.01), 200, -1, 10, 1L);
 * }</pre>
 *
 * <p><b>The example weight</b> is ignored, as Tribuo's {@code Adam} ignores it: a step moves the same for any
 * {@code weight}, 0 included. (Scaling the gradient would hardly matter anyway: Adam divides it out, up to
 * {@code ε}.)
 *
 * <p><b>Sparse gradients</b> (a {@code DenseSparseMatrix} or {@code SparseVector}) follow Tribuo's {@code Adam}:
 * every coordinate's {@code m} and {@code v} decay every step, present or not; only the stored entries add their
 * gradient and move. An absent coordinate does not move although its {@code m} is not zero, so a sparse step is
 * <em>not</em> the step on the same gradient made dense, where every coordinate moves by {@code stepSize·m̂}; its
 * state is the same either way. Its step size grows while it is absent ({@link #absentStateFrozen()} is false).
 * A sparse step costs O(stored entries), plus O(parameters) each time a moment's running factor is folded in
 * (about every 130 steps at {@code β₁ = 0.9}), where Tribuo's touches every parameter every step.
 *
 * <p>Not thread safe: a trainer trains a {@link #copy()}, one per run.
 */
public final class ReinAdam implements StochasticGradientOptimiser, PerCoordinateStep {
    private static final String NAME = "ReinAdam";

    @Config(description = "The learning rate α, about the largest move of a coordinate in one step.")
    private double initialLearningRate = 0.001;

    @Config(description = "β₁, how much of the running average of gradients m_i each step keeps.")
    private double betaOne = 0.9;

    @Config(description = "β₂, how much of the running average of squared gradients v_i each step keeps.")
    private double betaTwo = 0.999;

    @Config(description = "ε, added to the bias-corrected √v_i so that a coordinate with no gradient yet stays"
            + " finite.")
    private double epsilon = 1e-8;

    private int[][] shapes;
    private DecayingState[] firstMoment;
    private DecayingState[] secondMoment;
    private long steps;
    private double secondCorrection;

    /** Adam with the paper's settings: {@code α = 0.001}, {@code β₁ = 0.9}, {@code β₂ = 0.999}, {@code ε = 1e-8}. */
    public ReinAdam() {
    }

    /** Adam with learning rate {@code initialLearningRate} and the paper's other settings. */
    public ReinAdam(double initialLearningRate) {
        this(initialLearningRate, 0.9, 0.999, 1e-8);
    }

    /** Adam with learning rate {@code initialLearningRate}, stabiliser {@code epsilon}, the paper's betas. */
    public ReinAdam(double initialLearningRate, double epsilon) {
        this(initialLearningRate, 0.9, 0.999, epsilon);
    }

    /**
     * Adam with every setting given.
     *
     * @throws IllegalArgumentException if the learning rate is not above 0, a beta not in [0, 1) or
     *                                  {@code epsilon} below 0 (or any is not finite)
     */
    public ReinAdam(double initialLearningRate, double betaOne, double betaTwo, double epsilon) {
        this.initialLearningRate = initialLearningRate;
        this.betaOne = betaOne;
        this.betaTwo = betaTwo;
        this.epsilon = epsilon;
        postConfig();
    }

    /** Checks the configured values; OLCUT calls it after setting the {@code @Config} fields. */
    @Override
    public void postConfig() {
        Settings.positive(NAME, "initialLearningRate", initialLearningRate);
        Settings.decayRate(NAME, "betaOne", betaOne);
        Settings.decayRate(NAME, "betaTwo", betaTwo);
        Settings.nonNegative(NAME, "epsilon", epsilon);
    }

    @Override
    public void initialise(Parameters parameters) {
        this.shapes = GradientRows.shapes(parameters.getEmptyCopy(), NAME);
        this.firstMoment = DecayingState.of(shapes);
        this.secondMoment = DecayingState.of(shapes);
        this.steps = 0;
        this.secondCorrection = Double.NaN;
    }

    /**
     * Turns {@code gradients} into the update, in place, and returns them; {@code weight} is ignored.
     *
     * @throws IllegalStateException    before {@code initialise}
     * @throws IllegalArgumentException if the gradients do not match the parameters
     */
    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        if (firstMoment == null) {
            throw new IllegalStateException(OptimMessages.stepBeforeInitialise(NAME).toString());
        }
        long t = steps + 1;
        double correctionOne = 1.0 - Math.pow(betaOne, t);
        double correctionTwo = 1.0 - Math.pow(betaTwo, t);
        double keepOne = 1.0 - betaOne;
        double keepTwo = 1.0 - betaTwo;
        double rate = initialLearningRate;
        double eps = epsilon;
        DecayingState[] m = firstMoment;
        DecayingState[] v = secondMoment;
        // A dense gradient touches every coordinate: its moments are updated in place on their arrays (running
        // factors folded in first); a sparse one decays every moment by the running factor, O(1).
        boolean[] dense = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            dense[i] = i < gradients.length && GradientRows.storedRows(gradients[i]) != null;
            if (dense[i]) {
                m[i].fold();
                v[i].fold();
            } else {
                m[i].decay(betaOne);
                v[i].decay(betaTwo);
            }
        }
        DenseAdam plain = new DenseAdam(betaOne, keepOne, betaTwo, keepTwo, rate, 1.0 / correctionOne,
                1.0 / correctionTwo, eps);
        GradientRows.rewrite(gradients, shapes, NAME, (tensor, r, columns, values, count) -> {
            if (dense[tensor]) {
                plain.row(values, m[tensor].row(r), v[tensor].row(r), count);
                return;
            }
            DecayingState mt = m[tensor];
            DecayingState vt = v[tensor];
            for (int k = 0; k < count; k++) {
                int c = columns == null ? k : columns[k];
                double g = values[k];
                mt.add(r, c, keepOne * g);
                vt.add(r, c, keepTwo * g * g);
                double stepSize = rate / (Math.sqrt(vt.get(r, c) / correctionTwo) + eps);
                values[k] = stepSize * (mt.get(r, c) / correctionOne);
            }
        });
        this.secondCorrection = correctionTwo;
        steps = t;
        return gradients;
    }

    @Override
    public long steps() {
        return steps;
    }

    /** {@code α / (√v̂ + ε)}: {@code v̂} this coordinate's second moment now, bias-corrected for the last step. */
    @Override
    public double stepSize(int tensor, int row, int column) {
        Settings.requireStepped(steps, NAME);
        return initialLearningRate / (Math.sqrt(secondMoment[tensor].get(row, column) / secondCorrection) + epsilon);
    }

    /** False: both moments of every coordinate decay every step. */
    @Override
    public boolean absentStateFrozen() {
        return false;
    }

    /** Forgets the moments and the step count; {@code initialise} starts afresh. */
    @Override
    public void reset() {
        shapes = null;
        firstMoment = null;
        secondMoment = null;
        steps = 0;
        secondCorrection = Double.NaN;
    }

    /**
     * Adam on one dense row, in place: {@code m ← β₁m + (1-β₁)g}, {@code v ← β₂v + (1-β₂)g²},
     * {@code g ← α·m̂ / (√v̂ + ε)}, with {@code c₁ = 1/(1-β₁ᵗ)} and {@code c₂ = 1/(1-β₂ᵗ)} the corrections.
     */
    private record DenseAdam(double betaOne, double keepOne, double betaTwo, double keepTwo, double rate, double c1,
            double c2, double eps) {
        void row(double[] g, double[] m, double[] v, int count) {
            for (int k = 0; k < count; k++) {
                double gk = g[k];
                double mk = betaOne * m[k] + keepOne * gk;
                double vk = betaTwo * v[k] + keepTwo * gk * gk;
                m[k] = mk;
                v[k] = vk;
                g[k] = rate * (mk * c1) / (Math.sqrt(vk * c2) + eps);
            }
        }
    }

    /** An uninitialised optimiser with the same settings. */
    @Override
    public ReinAdam copy() {
        return new ReinAdam(initialLearningRate, betaOne, betaTwo, epsilon);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return NAME + "(initialLearningRate=" + initialLearningRate + ",betaOne=" + betaOne + ",betaTwo=" + betaTwo
                + ",epsilon=" + epsilon + ")";
    }
}
