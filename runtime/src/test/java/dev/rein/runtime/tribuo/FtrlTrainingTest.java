package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l1p;
import static dev.rein.runtime.tribuo.TestTerms.l2;
import static dev.rein.runtime.tribuo.TestTerms.maxNorm;
import static dev.rein.runtime.tribuo.TestTerms.mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.optim.ReinFtrl;
import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Target;
import org.junit.jupiter.api.Test;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * FTRL-Proximal through {@link RegularizedOptimiser}: the spec's elastic-form terms go into FTRL's closed form on the
 * slots their {@code on=} names, training reaches the minimiser of {@code mean loss + penalty}, and what FTRL cannot
 * do is refused with the optimiser to use instead. The support recovery under FTRL is in
 * {@code AdaptiveProximalTest}.
 */
class FtrlTrainingTest {
    private static final double LAMBDA = 0.1;

    /** Full-batch FTRL is deterministic; its extra term {@code β/(α·k·b²)·w} fades, leaving ridge. */
    @Test
    void l2UnderFtrlReachesClosedFormRidge() {
        SyntheticData data = SyntheticData.regression(200, 7L, 0, 1.0);
        int b = 200;
        LinearSGDModel model = new LinearSGDTrainer(new SquaredLoss(),
                new RegularizedOptimiser(new ReinFtrl(0.5, 1.0), TestTerms.of(l2(LAMBDA)), b), 1500, -1, b, 1L)
                .train(data.dataset);
        double[] w = RegularizedTrainingTest.weights(model, data.features());
        assertArrayEquals(data.ridge(LAMBDA), w, 2e-3);
        double apart = 0;
        double[] leastSquares = data.ridge(0);
        for (int j = 0; j < w.length; j++) {
            apart = Math.max(apart, Math.abs(leastSquares[j] - w[j]));
        }
        assertTrue(apart > 0.04, "the penalty matters: " + apart);
    }

    @Test
    void theSpecPenalisesTheWeightsAndLeavesTheBiasAlone() {
        SyntheticData data = SyntheticData.regression(100, 3L, 0.5, 1.0);
        LinearSGDModel model = new LinearSGDTrainer(new SquaredLoss(),
                new RegularizedOptimiser(new ReinFtrl(0.5, 1.0), TestTerms.of(l1p(1e3)), 1), 3, -1, 1, 1L)
                .train(data.dataset);
        DenseMatrix w = model.getWeightsCopy();
        int bias = w.getDimension2Size() - 1;
        for (int c = 0; c < bias; c++) {
            assertEquals(0.0, w.get(0, c), 0.0, "feature column " + c + " under a huge L1");
        }
        assertTrue(Math.abs(w.get(0, bias)) > 0.05, "the bias is learned: " + w.get(0, bias));
    }

    /** A factorization machine's factors start random; FTRL starts from them (from zero they would never move). */
    @Test
    void trainsAFactorizationMachineFromItsRandomFactors() {
        SyntheticData data = SyntheticData.regression(200, 9L, 0, 1.0);
        var model = new FMRegressionTrainer(new SquaredLoss(),
                new RegularizedOptimiser(new ReinFtrl(0.5, 1.0), TestTerms.of(l2(1e-3)), 1), 30, -1, 1, 3L, 2, 0.1,
                false).train(data.dataset);
        double[][] factors = ((org.tribuo.math.la.DenseMatrix) model.getFactorsCopy()[0]).toArray();
        double moved = 0;
        for (double[] row : factors) {
            for (double v : row) {
                moved = Math.max(moved, Math.abs(v));
            }
        }
        assertTrue(moved > 1e-3, "the factors are not all zero: " + moved);
        double error = 0;
        double variance = 0;
        double mean = java.util.Arrays.stream(data.y).average().orElse(0);
        for (int i = 0; i < data.y.length; i++) {
            double predicted = model.predict(data.dataset.getExample(i)).getOutput().getValues()[0];
            error += (predicted - data.y[i]) * (predicted - data.y[i]);
            variance += (mean - data.y[i]) * (mean - data.y[i]);
        }
        assertTrue(error < 0.2 * variance, "explains most of the variance: " + error / variance);
    }

    @Test
    void refusesWhatFtrlCannotDoAndSaysWhatToUse() {
        assertRefused("plan-ftrl-constraint", TestTerms.of(maxNorm(3, Target.WEIGHTS)), new ReinFtrl(0.1, 1));
        assertRefused("plan-ftrl-mode", TestTerms.of(mode(l2(0.1), PenaltyMode.DECOUPLED)), new ReinFtrl(0.1, 1));
        assertRefused("plan-ftrl-needs-elastic", TestTerms.of(TestTerms.cauchy(0.1)), new ReinFtrl(0.1, 1));
        assertRefused("plan-ftrl-averaged", TestTerms.of(l2(0.1)), new ParameterAveraging(new ReinFtrl(0.1, 1)));
    }

    private static void assertRefused(String tag, dev.rein.runtime.spec.Regularization spec,
            org.tribuo.math.StochasticGradientOptimiser optimiser) {
        RegularizationRefusedException e = assertThrows(RegularizationRefusedException.class,
                () -> new RegularizedOptimiser(optimiser, spec, 1));
        assertEquals(tag, e.tag(), e.getMessage());
        assertTrue(e.getMessage().contains("adagrad") || e.getMessage().contains("mode=auto")
                || e.getMessage().contains("without ParameterAveraging"), e.getMessage());
    }
}
