package dev.rein.runtime.optim;

import static dev.rein.runtime.optim.Fixtures.SHAPES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * ReinAdam against Adam written out here coordinate by coordinate (Kingma and Ba 2015, Algorithm 1), on dense and
 * sparse gradients, over enough steps that the moments' running factors are folded in; and ReinAdam reaching the
 * least-squares solution that Tribuo 4.3.2's Adam does not reach.
 */
class ReinAdamTest {
    private static final double ALPHA = 0.01;
    private static final double BETA_ONE = 0.8;
    private static final double BETA_TWO = 0.99;
    private static final double EPSILON = 1e-6;

    /** Adam by hand: one {@code m} and {@code v} per coordinate, a vector being row 0. */
    private static final class HandAdam {
        final double[][][] m = new double[SHAPES.length][][];
        final double[][][] v = new double[SHAPES.length][][];
        int t;

        HandAdam() {
            for (int k = 0; k < SHAPES.length; k++) {
                m[k] = new double[Fixtures.rows(SHAPES, k)][Fixtures.columns(SHAPES, k)];
                v[k] = new double[Fixtures.rows(SHAPES, k)][Fixtures.columns(SHAPES, k)];
            }
        }

        /** One step: every moment decays, present coordinates add their gradient. */
        void step(Tensor[] g) {
            t++;
            for (int k = 0; k < SHAPES.length; k++) {
                for (int r = 0; r < m[k].length; r++) {
                    for (int c = 0; c < m[k][r].length; c++) {
                        double x = Fixtures.get(g[k], r, c);
                        boolean present = Fixtures.present(g[k], r, c);
                        m[k][r][c] = BETA_ONE * m[k][r][c] + (present ? (1 - BETA_ONE) * x : 0);
                        v[k][r][c] = BETA_TWO * v[k][r][c] + (present ? (1 - BETA_TWO) * x * x : 0);
                    }
                }
            }
        }

        double mHat(int k, int r, int c) {
            return m[k][r][c] / (1 - Math.pow(BETA_ONE, t));
        }

        double stepSize(int k, int r, int c) {
            double vHat = v[k][r][c] / (1 - Math.pow(BETA_TWO, t));
            return ALPHA / (Math.sqrt(vHat) + EPSILON);
        }
    }

    @Test
    void denseStepsAreAdamAsWrittenOut() {
        SplittableRandom random = new SplittableRandom(21L);
        compareWithHand(() -> Fixtures.dense(random, SHAPES), 300);
    }

    @Test
    void sparseStepsDecayEveryMomentAndMoveOnlyPresentCoordinates() {
        SplittableRandom random = new SplittableRandom(22L);
        compareWithHand(() -> Fixtures.sparse(random, SHAPES, 0.3), 300);
    }

    /**
     * Dense steps update the moments in place (their running factors folded in), sparse ones decay them by the
     * factor: steps of either kind in any order are still Adam as written out, within 1e-12.
     */
    @Test
    void denseAndSparseStepsInTurnAreAdamAsWrittenOut() {
        SplittableRandom random = new SplittableRandom(26L);
        int[] step = {0};
        compareWithHand(() -> step[0]++ % 5 < 2 ? Fixtures.dense(random, SHAPES)
                : Fixtures.sparse(random, SHAPES, 0.3), 300);
    }

    private static void compareWithHand(java.util.function.Supplier<Tensor[]> gradients, int steps) {
        ReinAdam adam = new ReinAdam(ALPHA, BETA_ONE, BETA_TWO, EPSILON);
        adam.initialise(Fixtures.parameters(SHAPES));
        HandAdam hand = new HandAdam();
        for (int step = 1; step <= steps; step++) {
            Tensor[] g = gradients.get();
            hand.step(g);
            Tensor[] u = adam.step(Fixtures.copy(g), step % 3 == 0 ? 0.25 : 1.0);
            assertEquals(step, adam.steps());
            for (int k = 0; k < SHAPES.length; k++) {
                for (int r = 0; r < Fixtures.rows(SHAPES, k); r++) {
                    for (int c = 0; c < Fixtures.columns(SHAPES, k); c++) {
                        String where = "step " + step + ", tensor " + k + " (" + r + ", " + c + ")";
                        boolean present = Fixtures.present(g[k], r, c);
                        double expected = present ? hand.stepSize(k, r, c) * hand.mHat(k, r, c) : 0.0;
                        Fixtures.assertClose(expected, Fixtures.get(u[k], r, c), 1e-12, where);
                        assertEquals(present, Fixtures.present(u[k], r, c), where);
                        Fixtures.assertClose(hand.stepSize(k, r, c), adam.stepSize(k, r, c), 1e-12, where);
                    }
                }
            }
        }
    }

    /**
     * Bias correction: on the first step {@code m̂ = g} and {@code v̂ = g²}, so every coordinate moves by
     * {@code α·g/(|g| + ε)}, about {@code ±α}; without the corrections it would move by
     * {@code α·(1-β₁)/√(1-β₂)}, about {@code 3.2·α} at the defaults.
     */
    @Test
    void theFirstStepMovesEachCoordinateByAboutAlpha() {
        ReinAdam adam = new ReinAdam();
        adam.initialise(Fixtures.parameters(SHAPES));
        Tensor[] g = Fixtures.dense(new SplittableRandom(23L), SHAPES);
        Tensor[] u = adam.step(Fixtures.copy(g), 1.0);
        for (int k = 0; k < SHAPES.length; k++) {
            for (int r = 0; r < Fixtures.rows(SHAPES, k); r++) {
                for (int c = 0; c < Fixtures.columns(SHAPES, k); c++) {
                    double x = Fixtures.get(g[k], r, c);
                    assertEquals(0.001 * x / (Math.abs(x) + 1e-8), Fixtures.get(u[k], r, c), 1e-18);
                    assertEquals(0.001, Math.abs(Fixtures.get(u[k], r, c)), 1e-9);
                }
            }
        }
    }

    @Test
    void theExampleWeightIsIgnoredAsByTribuosAdam() {
        SplittableRandom random = new SplittableRandom(24L);
        ReinAdam one = new ReinAdam(ALPHA);
        ReinAdam other = new ReinAdam(ALPHA);
        one.initialise(Fixtures.parameters(SHAPES));
        other.initialise(Fixtures.parameters(SHAPES));
        for (double weight : new double[] {0.0, 0.3, 7.0}) {
            Tensor[] g = Fixtures.sparse(random, SHAPES, 0.6);
            double[] expected = Fixtures.flat(one.step(Fixtures.copy(g), 1.0));
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected,
                    Fixtures.flat(other.step(Fixtures.copy(g), weight)), 0.0);
        }
    }

    /**
     * The state evolves the same whether a zero is stored or the coordinate is absent (same step sizes everywhere, to
     * rounding: a stored zero is added, an absent one is not); the move does not: a stored zero moves by
     * {@code stepSize·m̂}, an absent coordinate not at all.
     */
    @Test
    void aSparseStepIsNotTheStepOnTheGradientMadeDense() {
        SplittableRandom random = new SplittableRandom(25L);
        ReinAdam sparse = new ReinAdam(ALPHA);
        ReinAdam dense = new ReinAdam(ALPHA);
        sparse.initialise(Fixtures.parameters(SHAPES));
        dense.initialise(Fixtures.parameters(SHAPES));
        int absentMoved = 0;
        for (int step = 1; step <= 20; step++) {
            Tensor[] g = Fixtures.sparse(random, SHAPES, 0.5);
            Tensor[] us = sparse.step(Fixtures.copy(g), 1.0);
            Tensor[] ud = dense.step(Fixtures.densified(g), 1.0);
            for (int k = 0; k < SHAPES.length; k++) {
                for (int r = 0; r < Fixtures.rows(SHAPES, k); r++) {
                    for (int c = 0; c < Fixtures.columns(SHAPES, k); c++) {
                        String where = "step " + step + ", tensor " + k + " (" + r + ", " + c + ")";
                        Fixtures.assertClose(dense.stepSize(k, r, c), sparse.stepSize(k, r, c), 1e-13, where);
                        if (Fixtures.present(g[k], r, c)) {
                            Fixtures.assertClose(Fixtures.get(ud[k], r, c), Fixtures.get(us[k], r, c), 1e-13, where);
                        } else {
                            assertEquals(0.0, Fixtures.get(us[k], r, c), where);
                            absentMoved += Fixtures.get(ud[k], r, c) != 0 ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(absentMoved > 50, "under a dense gradient absent coordinates move: " + absentMoved);
    }

    /**
     * Least squares {@code y = 1.5·x0 - 2·x1 + 0.5·x2 + 0.7 + noise}: full-batch training with ReinAdam ends within
     * 1e-3 of the closed-form solution of the normal equations, every coefficient and the intercept. Tribuo's
     * Adam, multiplying by {@code √v + ε} where it should divide, ends far from it (or diverges).
     */
    @Test
    void reinAdamReachesTheLeastSquaresSolutionAndTribuosAdamDoesNot() {
        MutableDataset<Regressor> data = regression(40, 31L);
        double[] solution = leastSquares(data);   // x0, x1, x2, intercept

        double[] rein = coefficients(train(new ReinAdam(0.01), data));
        double[] tribuo = coefficients(train(new Adam(0.01, 1e-8), data));
        for (int i = 0; i < solution.length; i++) {
            assertEquals(solution[i], rein[i], 1e-3, "coefficient " + i + " under ReinAdam");
        }
        double tribuoError = 0;
        for (int i = 0; i < solution.length; i++) {
            tribuoError = Math.max(tribuoError, Math.abs(solution[i] - tribuo[i]));
        }
        assertFalse(tribuoError < 0.1, "Tribuo's Adam ends " + tribuoError + " from the solution");
    }

    private static LinearSGDModel train(StochasticGradientOptimiser optimiser, MutableDataset<Regressor> data) {
        // One mini-batch of every example: a deterministic gradient, so the iterate settles at the minimiser.
        return new LinearSGDTrainer(new SquaredLoss(), optimiser, 3000, -1, data.size(), 1L).train(data);
    }

    /** The model's weights for x0, x1, x2 and its bias: Tribuo keeps the bias as the last column. */
    private static double[] coefficients(LinearSGDModel model) {
        return Fixtures.flat(model.getModelParameters().get());
    }

    private static MutableDataset<Regressor> regression(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("line", factory),
                factory);
        for (int i = 0; i < n; i++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double y = 1.5 * x[0] - 2 * x[1] + 0.5 * x[2] + 0.7 + 0.3 * random.nextGaussian();
            data.add(new ArrayExample<>(new Regressor("y", y), new String[] {"x0", "x1", "x2"}, x));
        }
        return data;
    }

    /** Solves the normal equations {@code (AᵀA)β = Aᵀy}, {@code A} the features with a column of ones. */
    private static double[] leastSquares(MutableDataset<Regressor> data) {
        int p = 4;
        double[][] a = new double[p][p + 1];
        for (var example : data) {
            double[] row = new double[p];
            int k = 0;
            for (var feature : example) {
                row[k++] = feature.getValue();   // names iterate in order: x0, x1, x2
            }
            row[p - 1] = 1;
            double y = example.getOutput().getValues()[0];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][p] += row[i] * y;
            }
        }
        for (int col = 0; col < p; col++) {   // Gauss-Jordan with partial pivoting
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                pivot = Math.abs(a[r][col]) > Math.abs(a[pivot][col]) ? r : pivot;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < p; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= p; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            beta[i] = a[i][p] / a[i][i];
        }
        return beta;
    }
}
