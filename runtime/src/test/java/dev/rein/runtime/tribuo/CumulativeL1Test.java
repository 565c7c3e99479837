package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l1p;
import static dev.rein.runtime.tribuo.TestTerms.l2;
import static dev.rein.runtime.tribuo.TestTerms.l2p;
import static dev.rein.runtime.tribuo.TestTerms.mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * {@code mode=cumulative}: Tsuruoka et al.'s cumulative L1 penalty, checked against the algorithm written out over
 * every weight at every step, and against proximal L1 for sparsity.
 */
class CumulativeL1Test {
    private static final double LR = 0.1;
    private static final int ROWS = 2;
    private static final int FEATURES = 6;

    @Test
    void lazyCumulativeL1IsTheAlgorithmAppliedToEveryWeightAtEveryStep() {
        assertMatchesReference(0.05, 0, 400);
    }

    @Test
    void withAStrongL2TheScaleFoldsAndTheDebtsAreRescaledExactly() {
        // lr·λ₂ = 0.5: every weight shrinks by 2/3 per step, so the scale passes e^-7 every ~17 steps.
        assertMatchesReference(0.02, 5.0, 300);
    }

    @Test
    void cumulativeL1IsSparserThanProximalL1AtTheSameStrength() {
        MutableDataset<Regressor> data = LazyTest.sparseRegression(400, 60, 4, 9L);
        double[] proximal = train(TestTerms.of(l1p(0.03)), data);
        double[] cumulative = train(TestTerms.of(mode(l1p(0.03), PenaltyMode.CUMULATIVE)), data);
        int proximalZeros = zeros(proximal);
        int cumulativeZeros = zeros(cumulative);
        assertTrue(cumulativeZeros > proximalZeros + 3,
                "cumulative " + cumulativeZeros + " zeros, proximal " + proximalZeros);
        assertTrue(cumulativeZeros < cumulative.length - 5, "the informative weights survive: " + cumulativeZeros);
    }

    @Test
    void trainingThroughTribuoIsTheAlgorithmWithEveryWeightPaidBeforeEachPrediction() {
        // Tribuo's own trainer: the forward pass pays the example's debts and marks them, the update skips them.
        MutableDataset<Regressor> data = LazyTest.sparseRegression(120, 10, 3, 4L);
        double lambda = 0.05;
        double lr = 0.02;
        int epochs = 3;
        LinearSGDTrainer trainer = new LinearSGDTrainer(new SquaredLoss(), new RegularizedOptimiser(
                SGD.getSimpleSGD(lr), TestTerms.of(mode(l1p(lambda), PenaltyMode.CUMULATIVE))), epochs, -1, 1, 5L);
        trainer.setShuffle(false);
        var model = trainer.train(data);
        double[] trained = LazyTest.flat(model.getWeightsCopy());

        ImmutableFeatureMap features = model.getFeatureIDMap();
        int f = features.size();
        double[] w = new double[f + 1];   // the bias last, as Tribuo lays it out
        double[] paid = new double[f];
        double total = 0;
        for (int e = 0; e < epochs; e++) {
            for (Example<Regressor> example : data) {
                double prediction = w[f];
                for (Feature x : example) {
                    prediction += w[features.getID(x.getName())] * x.getValue();
                }
                double residual = example.getOutput().getValues()[0] - prediction;
                for (Feature x : example) {
                    w[features.getID(x.getName())] += lr * residual * x.getValue();
                }
                w[f] += lr * residual;
                total += lr * lambda;
                for (int j = 0; j < f; j++) {   // Tsuruoka et al.'s clipping, every weight, every step
                    double z = w[j];
                    w[j] = z > 0 ? Math.max(0, z - (total + paid[j])) : z < 0 ? Math.min(0, z + (total - paid[j])) : z;
                    paid[j] += w[j] - z;
                }
            }
        }
        int zeros = 0;
        for (int j = 0; j <= f; j++) {
            assertEquals(w[j], trained[j], 1e-10, "weight " + j);
            zeros += j < f && w[j] == 0 ? 1 : 0;
            assertEquals(w[j] == 0, trained[j] == 0, "zero at " + j);
        }
        assertTrue(zeros > 0 && zeros < f, "some weights, not all, are held at zero: " + zeros);
    }

    @Test
    void penaltiesWithoutAnL1PartAreRefused() {
        RegularizationRefusedException e = assertThrows(RegularizationRefusedException.class,
                () -> new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(mode(l2(0.1),
                        PenaltyMode.CUMULATIVE))));
        assertEquals("plan-cumulative-needs-l1", e.tag());
    }

    @Test
    void theBiasIsRefused() {
        BoundTerm onAll = new BoundTerm(l1p(0.1).plugin(), l1p(0.1).arguments(), l1p(0.1).hook(), Target.ALL,
                PenaltyMode.CUMULATIVE, l1p(0.1).after());
        RegularizationRefusedException e = assertThrows(RegularizationRefusedException.class,
                () -> new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(onAll)));
        assertEquals("plan-cumulative-on-bias", e.tag());
        assertTrue(e.getMessage().endsWith("drop on=all"), e.getMessage());
    }

    @Test
    void proximalAndCumulativeL1TogetherAreRefused() {
        RegularizationRefusedException e = assertThrows(RegularizationRefusedException.class,
                () -> new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l1p(0.1), mode(l1p(0.2),
                        PenaltyMode.CUMULATIVE))));
        assertEquals("plan-mixed-l1-modes", e.tag());
        assertTrue(e.getMessage().contains("give l1 mode=cumulative"), e.getMessage());
        // A proximal L2 has no threshold: it combines.
        new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l2p(0.1), mode(l1p(0.2), PenaltyMode.CUMULATIVE)));
    }

    @Test
    void trainingTheLazyEngineCannotCarryIsRefusedAtInitialise() {
        RegularizedOptimiser withNonNegative = new RegularizedOptimiser(SGD.getSimpleSGD(LR),
                TestTerms.of(mode(l1p(0.1), PenaltyMode.CUMULATIVE), TestTerms.nonNegative()));
        RegularizationRefusedException e = assertThrows(RegularizationRefusedException.class,
                () -> withNonNegative.initialise(new LinearParameters(new DenseMatrix(ROWS, FEATURES + 1))));
        assertEquals("tribuo-cumulative-needs-lazy", e.tag());
        assertTrue(e.getMessage().contains("'" + withNonNegative.plan().spec() + "'"), e.getMessage());
    }

    @Test
    void theChosenModeIsReported() {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR),
                TestTerms.of(mode(l1p(0.1), PenaltyMode.CUMULATIVE)));
        assertTrue(opt.describe().contains("l1: cumulative penalty on weights"), opt.describe().toString());
    }

    // ---- the reference and the driver

    /**
     * Steps a lazy cumulative {@code l1(λ₁)} (+ proximal {@code l2(λ₂)} when not 0) with a fixed sequence of
     * gradients (mostly sparse, some dense, full catch-ups in between) and compares every weight with
     * {@link Reference} after each catch-up.
     */
    private static void assertMatchesReference(double l1, double l2, int steps) {
        Regularization reg = l2 == 0 ? TestTerms.of(mode(l1p(l1), PenaltyMode.CUMULATIVE))
                : TestTerms.of(mode(l1p(l1), PenaltyMode.CUMULATIVE), l2p(l2));
        LinearParameters p = new LinearParameters(new DenseMatrix(ROWS, FEATURES + 1));
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), reg);
        opt.initialise(p);
        assertTrue(opt.isLazy());
        Reference reference = new Reference(l1, l2);
        SplittableRandom random = new SplittableRandom(3);
        int zerosSeen = 0;
        for (int t = 1; t <= steps; t++) {
            double[][] g = new double[ROWS][FEATURES + 1];
            boolean dense = t % 37 == 0;
            for (int c = 0; c < FEATURES; c++) {
                // feature c is present with probability 0.6 - 0.1c, pulled towards a target of its own
                if (dense || random.nextDouble() < 0.6 - 0.1 * c) {
                    for (int r = 0; r < ROWS; r++) {
                        double target = c < 2 ? (r == 0 ? 1.5 : -1.0) : 0.0;
                        g[r][c] = target - reference.w[r][c] + 0.3 * random.nextGaussian();
                    }
                }
            }
            for (int r = 0; r < ROWS; r++) {
                g[r][FEATURES] = 0.2;   // the bias column, present in every example
            }
            Tensor gradient = dense ? RegularizedOptimiserStepTest.matrix(g) : RegularizedOptimiserStepTest.sparse(g);
            p.update(opt.step(new Tensor[] {gradient}, 1.0));
            reference.step(g);
            if (t % 13 == 0 || t == steps) {
                opt.catchUp();
                for (int r = 0; r < ROWS; r++) {
                    for (int c = 0; c <= FEATURES; c++) {
                        double expected = reference.w[r][c];
                        assertEquals(expected, p.getWeightMatrix().get(r, c), 1e-10 * Math.max(1, Math.abs(expected)),
                                "weight (" + r + ", " + c + ") at step " + t);
                        assertEquals(expected == 0, p.getWeightMatrix().get(r, c) == 0, "zero at " + r + "," + c);
                        zerosSeen += expected == 0 && c < FEATURES ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(zerosSeen > 10, "the check must see weights held at zero: " + zerosSeen);
    }

    /** Tsuruoka et al. (2009), eagerly, in the weights' own units; then the proximal L2 shrink, debts included. */
    private static final class Reference {
        final double[][] w = new double[ROWS][FEATURES + 1];
        final double[][] paid = new double[ROWS][FEATURES];
        final double l1;
        final double l2;
        double total;

        Reference(double l1, double l2) {
            this.l1 = l1;
            this.l2 = l2;
        }

        void step(double[][] gradient) {
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c <= FEATURES; c++) {
                    w[r][c] += LR * gradient[r][c];
                }
            }
            total += LR * l1;
            double shrink = 1 / (1 + LR * l2);
            for (int r = 0; r < ROWS; r++) {
                for (int c = 0; c < FEATURES; c++) {
                    double z = w[r][c];
                    if (z > 0) {
                        w[r][c] = Math.max(0, z - (total + paid[r][c]));
                    } else if (z < 0) {
                        w[r][c] = Math.min(0, z + (total - paid[r][c]));
                    }
                    paid[r][c] += w[r][c] - z;
                    w[r][c] *= shrink;
                    paid[r][c] *= shrink;
                }
            }
            total *= shrink;
        }
    }

    private static double[] train(Regularization reg, MutableDataset<Regressor> data) {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.02), reg, 1);
        return LazyTest.flat(new LinearSGDTrainer(new SquaredLoss(), opt, 10, -1, 1, 5L).train(data)
                .getWeightsCopy());
    }

    private static int zeros(double[] weights) {
        int n = 0;
        for (double w : weights) {
            n += w == 0 ? 1 : 0;
        }
        return n;
    }
}
