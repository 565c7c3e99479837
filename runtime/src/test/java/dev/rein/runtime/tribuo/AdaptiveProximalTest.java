package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l1;
import static dev.rein.runtime.tribuo.TestTerms.l1p;
import static dev.rein.runtime.tribuo.TestTerms.mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.optim.ReinAdaGrad;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.optim.ReinFtrl;
import dev.rein.runtime.optim.ReinRMSProp;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Proximal steps in an adaptive optimiser's own metric (Duchi, Hazan and Singer 2011): each weight is thresholded at
 * {@code λ·b²·s_i}, {@code s_i} its own step size; exact zeros and the true support under every optimiser.
 */
class AdaptiveProximalTest {
    private static final double LAMBDA = 0.3;

    @Test
    void oneStepUnderAdaGradThresholdsEveryWeightAtItsOwnStepSize() {
        double[][] w0 = {{0.8, -0.05, 0.3, 0.0}, {-1.2, 0.6, 0.02, 0.1}};
        double[][] g = {{0.4, 0.0, -0.2, 0.3}, {0.0, 1.5, 0.0, -0.1}};   // zeros: absent from the sparse gradient
        for (boolean eager : new boolean[] {true, false}) {
            LinearParameters p = new LinearParameters(RegularizedOptimiserStepTest.matrix(w0));
            RegularizedOptimiser opt = new RegularizedOptimiser(new AdaGrad(0.5, 0.1),
                    TestTerms.of(mode(l1p(LAMBDA), PenaltyMode.PROXIMAL)));
            opt.eagerOnly = eager;
            opt.initialise(p);
            p.update(opt.step(new Tensor[] {RegularizedOptimiserStepTest.sparse(g)}, 1.0));
            opt.finalise();
            DenseMatrix w = p.getWeightMatrix();
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {   // column 3 is the bias, not penalized
                    double s = 0.5 / (0.1 + Math.abs(g[r][c]));   // G = g², √G = |g|; G = 0 if absent
                    double v = w0[r][c] + s * g[r][c];
                    double expected = Math.signum(v) * Math.max(0, Math.abs(v) - LAMBDA * s);
                    assertEquals(expected, w.get(r, c), 1e-15, (eager ? "eager" : "lazy") + " (" + r + ", " + c + ")");
                }
                assertEquals(w0[r][3] + 0.5 / (0.1 + Math.abs(g[r][3])) * g[r][3], w.get(r, 3), 1e-15, "bias");
            }
        }
    }

    @Test
    void autoChoosesProximalUnderAdaptiveOptimisersThatTellTheirStepSizes() {
        Regularization reg = TestTerms.of(l1p(0.01));
        assertEquals("l1=cumulative", new RegularizedOptimiser(new AdaGrad(0.5, 0.1), reg).modes(),
                "AdaGrad's FTRL form, whenever the spec allows it");
        assertEquals("l1=proximal", new RegularizedOptimiser(new AdaGrad(0.5, 0.1),
                TestTerms.of(l1p(0.01), TestTerms.maxNorm(3, dev.rein.runtime.spec.Target.WEIGHTS))).modes(),
                "next to a constraint, proximal steps in AdaGrad's metric");
        assertEquals("l1=decoupled", new RegularizedOptimiser(new ReinAdam(), reg).modes(),
                "an absent feature's step size grows under Adam: auto does not take proximal steps there");
        assertEquals("l1=decoupled", new RegularizedOptimiser(new ReinRMSProp(0.01, 0.9), reg).modes());
        assertEquals("l1=proximal", new RegularizedOptimiser(new ReinAdam(),
                TestTerms.of(mode(l1p(0.01), PenaltyMode.PROXIMAL))).modes(), "asked for, it is taken");
        assertEquals("l1=decoupled", new RegularizedOptimiser(new org.tribuo.math.optimisers.Adam(0.01, 1e-8), reg)
                .modes(), "Tribuo's Adam keeps its step sizes private");
    }

    @Test
    void aDecoupledL1DecayStopsAtZeroInsteadOfCrossingIt() {
        double[][] w0 = {{0.05, -0.02, 0.5, 0.0}};
        double[][] g = {{0.0, 0.0, 0.0, 1e-3}};   // only the bias moves: the penalty alone acts on the weights
        LinearParameters p = new LinearParameters(RegularizedOptimiserStepTest.matrix(w0));
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(1.0),
                TestTerms.of(mode(l1(0.1), PenaltyMode.DECOUPLED)));
        opt.eagerOnly = true;
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {RegularizedOptimiserStepTest.matrix(g)}, 1.0));
        DenseMatrix w = p.getWeightMatrix();
        assertEquals(0.0, w.get(0, 0), 0.0, "0.05 - 0.1 would cross zero");
        assertEquals(0.0, w.get(0, 1), 0.0, "-0.02 + 0.1 would cross zero");
        assertEquals(0.4, w.get(0, 2), 1e-15, "a weight the decay does not reach moves by it");
    }

    /**
     * The lasso's solution has the noise weights at zero; the last iterate of stochastic proximal steps has them
     * there when each step's gradient noise stays below λ, which mini-batches of 40 ensure here.
     */
    @Test
    void theTrueSupportAndSignsComeBackUnderEveryOptimiser() {
        MutableDataset<Regressor> data = sparseTruth(800, 30, 6, 17L);
        List<Supplier<StochasticGradientOptimiser>> optimisers = List.of(() -> new AdaGrad(0.3, 0.1),
                () -> new ReinAdaGrad(0.3, 0.1), () -> new ReinRMSProp(0.01, 0.9), () -> new ReinAdam(0.01),
                () -> new ReinFtrl(0.3, 1.0),
                () -> SGD.getSqrtDecaySGD(0.5 / 1600));   // the step on the mean gradient is η·b²
        for (Supplier<StochasticGradientOptimiser> optimiser : optimisers) {
            String name = optimiser.get().toString();
            RegularizedOptimiser opt = new RegularizedOptimiser(optimiser.get(),
                    TestTerms.of(mode(l1p(0.05), PenaltyMode.PROXIMAL)));
            opt = opt.withMinibatchSize(40);
            double[] w = LazyTest.flat(new LinearSGDTrainer(new SquaredLoss(), opt, 60, -1, 40, 5L).train(data)
                    .getWeightsCopy());
            for (int j = 0; j < 30; j++) {
                int column = data.getFeatureIDMap().getID("f" + j);
                double truth = truth(j);
                if (truth == 0) {
                    assertEquals(0.0, w[column], 0.0, name + ": noise feature f" + j + " is exactly zero");
                } else {
                    assertTrue(Math.signum(w[column]) == Math.signum(truth) && Math.abs(w[column]) > 0.3,
                            name + ": f" + j + " = " + w[column] + ", truth " + truth);
                }
            }
        }
    }

    /**
     * The defaults a user meets: Tribuo's AdaGrad, one example per step, {@code mode=auto}. Per-example proximal
     * steps leave noise features flickering around zero; the cumulative form auto picks here has them at zero.
     */
    @Test
    void underAdaGradWithOneExamplePerStepAutoRecoversTheSupport() {
        MutableDataset<Regressor> data = sparseTruth(800, 30, 6, 17L);
        RegularizedOptimiser opt = new RegularizedOptimiser(new AdaGrad(0.3, 0.1), TestTerms.of(l1p(0.05)));
        assertEquals("l1=cumulative", opt.modes());
        double[] w = LazyTest.flat(new LinearSGDTrainer(new SquaredLoss(), opt, 20, -1, 1, 5L).train(data)
                .getWeightsCopy());
        RegularizedOptimiser proximal = new RegularizedOptimiser(new AdaGrad(0.3, 0.1),
                TestTerms.of(mode(l1p(0.05), PenaltyMode.PROXIMAL)));
        double[] wp = LazyTest.flat(new LinearSGDTrainer(new SquaredLoss(), proximal, 20, -1, 1, 5L).train(data)
                .getWeightsCopy());
        int proximalZeros = 0;
        for (int j = 0; j < 30; j++) {
            int column = data.getFeatureIDMap().getID("f" + j);
            double truth = truth(j);
            if (truth == 0) {
                assertEquals(0.0, w[column], 0.0, "noise feature f" + j + " is exactly zero");
                proximalZeros += wp[column] == 0 ? 1 : 0;
            } else {
                assertTrue(Math.signum(w[column]) == Math.signum(truth) && Math.abs(w[column]) > 0.3,
                        "f" + j + " = " + w[column] + ", truth " + truth);
            }
        }
        assertTrue(proximalZeros < 27, "per-example proximal steps leave some noise weights off zero: "
                + proximalZeros + " of 27 at zero");
    }

    @Test
    void underAdaGradTheCumulativeFormTakesTheWholeSpecOrIsRefused() {
        RegularizationRefusedException e = assertThrows(RegularizationRefusedException.class,
                () -> new RegularizedOptimiser(new AdaGrad(0.3, 0.1), TestTerms.of(
                        mode(l1p(0.05), PenaltyMode.CUMULATIVE), mode(TestTerms.cauchy(0.1), PenaltyMode.DECOUPLED))));
        assertEquals("plan-cumulative-adagrad-whole-spec", e.tag());
        assertTrue(e.getMessage().contains("'cauchy' runs in mode=decoupled") && e.getMessage().contains(
                "give 'l1' mode=proximal"), e.getMessage());
        e = assertThrows(RegularizationRefusedException.class, () -> new RegularizedOptimiser(new AdaGrad(0.3, 0.1),
                TestTerms.of(mode(TestTerms.cauchy(0.1), PenaltyMode.CUMULATIVE))));
        assertEquals("plan-cumulative-adagrad-needs-elastic", e.tag());
        e = assertThrows(RegularizationRefusedException.class, () -> new RegularizedOptimiser(new AdaGrad(0.3, 0.1),
                TestTerms.of(mode(l1p(0.05), PenaltyMode.CUMULATIVE),
                        TestTerms.maxNorm(3, dev.rein.runtime.spec.Target.WEIGHTS))));
        assertTrue(e.getMessage().contains("'max_norm' is a constraint, which that form cannot apply: give 'l1'"
                + " mode=proximal (or leave it to auto), or drop 'max_norm'"), e.getMessage());
    }

    /** Features f0, f5, f10 carry signal (+2, -1.5, +1); the rest is noise. */
    private static double truth(int j) {
        return j == 0 ? 2.0 : j == 5 ? -1.5 : j == 10 ? 1.0 : 0.0;
    }

    private static MutableDataset<Regressor> sparseTruth(int n, int features, int present, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("truth", factory),
                factory);
        for (int i = 0; i < n; i++) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            double target = 0.05 * random.nextGaussian();
            for (int k = 0; k < present; k++) {
                int j = random.nextInt(features);
                if (!names.contains("f" + j)) {
                    double x = random.nextGaussian();
                    names.add("f" + j);
                    values.add(x);
                    target += truth(j) * x;
                }
            }
            data.add(new ArrayExample<>(new Regressor("y", target), names.toArray(new String[0]),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return data;
    }
}
