package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.tribuo.TrainingDivergedException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.FMParameters;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** NaN or infinite weights and losses end training with a message naming the epoch, the spec and the value. */
class DivergenceTest {
    private static final MutableDataset<Label> BLOBS = TestData.blobs(9, 1L);
    private static final ImmutableFeatureMap FEATURES = BLOBS.getFeatureIDMap();   // n0, n1, x0, x1
    private static final ImmutableOutputInfo<Label> LABELS = BLOBS.getOutputIDInfo();

    @Test
    void namesTheFirstBadWeightOfALinearModel() {
        LinearParameters parameters = new LinearParameters(FEATURES.size() + 1, LABELS.size());
        DenseMatrix w = (DenseMatrix) parameters.get()[0];
        w.set(1, 2, Double.NaN);
        w.set(2, 0, Double.POSITIVE_INFINITY);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> DivergenceCheck.check(
                parameters.get(), 0.5, PredictionTask.CLASSIFICATION, 7, "l2(lambda=0.1)",
                new ParameterNames(parameters, FEATURES, LABELS)));
        assertEquals("tribuo-diverged", e.tag());
        assertEquals("weight of feature '" + FEATURES.get(2).getName() + "' for output '"
                + LABELS.getOutput(1).getLabel() + "' is NaN", e.detail());
        assertEquals(7, e.epoch());
        assertEquals("l2(lambda=0.1)", e.spec());
    }

    @Test
    void namesTheBiasColumnAndFactorizationMachineBlocks() {
        LinearParameters linear = new LinearParameters(FEATURES.size() + 1, LABELS.size());
        ((DenseMatrix) linear.get()[0]).set(0, FEATURES.size(), Double.NEGATIVE_INFINITY);
        assertTrue(assertThrows(TrainingDivergedException.class, () -> DivergenceCheck.check(linear.get(), 0,
                PredictionTask.CLASSIFICATION, 1, "none", new ParameterNames(linear, FEATURES, LABELS))).getMessage()
                .contains(": bias of output '" + LABELS.getOutput(0).getLabel() + "' is -Infinity."));

        FMParameters fm = new FMParameters(new java.util.SplittableRandom(1), FEATURES.size(), LABELS.size(), 2, 0.1);
        Tensor[] tensors = fm.get();
        ((DenseMatrix) tensors[3]).set(1, 0, Double.NaN);   // factor 1 of feature 0 for output 1
        assertTrue(assertThrows(TrainingDivergedException.class, () -> DivergenceCheck.check(tensors, 0,
                PredictionTask.CLASSIFICATION, 2, "none",
                new ParameterNames(fm, FEATURES, LABELS))).getMessage().contains(": factor 1 of feature '"
                + FEATURES.get(0).getName() + "' for output '" + LABELS.getOutput(1).getLabel() + "' is NaN."));
        ((DenseMatrix) tensors[3]).set(1, 0, 0.0);
        ((DenseVector) tensors[0]).set(2, Double.NaN);
        assertTrue(assertThrows(TrainingDivergedException.class, () -> DivergenceCheck.check(tensors, 0,
                PredictionTask.CLASSIFICATION, 2, "none",
                new ParameterNames(fm, FEATURES, LABELS))).getMessage()
                .contains(": bias of output '" + LABELS.getOutput(2).getLabel() + "' is NaN."));
    }

    @Test
    void aNonFiniteLossIsDivergenceToo() {
        LinearParameters parameters = new LinearParameters(FEATURES.size() + 1, LABELS.size());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> DivergenceCheck.check(
                parameters.get(), Double.POSITIVE_INFINITY, PredictionTask.REGRESSION, 3, "none",
                new ParameterNames(parameters, FEATURES, LABELS)));
        assertEquals("tribuo-diverged", e.tag());
        assertEquals(3, e.epoch());
        assertEquals("the epoch's training loss is Infinity", e.detail());
    }

    @Test
    void aClassifiersLossIsReportedWithItsTrueSign() {
        // Tribuo's classification objectives return the negated loss: a loss that overflowed arrives as -Infinity.
        LinearParameters parameters = new LinearParameters(FEATURES.size() + 1, LABELS.size());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> DivergenceCheck.check(
                parameters.get(), Double.NEGATIVE_INFINITY, PredictionTask.CLASSIFICATION, 4, "l1(lambda=0.1)",
                new ParameterNames(parameters, FEATURES, LABELS)));
        assertEquals("the epoch's training loss is Infinity", e.detail());
        assertFalse(e.getMessage().contains("-Infinity"), e.getMessage());
    }

    @Test
    void aRunWithFarTooLargeAStepStopsInTheEpochItDiverged() {
        // Plain SGD on squared loss with step 50 on x in [-1, 1] multiplies the error by about -15 per example:
        // the weights overflow within the first epoch.
        var trainer = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(50),
                TestSpecs.of(TestSpecs.l2(0.1)), 5, 1, 1L);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.train(TestData.line(400, 2.0, 0.1, 2L)));
        assertEquals(1, e.epoch());
        assertEquals(Optional.of("tribuo-diverged"), ReinMessage.tagOf(e));
        assertEquals("l2(lambda=0.1)", e.spec());
        assertTrue(e.detail().endsWith(" is NaN") || e.detail().endsWith(" is Infinity"), e.detail());
    }
}
