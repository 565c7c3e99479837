package dev.rein.runtime.optim;

import static dev.rein.runtime.optim.Fixtures.SHAPES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * {@code stepSize} against its formula, for present and absent coordinates, with the state written out here; the
 * update as {@code weight · stepSize · g}; the row methods; when there is no step size; which states are frozen.
 * (Adam's step sizes are checked against Adam written out by hand in {@link ReinAdamTest}.)
 */
class PerCoordinateStepTest {
    private static final double[] WEIGHTS = {1.0, 0.5, 2.0, 0.0, 1.25};

    @Test
    void adaGradStepSizeIsEtaOverEpsilonPlusRootOfTheWeightedSquares() {
        double eta = 0.4;
        double eps = 0.05;
        double initial = 0.3;
        ReinAdaGrad adagrad = new ReinAdaGrad(eta, eps, initial);
        adagrad.initialise(Fixtures.parameters(SHAPES));
        double[][][] g2 = state(initial);
        double[][][] before = null;
        SplittableRandom random = new SplittableRandom(41L);
        for (int step = 1; step <= 30; step++) {
            double weight = WEIGHTS[step % WEIGHTS.length];
            Tensor[] g = Fixtures.sparse(random, SHAPES, 0.4);
            Tensor[] u = adagrad.step(Fixtures.copy(g), weight);
            double[][][] now = stepSizes(adagrad);
            forEach((k, r, c) -> {
                String where = "tensor " + k + " (" + r + ", " + c + ")";
                double x = Fixtures.get(g[k], r, c);
                boolean present = Fixtures.present(g[k], r, c);
                g2[k][r][c] += present ? weight * x * weight * x : 0;
                double s = eta / (eps + Math.sqrt(g2[k][r][c]));
                Fixtures.assertClose(s, now[k][r][c], 1e-14, where);
                Fixtures.assertClose(present ? weight * s * x : 0, Fixtures.get(u[k], r, c), 1e-14, where);
            });
            if (before != null) {
                double[][][] last = before;
                forEach((k, r, c) -> {
                    if (!Fixtures.present(g[k], r, c)) {
                        assertEquals(last[k][r][c], now[k][r][c], 0.0, "an absent coordinate's step size is frozen");
                    }
                });
            }
            before = now;
        }
        assertTrue(adagrad.absentStateFrozen());
    }

    @Test
    void rmsPropStepSizeIsTheDecayedRateOverEpsilonPlusRootOfTheAverage() {
        double eta = 0.02;
        double rho = 0.8;
        double eps = 1e-3;
        double decay = 0.05;
        ReinRMSProp rmsProp = new ReinRMSProp(eta, rho, eps, decay);
        rmsProp.initialise(Fixtures.parameters(SHAPES));
        double[][][] v = state(0);
        SplittableRandom random = new SplittableRandom(42L);
        int grew = 0;
        double[][][] before = null;
        for (int step = 1; step <= 200; step++) {
            double weight = WEIGHTS[step % WEIGHTS.length];
            double rate = eta / (1 + decay * (step - 1));
            Tensor[] g = Fixtures.sparse(random, SHAPES, 0.3);
            Tensor[] u = rmsProp.step(Fixtures.copy(g), weight);
            double[][][] now = stepSizes(rmsProp);
            forEach((k, r, c) -> {
                String where = "tensor " + k + " (" + r + ", " + c + ")";
                double x = Fixtures.get(g[k], r, c);
                boolean present = Fixtures.present(g[k], r, c);
                v[k][r][c] = rho * v[k][r][c] + (present ? (1 - rho) * x * x : 0);
                double s = rate / (eps + Math.sqrt(v[k][r][c]));
                Fixtures.assertClose(s, now[k][r][c], 1e-12, where);
                Fixtures.assertClose(present ? weight * s * x : 0, Fixtures.get(u[k], r, c), 1e-12, where);
            });
            if (before != null) {
                for (int k = 0; k < SHAPES.length; k++) {
                    for (int c = 0; c < Fixtures.columns(SHAPES, k); c++) {
                        grew += !Fixtures.present(g[k], 0, c) && now[k][0][c] != before[k][0][c] ? 1 : 0;
                    }
                }
            }
            before = now;
        }
        assertTrue(grew > 100, "the step sizes of absent coordinates move: " + grew);
        assertFalse(rmsProp.absentStateFrozen());
        assertFalse(new ReinAdam().absentStateFrozen());
    }

    /** Under AdaGrad and RMSProp a stored zero is an absent coordinate: same update, same step sizes after. */
    @Test
    void aStoredZeroGivesWhatAnAbsentCoordinateGives() {
        for (PerCoordinateStep[] pair : List.of(
                new PerCoordinateStep[] {new ReinAdaGrad(0.5, 0.1), new ReinAdaGrad(0.5, 0.1)},
                new PerCoordinateStep[] {new ReinRMSProp(0.01, 0.9), new ReinRMSProp(0.01, 0.9)})) {
            StochasticGradientOptimiser sparse = (StochasticGradientOptimiser) pair[0];
            StochasticGradientOptimiser dense = (StochasticGradientOptimiser) pair[1];
            sparse.initialise(Fixtures.parameters(SHAPES));
            dense.initialise(Fixtures.parameters(SHAPES));
            SplittableRandom random = new SplittableRandom(43L);
            for (int step = 1; step <= 150; step++) {
                Tensor[] g = Fixtures.sparse(random, SHAPES, 0.3);
                double[] us = Fixtures.flat(sparse.step(Fixtures.copy(g), 0.7));
                double[] ud = Fixtures.flat(dense.step(Fixtures.densified(g), 0.7));
                for (int i = 0; i < us.length; i++) {
                    Fixtures.assertClose(ud[i], us[i], 1e-13, sparse + " step " + step + ", entry " + i);
                }
                double[][][] ss = stepSizes(pair[0]);
                double[][][] sd = stepSizes(pair[1]);
                forEach((k, r, c) -> Fixtures.assertClose(sd[k][r][c], ss[k][r][c], 1e-13, "step size"));
            }
        }
    }

    @Test
    void theRowMethodsGiveWhatStepSizeGives() {
        for (StochasticGradientOptimiser optimiser : List.of(new ReinAdaGrad(0.5, 0.1, 0.2),
                new ReinRMSProp(0.01, 0.9, 1e-6, 0.1), new ReinAdam(0.01))) {
            PerCoordinateStep steps = (PerCoordinateStep) optimiser;
            optimiser.initialise(Fixtures.parameters(SHAPES));
            SplittableRandom random = new SplittableRandom(44L);
            for (int step = 0; step < 5; step++) {
                optimiser.step(Fixtures.sparse(random, SHAPES, 0.5), 1.0);
            }
            for (int k = 0; k < SHAPES.length; k++) {
                int columns = Fixtures.columns(SHAPES, k);
                for (int r = 0; r < Fixtures.rows(SHAPES, k); r++) {
                    double[] row = new double[columns];
                    steps.stepSizes(k, r, row);
                    int[] some = {0, columns - 1, 2, 9};
                    double[] picked = new double[4];
                    steps.stepSizes(k, r, some, 3, picked);
                    for (int c = 0; c < columns; c++) {
                        assertEquals(steps.stepSize(k, r, c), row[c], 0.0, optimiser + " column " + c);
                    }
                    for (int i = 0; i < 3; i++) {
                        assertEquals(steps.stepSize(k, r, some[i]), picked[i], 0.0, optimiser + " column " + some[i]);
                    }
                    assertEquals(0.0, picked[3], "only count entries are written");
                }
            }
            assertThrows(IndexOutOfBoundsException.class, () -> steps.stepSize(0, 3, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> steps.stepSizes(1, 0, new double[5]));
        }
    }

    @Test
    void thereIsNoStepSizeBeforeAStepOrAfterReset() {
        for (StochasticGradientOptimiser optimiser : List.of(new ReinAdaGrad(0.5), new ReinRMSProp(0.01, 0.9),
                new ReinAdam())) {
            PerCoordinateStep steps = (PerCoordinateStep) optimiser;
            String name = optimiser.getClass().getSimpleName();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> optimiser.step(Fixtures.dense(new SplittableRandom(1L), SHAPES), 1.0));
            assertEquals("[optim-step-before-initialise] " + name + ".step was called before initialise(Parameters)", e.getMessage());
            optimiser.initialise(Fixtures.parameters(SHAPES));
            assertEquals(0, steps.steps());
            e = assertThrows(IllegalStateException.class, () -> steps.stepSize(0, 0, 0));
            assertEquals("[optim-no-step-yet] " + name + " has taken no step since initialise, so it has no step sizes", e.getMessage());
            optimiser.step(Fixtures.dense(new SplittableRandom(1L), SHAPES), 1.0);
            optimiser.step(Fixtures.dense(new SplittableRandom(2L), SHAPES), 1.0);
            assertEquals(2, steps.steps());
            assertTrue(steps.stepSize(0, 0, 0) > 0);
            optimiser.reset();
            assertEquals(0, steps.steps());
            assertThrows(IllegalStateException.class, () -> steps.stepSize(0, 0, 0));
            assertThrows(IllegalStateException.class, () -> steps.stepSizes(0, 0, new double[5]));
        }
    }

    @Test
    void gradientsThatDoNotFitTheParametersAreRefusedByName() {
        ReinAdaGrad adagrad = new ReinAdaGrad(0.5);
        adagrad.initialise(Fixtures.parameters(SHAPES));
        Tensor[] wrong = Fixtures.dense(new SplittableRandom(1L), new int[][] {{3, 6}, {4}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adagrad.step(wrong, 1.0));
        assertEquals("[optim-gradient-shape] ReinAdaGrad: gradient tensor 0 has shape [3, 6] but its parameter has 3 row(s) of 5",
                e.getMessage());
        Tensor[] fewer = Fixtures.dense(new SplittableRandom(1L), new int[][] {{3, 5}});
        e = assertThrows(IllegalArgumentException.class, () -> adagrad.step(fewer, 1.0));
        assertEquals("[optim-gradient-count] ReinAdaGrad was initialised with 2 parameter tensors but step received 1 gradients",
                e.getMessage());
    }

    private interface Coordinate {
        void at(int tensor, int row, int column);
    }

    private static void forEach(Coordinate f) {
        for (int k = 0; k < SHAPES.length; k++) {
            for (int r = 0; r < Fixtures.rows(SHAPES, k); r++) {
                for (int c = 0; c < Fixtures.columns(SHAPES, k); c++) {
                    f.at(k, r, c);
                }
            }
        }
    }

    private static double[][][] state(double initial) {
        double[][][] out = new double[SHAPES.length][][];
        for (int k = 0; k < SHAPES.length; k++) {
            out[k] = new double[Fixtures.rows(SHAPES, k)][Fixtures.columns(SHAPES, k)];
            for (double[] row : out[k]) {
                java.util.Arrays.fill(row, initial);
            }
        }
        return out;
    }

    private static double[][][] stepSizes(PerCoordinateStep optimiser) {
        double[][][] out = state(0);
        forEach((k, r, c) -> out[k][r][c] = optimiser.stepSize(k, r, c));
        return out;
    }
}
