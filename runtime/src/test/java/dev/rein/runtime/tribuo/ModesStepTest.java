package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.RegularizedOptimiserStepTest.matrix;
import static dev.rein.runtime.tribuo.RegularizedOptimiserStepTest.parameters;
import static dev.rein.runtime.tribuo.TestTerms.l1p;
import static dev.rein.runtime.tribuo.TestTerms.l2;
import static dev.rein.runtime.tribuo.TestTerms.l2p;
import static dev.rein.runtime.tribuo.TestTerms.mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.rein.runtime.plan.StepSchedule;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaDelta;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;

/**
 * Decoupled and proximal steps, the learning rates they read, auto's choices, divergence, averaging: against
 * hand-computed answers.
 */
class ModesStepTest {
    private static final double LR = 0.1;
    private static final double LAMBDA = 0.5;
    private static final double[][] W = {{1.0, -2.0, 0.5, 0.25}, {-0.5, 3.0, 0.02, -1.5}};
    private static final double[][] G = {{0.3, 0.0, -0.2, 0.1}, {0.0, 0.4, 0.0, -0.6}};

    @Test
    void decoupledSgdIsTheCoupledStep() {
        int b = 4;
        double weight = 0.5;
        double[][] coupled = oneStep(SGD.getSimpleSGD(LR), mode(l2(LAMBDA), PenaltyMode.COUPLED), b, weight);
        double[][] decoupled = oneStep(SGD.getSimpleSGD(LR), mode(l2(LAMBDA), PenaltyMode.DECOUPLED), b, weight);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) {
                double penalty = c == 3 ? 0 : b * b * LAMBDA * W[r][c];
                double want = W[r][c] + LR * (weight * G[r][c]) - LR * penalty;
                assertEquals(want, decoupled[r][c], 1e-12, "decoupled at " + r + "," + c);
                assertEquals(want, coupled[r][c], 1e-12, "coupled at " + r + "," + c);
            }
        }
    }

    @Test
    void decoupledMomentumDecaysByTheSteadyStateStep() {
        // One step from zero momentum: the loss moves η·ω·G, the decay is η/(1 - ρ)·λ·w.
        double rho = 0.9;
        double[][] actual = oneStep(SGD.getSimpleSGD(LR, rho, SGD.Momentum.STANDARD),
                mode(l2(LAMBDA), PenaltyMode.DECOUPLED), 1, 1.0);
        double[][] loss = reference(SGD.getSimpleSGD(LR, rho, SGD.Momentum.STANDARD), 1.0);
        assertDecayed(loss, actual, LR / (1 - rho) * LAMBDA);
    }

    @Test
    void decoupledAdaGradDecaysByTheInitialRateAfterTheLossStep() {
        int b = 2;
        double[][] actual = oneStep(new AdaGrad(LR), mode(l2(LAMBDA), PenaltyMode.DECOUPLED), b, 0.25);
        double[][] loss = reference(new AdaGrad(LR), 0.25);
        assertDecayed(loss, actual, LR * b * b * LAMBDA);
    }

    @Test
    void decoupledAdamDecaysByTheInitialRate() {
        double[][] actual = oneStep(new Adam(LR, 1e-8), mode(l2(LAMBDA), PenaltyMode.DECOUPLED), 1, 1.0);
        assertDecayed(reference(new Adam(LR, 1e-8), 1.0), actual, LR * LAMBDA);
    }

    @Test
    void decoupledRmsPropFollowsItsOwnDecayedRate() {
        // RMSProp's rate at step t is lr / (1 + decay·(t - 1)): 0.1 then 0.1 / 1.5.
        double decay = 0.5;
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(new RMSProp(LR, 0.9, 1e-8, decay),
                TestTerms.of(mode(l2(LAMBDA), PenaltyMode.DECOUPLED)));
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, 1.0));
        DenseMatrix afterOne = p.getWeightMatrix().copy();
        Tensor[] update = opt.step(new Tensor[] {new DenseMatrix(2, 4)}, 1.0);   // a zero gradient: decay only

        double rate = LR / (1 + decay);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(-rate * LAMBDA * afterOne.get(r, c), ((DenseMatrix) update[0]).get(r, c), 1e-12);
            }
        }
    }

    @Test
    void proximalL1SgdSoftThresholdsToExactZeros() {
        double[][] actual = oneStep(SGD.getSimpleSGD(LR), l1p(LAMBDA), 1, 1.0);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) {
                double v = W[r][c] + LR * G[r][c];
                double want = c == 3 ? v : Math.signum(v) * Math.max(0, Math.abs(v) - LR * LAMBDA);
                assertEquals(want, actual[r][c], 1e-12, "at " + r + "," + c);
            }
        }
        assertEquals(0.0, actual[1][2], 0.0, "0.02 is within the threshold 0.05, so it is exactly zero");
    }

    @Test
    void proximalStepIsTheLearningRateTimesBSquaredAndFollowsTheSchedule() {
        // Linear decay: η_t = η₀ / t. Two steps of b = 2: shrink by 1 + η_t·b²·λ, bias untouched.
        int b = 2;
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getLinearDecaySGD(LR), TestTerms.of(l2p(LAMBDA)), b);
        opt.initialise(p);
        Tensor[] zero = {new DenseMatrix(2, 4)};
        p.update(opt.step(zero, 1.0));
        p.update(opt.step(new Tensor[] {new DenseMatrix(2, 4)}, 1.0));
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                double want = W[r][c] / (1 + LR * b * b * LAMBDA) / (1 + LR / 2 * b * b * LAMBDA);
                assertEquals(want, p.getWeightMatrix().get(r, c), 1e-12);
            }
            assertEquals(W[r][3], p.getWeightMatrix().get(r, 3), 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"constant", "linear", "sqrt"})
    void learningRateMatchesSgdsOwn(String schedule) {
        SGD sgd = schedule.equals("constant") ? SGD.getSimpleSGD(0.3)
                : schedule.equals("linear") ? SGD.getLinearDecaySGD(0.3) : SGD.getSqrtDecaySGD(0.3);
        StepSchedule rate = OptimiserChain.of(sgd).profile(sgd.toString()).schedule();
        sgd.initialise(parameters(W));
        for (int t = 1; t <= 5; t++) {
            sgd.step(new Tensor[] {matrix(G)}, 1.0);
            assertEquals(sgd.learningRate(), rate.at(t), 1e-15, "step " + t);
        }
    }

    @Test
    void autoPicksPerPenaltyAndOptimiserAndRecordsIt() {
        Regularization reg = TestTerms.of(l1p(0.1), l2(0.2));
        assertEquals(List.of("l1: mode=auto chose proximal penalty on weights"
                + " (a proximal step of the step size; its fixed point minimises mean loss + penalty)",
                "l2: mode=auto chose coupled penalty on weights"
                + " (it has no proximal operator; under plain SGD coupled and decoupled are the same step)"),
                new RegularizedOptimiser(SGD.getSimpleSGD(LR), reg).describe());
        assertEquals("l1=cumulative, l2=cumulative", new RegularizedOptimiser(new AdaGrad(LR), reg).modes(),
                "Tribuo's AdaGrad runs as Rein's, whose FTRL form takes a whole elastic spec");
        assertEquals("l1=decoupled, l2=decoupled",
                new RegularizedOptimiser(SGD.getSimpleSGD(LR, 0.9, SGD.Momentum.NESTEROV), reg).modes());
        assertEquals("l1=coupled, l2=coupled", new RegularizedOptimiser(new AdaDelta(), reg).modes());
        assertEquals("l1=coupled, l2=coupled",
                new RegularizedOptimiser(new ParameterAveraging(SGD.getSimpleSGD(LR)), reg).modes());
        assertEquals(List.of("l2: decoupled penalty on weights"), new RegularizedOptimiser(SGD.getSimpleSGD(LR),
                TestTerms.of(mode(l2(0.2), PenaltyMode.DECOUPLED))).describe());

        ConfiguredObjectProvenance prov = new RegularizedOptimiser(SGD.getSimpleSGD(LR), reg).getProvenance();
        assertEquals(new StringProvenance("modes", "l1=proximal, l2=coupled"), prov.getConfiguredParameters()
                .get("modes"));
    }

    @Test
    void aNanGradientStopsTrainingNamingTheStepAndSpec() {
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA)));
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, 1.0));
        double[][] bad = {{0.3, 0.0, Double.NaN, 0.1}, {0.0, 0.4, 0.0, -0.6}};
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> opt.step(new Tensor[] {matrix(bad)}, 1.0));
        assertEquals("tribuo-diverged", e.tag());
        assertEquals("the gradient of tensor 0 at (0, 2) is NaN", e.detail());
        assertTrue(e.getMessage().contains("at step 2 with spec 'l2(lambda=0.5)'"), e.getMessage());
        assertEquals(2, e.step());
        assertEquals("l2(lambda=0.5)", e.spec());
    }

    @Test
    void anInfiniteUpdateStopsTraining() {
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(Double.MAX_VALUE),
                TestTerms.of(l2(LAMBDA)));
        opt.initialise(p);
        // (1, 1): (0.4 - 0.5·3)·MAX_VALUE overflows.
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> opt.step(new Tensor[] {matrix(G)}, 1.0));
        assertEquals("tribuo-diverged", e.tag());
        assertEquals(1, e.step());
        assertEquals("the update of tensor 0 at (1, 1) is -Infinity", e.detail());
    }

    @Test
    void withMinibatchSizeIsAFreshCopyForThatSize() {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA)));
        opt.initialise(parameters(W));
        opt.step(new Tensor[] {matrix(G)}, 1.0);
        RegularizedOptimiser sized = opt.withMinibatchSize(16);

        assertEquals(16, sized.minibatchSize());
        assertEquals(1, opt.minibatchSize());
        assertEquals(0, sized.steps());
        assertEquals(1, opt.steps());
        assertEquals(opt.regularization(), sized.regularization());
        assertThrows(IllegalStateException.class, () -> sized.step(new Tensor[] {matrix(G)}, 1.0));
    }

    @Test
    void underParameterAveragingTheFinalWeightsAreTheMeanOfTheRealIterates() {
        // Decoupled decay and a max-norm projection change every update after ParameterAveraging recorded it.
        Regularization reg = TestTerms.of(mode(l2(LAMBDA), PenaltyMode.DECOUPLED),
                TestTerms.maxNorm(2.0, Target.WEIGHTS));
        RegularizedOptimiser averaged = new RegularizedOptimiser(new ParameterAveraging(SGD.getSimpleSGD(LR)), reg);
        RegularizedOptimiser plain = new RegularizedOptimiser(SGD.getSimpleSGD(LR), reg);
        LinearParameters p = parameters(W);
        LinearParameters q = parameters(W);
        averaged.initialise(p);
        plain.initialise(q);
        // Tribuo's ParameterAveraging averages the iterates w_0 .. w_{T-1} (before each step).
        double[][] mean = new double[2][4];
        int steps = 4;
        for (int t = 0; t < steps; t++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 4; c++) {
                    mean[r][c] += q.getWeightMatrix().get(r, c) / steps;
                }
            }
            p.update(averaged.step(new Tensor[] {matrix(G)}, 1.0));
            q.update(plain.step(new Tensor[] {matrix(G)}, 1.0));
        }
        assertEquals(q.getWeightMatrix().get(1, 1), p.getWeightMatrix().get(1, 1), 1e-12, "same iterates");
        averaged.finalise();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(mean[r][c], p.getWeightMatrix().get(r, c), 1e-12, "at " + r + "," + c);
            }
        }
    }

    @Test
    void lazyModeIsChosenOnlyWhereItIsExact() {
        assertTrue(initialised(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA))).isLazy(), "coupled, plain SGD");
        assertTrue(initialised(new AdaGrad(LR), TestTerms.of(mode(l2(LAMBDA), PenaltyMode.DECOUPLED))).isLazy(),
                "decoupled, AdaGrad");
        assertTrue(initialised(new AdaGrad(LR), TestTerms.of(l2(LAMBDA))).isLazy(),
                "auto under AdaGrad: its FTRL form, lazy by construction");
        assertFalse(initialised(new AdaGrad(LR), TestTerms.of(mode(l2(LAMBDA), PenaltyMode.COUPLED))).isLazy(),
                "coupled under AdaGrad changes AdaGrad's state for every weight");
        assertTrue(initialised(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA),
                TestTerms.maxNorm(1, Target.WEIGHTS))).isLazy(), "max-norm: one scale per row");
        assertFalse(initialised(SGD.getSimpleSGD(LR), TestTerms.of(TestTerms.l1p(LAMBDA),
                TestTerms.maxNorm(1, Target.WEIGHTS))).isLazy(), "max-norm with L1 thresholds needs whole rows");
        assertFalse(initialised(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA),
                TestTerms.maxNorm(1, Target.ALL))).isLazy(), "a norm that includes the bias is eager");
        assertFalse(initialised(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA), TestTerms.nonNegative())).isLazy(),
                "a projection that is not a row scaling needs every weight");
        assertFalse(initialised(new ParameterAveraging(SGD.getSimpleSGD(LR)), TestTerms.of(l2(LAMBDA))).isLazy(),
                "averaging needs every iterate");
        RegularizedOptimiser eager = new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA)));
        eager.eagerOnly = true;
        eager.initialise(parameters(W));
        assertFalse(eager.isLazy());
    }

    // ---- helpers

    private static RegularizedOptimiser initialised(StochasticGradientOptimiser inner, Regularization reg) {
        RegularizedOptimiser opt = new RegularizedOptimiser(inner, reg);
        opt.initialise(parameters(W));
        return opt;
    }

    private static double[][] oneStep(StochasticGradientOptimiser inner, dev.rein.runtime.spec.BoundTerm term,
            int b, double weight) {
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(inner, TestTerms.of(term), b);
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, weight));
        return p.getWeightMatrix().toArray();
    }

    /** The weights after the plain inner optimiser's step on the loss gradient alone. */
    private static double[][] reference(StochasticGradientOptimiser inner, double weight) {
        LinearParameters p = parameters(W);
        inner.initialise(p);
        p.update(inner.step(new Tensor[] {matrix(G)}, weight));
        return p.getWeightMatrix().toArray();
    }

    /** {@code actual = loss - decay·W} on the weights, {@code loss} on the bias. */
    private static void assertDecayed(double[][] loss, double[][] actual, double decay) {
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) {
                double want = loss[r][c] - (c == 3 ? 0 : decay * W[r][c]);
                assertEquals(want, actual[r][c], 1e-12, "at " + r + "," + c);
            }
        }
    }
}
