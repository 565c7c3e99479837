package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.EpochScore;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.Regularization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Early stopping in a real run. Training data follow {@code y = 2x}, validation data {@code y = x}: plain SGD from
 * zero weights raises the slope a little each epoch (about 10% of the way to 2 at this learning rate), so the
 * validation loss falls while the slope is below 1 and rises after: a known best epoch in the middle of the run.
 */
class EarlyStoppingTrainingTest {
    private static final MutableDataset<Regressor> TRAIN = TestData.line(60, 2.0, 0.0, 21L);
    private static final MutableDataset<Regressor> VALIDATION = TestData.line(30, 1.0, 0.0, 22L);
    private static final int MAX_EPOCHS = 40;
    private static final int PATIENCE = 3;

    private static RegularizedLinearRegressionTrainer trainer(Regularization regularization, int epochs) {
        return new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.005), regularization,
                epochs, 1, 5L);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBestEpoch() {
        Regularization spec = TestSpecs.of(TestSpecs.l2(0.001), TestSpecs.patience("loss", PATIENCE));
        List<EpochScore> scores = new ArrayList<>();
        LinearSGDModel model = trainer(spec, MAX_EPOCHS).train(TRAIN, VALIDATION,
                report -> scores.add(report.validation().orElseThrow()));

        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        int best = outcome.bestEpoch().orElseThrow();
        // The validation loss falls, then rises: the best epoch is strictly inside the run.
        assertTrue(best > 2 && best < MAX_EPOCHS - PATIENCE, "best epoch " + best);
        for (int e = 1; e < best; e++) {
            assertTrue(scores.get(e).value() < scores.get(e - 1).value(), "falls until the best epoch");
        }
        for (int e = best; e < scores.size(); e++) {
            assertTrue(scores.get(e).value() > scores.get(e - 1).value(), "rises after the best epoch");
        }
        assertEquals(best + PATIENCE, outcome.epochsRun());
        assertEquals(scores.size(), outcome.epochsRun());
        assertEquals(best, outcome.modelEpoch());
        assertEquals("no improvement in 3 epochs", outcome.stopReason());
        assertEquals(scores.get(best - 1).value(), outcome.bestScore().orElseThrow(), 0.0);
        assertEquals("30 examples of a separate validation dataset", outcome.validation());
        assertEquals(spec.toSpec(), outcome.spec());

        // The restored weights are exactly those after epoch `best`: a run of `best` epochs without a rule.
        LinearSGDModel reference = trainer(TestSpecs.of(TestSpecs.l2(0.001)), best).train(TRAIN);
        assertArrayEquals(Weights.of(reference), Weights.of(model), 0.0);
        LinearSGDModel oneMore = trainer(TestSpecs.of(TestSpecs.l2(0.001)), best + 1).train(TRAIN);
        assertFalse(java.util.Arrays.equals(Weights.of(oneMore), Weights.of(model)), "a later epoch differs");
    }

    @Test
    void restoresTheEpochAScriptedRuleNames() {
        LinearSGDModel model = trainer(TestSpecs.of(TestSpecs.scripted("loss", 4, 2)), MAX_EPOCHS)
                .train(TRAIN, VALIDATION, EpochListener.NONE);
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        assertEquals(4, outcome.epochsRun());
        assertEquals(2, outcome.modelEpoch());
        assertEquals(OptionalInt.of(4), outcome.bestEpoch());   // the loss still falls at epoch 4
        assertEquals("script says so", outcome.stopReason());
        assertArrayEquals(Weights.of(trainer(Regularization.none(), 2).train(TRAIN)), Weights.of(model), 0.0);
    }

    @Test
    void aRuleMayOnlyRestoreTheEpochItNamed() {
        // Validation y = -2x: the loss rises from the first epoch on, so epoch 1 is the only best, and a rule that
        // names no epoch gets the best so far kept.
        MutableDataset<Regressor> opposite = TestData.line(30, -2.0, 0.0, 23L);
        RegularizedLinearRegressionTrainer trainer = trainer(TestSpecs.of(TestSpecs.scriptedUndeclared("loss", 3, 2)),
                10);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> trainer.train(TRAIN, opposite, EpochListener.NONE));
        assertEquals(Optional.of("trainer-restore-not-kept"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().contains("'scripted' asked to restore epoch 2")
                && e.getMessage().contains("(epoch 1 is held)"), e.getMessage());
    }

    @Test
    void withoutValidationDataASeededSplitOfTheTrainingDataIsHeldOut() {
        LinearSGDModel model = trainer(TestSpecs.of(TestSpecs.patience("rmse", 2)), 5).train(TRAIN);
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        assertEquals("6 examples (0.1) split from the 60 training examples with seed 5", outcome.validation());
        assertEquals("rmse", outcome.metric().orElseThrow());
        // On held-out data of the training distribution the error keeps falling: all 5 epochs run.
        assertEquals(5, outcome.epochsRun());
        assertEquals(TrainingOutcome.COMPLETED, outcome.stopReason());
        assertEquals(OptionalInt.of(5), outcome.bestEpoch());
        assertEquals(5, outcome.modelEpoch());
    }

    @Test
    void withoutAStoppingRuleTheOutcomeSaysAllEpochsRanAndNothingWasValidated() {
        LinearSGDModel model = trainer(TestSpecs.of(TestSpecs.l2(0.01)), 3).train(TRAIN);
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        assertEquals(new TrainingOutcome("l2(lambda=0.01)", "l2=coupled", 3, 3, 3, "completed all epochs", "none",
                java.util.Optional.empty(), OptionalInt.empty(), java.util.OptionalDouble.empty()), outcome);
        assertFalse(outcome.stoppedEarly());
    }

    @Test
    void theListenerHearsEveryEpochWithItsTrainingLoss() {
        List<EpochReport> reports = new ArrayList<>();
        trainer(Regularization.none(), 4).train(TRAIN, null, reports::add);
        assertEquals(List.of(1, 2, 3, 4), reports.stream().map(EpochReport::epoch).toList());
        assertTrue(reports.stream().allMatch(r -> r.maxEpochs() == 4 && r.validation().isEmpty()));
        // Squared loss on y = 2x falls as the slope approaches 2.
        assertTrue(reports.get(3).trainingLoss() < reports.get(0).trainingLoss());
        assertTrue(reports.get(0).trainingLoss() > 0);
    }

    @Test
    void factorizationMachinesScoreEpochsWithTheirOwnModels() {
        // Standardised FM regression: r2 is computed from the model's predictions, back in the outputs' units, so
        // a run scores the same as the finished model does on the same validation data.
        var fm = new RegularizedFMRegressionTrainer(new SquaredLoss(), new org.tribuo.math.optimisers.AdaGrad(0.1,
                0.1), TestSpecs.of(TestSpecs.patience("r2", 2)), 6, 1, 3L, 2, 0.1, true);
        List<Double> r2 = new ArrayList<>();
        var model = fm.train(TRAIN, VALIDATION, report -> r2.add(report.validation().orElseThrow().value()));
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        int kept = outcome.modelEpoch();
        double expected = r2(model, VALIDATION);
        assertEquals(expected, r2.get(kept - 1), 1e-12);

        var classifier = new RegularizedFMClassificationTrainer(new org.tribuo.classification.sgd.objectives
                .LogMulticlass(), new org.tribuo.math.optimisers.AdaGrad(0.1, 0.1),
                TestSpecs.of(TestSpecs.patience("accuracy", 2)), 6, 1, 3L, 2, 0.1);
        TrainingOutcome c = TrainingOutcome.of(classifier.train(TestData.blobs(90, 4L))).orElseThrow();
        assertEquals("accuracy", c.metric().orElseThrow());
        assertTrue(c.bestScore().orElseThrow() > 0.5, c.toString());
    }

    private static double r2(org.tribuo.Model<Regressor> model, MutableDataset<Regressor> data) {
        double mean = 0;
        for (var e : data) {
            mean += e.getOutput().getValues()[0] / data.size();
        }
        double residual = 0;
        double total = 0;
        for (var e : data) {
            double y = e.getOutput().getValues()[0];
            double p = model.predict(e).getOutput().getValues()[0];
            residual += (y - p) * (y - p);
            total += (y - mean) * (y - mean);
        }
        return 1 - residual / total;
    }
}
