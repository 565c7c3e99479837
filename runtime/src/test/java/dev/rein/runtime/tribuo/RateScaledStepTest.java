package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.RegularizedOptimiserStepTest.matrix;
import static dev.rein.runtime.tribuo.RegularizedOptimiserStepTest.parameters;
import static dev.rein.runtime.tribuo.TestTerms.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.spec.Regularization;
import org.junit.jupiter.api.Test;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.SGD;

/**
 * {@link RegularizedOptimiser#scaleRate}: a step at factor {@code f} is the optimiser's step at rate {@code f·η},
 * the decoupled decay included, against the unscaled optimiser's update worked out alongside.
 */
class RateScaledStepTest {
    private static final double[][] W = {{1.0, -2.0, 0.5, 0.25}, {-0.5, 3.0, 0.0, -1.5}};
    private static final double[][] G1 = {{0.3, 0.1, -0.2, 0.1}, {0.2, 0.4, -0.1, -0.6}};
    private static final double[][] G2 = {{-0.1, 0.5, 0.3, 0.2}, {0.7, -0.2, 0.1, 0.3}};
    private static final double RATE = 0.01;

    @Test
    void adamAtAFactorMovesByThatShareOfItsUpdate() {
        // Adam's state does not depend on the rate: the scaled run's moments equal the plain one's, so each update
        // is f times the plain update at the same step.
        RegularizedOptimiser scaled = new RegularizedOptimiser(new ReinAdam(RATE), Regularization.none());
        ReinAdam plain = new ReinAdam(RATE);
        LinearParameters p = parameters(W);
        scaled.initialise(p);
        plain.initialise(parameters(W));
        assertTrue(scaled.acceptsRateSchedule());
        double[] factors = {0.25, 0.5};
        double[][][] gradients = {G1, G2};
        double[][] want = copy(W);
        for (int s = 0; s < 2; s++) {
            scaled.scaleRate(factors[s]);
            Tensor[] u = plain.step(new Tensor[] {matrix(gradients[s])}, 1.0);
            p.update(scaled.step(new Tensor[] {matrix(gradients[s])}, 1.0));
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 4; c++) {
                    want[r][c] += factors[s] * ((DenseMatrix) u[0]).get(r, c);
                }
            }
        }
        assertMatrix(want, p.getWeightMatrix());
    }

    @Test
    void theDecoupledDecayFollowsTheScheduledRate() {
        double lambda = 0.5;
        double f = 0.2;
        RegularizedOptimiser scaled = new RegularizedOptimiser(new ReinAdam(RATE), TestTerms.of(l2(lambda)));
        assertTrue(scaled.modes().contains("l2=decoupled"), scaled.modes());
        scaled.eagerOnly = true;   // the network's path; a linear model's lazy engine refuses a schedule
        ReinAdam plain = new ReinAdam(RATE);
        LinearParameters p = parameters(W);
        scaled.initialise(p);
        plain.initialise(parameters(W));
        scaled.scaleRate(f);
        Tensor[] u = plain.step(new Tensor[] {matrix(G1)}, 1.0);
        p.update(scaled.step(new Tensor[] {matrix(G1)}, 1.0));
        // weights: w + f·U - f·η·λ·w (AdamW with the scheduled rate); the bias (last column) is not decayed
        double[][] want = new double[2][4];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) {
                double w = W[r][c];
                want[r][c] = w + f * ((DenseMatrix) u[0]).get(r, c) - (c == 3 ? 0 : f * RATE * lambda * w);
            }
        }
        assertMatrix(want, p.getWeightMatrix());
    }

    @Test
    void theLazyEngineOfALinearModelRefusesAFactor() {
        RegularizedOptimiser lazy = new RegularizedOptimiser(new ReinAdam(RATE), TestTerms.of(l2(0.5)));
        lazy.initialise(parameters(W));
        assertTrue(lazy.isLazy());
        var e = assertThrows(IllegalStateException.class, () -> lazy.scaleRate(0.5));
        assertEquals("tribuo-rate-schedule-refused", ReinMessage.tagOf(e).orElseThrow());
    }

    @Test
    void momentumIsRefusedAndFactorsMustBePositive() {
        RegularizedOptimiser momentum = new RegularizedOptimiser(SGD.getSimpleSGD(0.1, 0.9, SGD.Momentum.STANDARD),
                Regularization.none());
        momentum.initialise(parameters(W));
        assertFalse(momentum.acceptsRateSchedule());
        momentum.scaleRate(1.0);   // the constant rate is always allowed
        var e = assertThrows(IllegalStateException.class, () -> momentum.scaleRate(0.5));
        assertEquals("tribuo-rate-schedule-refused", ReinMessage.tagOf(e).orElseThrow());

        RegularizedOptimiser sgd = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), Regularization.none());
        sgd.initialise(parameters(W));
        assertTrue(sgd.acceptsRateSchedule());
        var bad = assertThrows(IllegalArgumentException.class, () -> sgd.scaleRate(0.0));
        assertEquals("[tribuo-rate-factor] a learning-rate factor must be finite and above 0; got 0.0",
                bad.getMessage());
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static void assertMatrix(double[][] want, DenseMatrix actual) {
        for (int r = 0; r < want.length; r++) {
            for (int c = 0; c < want[0].length; c++) {
                assertEquals(want[r][c], actual.get(r, c), 1e-14, "at (" + r + ", " + c + ")");
            }
        }
    }
}
