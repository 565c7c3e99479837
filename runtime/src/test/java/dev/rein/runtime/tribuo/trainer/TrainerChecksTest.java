package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rein.runtime.spec.Regularization;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** Bad settings and specs fail when the trainer is built, before any training, with exact messages. */
class TrainerChecksTest {
    private static String classifierError(Regularization spec, int epochs, int batch, double split) {
        return assertThrows(IllegalArgumentException.class, () -> new RegularizedLinearClassificationTrainer(
                new LogMulticlass(), new AdaGrad(0.5, 0.1), spec, epochs, batch, 1L, split)).getMessage();
    }

    @Test
    void aMetricThatDoesNotFitTheTaskIsRefused() {
        assertEquals("RegularizedLinearClassificationTrainer: Stopping rule 'patience' asks for the validation"
                + " metric 'rmse', which does not fit a classification trainer; use one of: accuracy, loss",
                classifierError(TestSpecs.of(TestSpecs.patience("rmse", 2)), 5, 1, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.1),
                        TestSpecs.of(TestSpecs.patience("accuracy", 2)), 5, 1, 1L));
        assertEquals("RegularizedLinearRegressionTrainer: Stopping rule 'patience' asks for the validation metric"
                + " 'accuracy', which does not fit a regression trainer; use one of: loss, rmse, mae, r2",
                e.getMessage());
    }

    @Test
    void anUnknownMetricIsRefused() {
        assertEquals("RegularizedLinearClassificationTrainer: Stopping rule 'patience' asks for the validation"
                + " metric 'f1', which Rein's SGD trainers do not compute; for classification use one of: accuracy,"
                + " loss", classifierError(TestSpecs.of(TestSpecs.patience("f1", 2)), 5, 1, 0.1));
    }

    @Test
    void twoStoppingRulesAreRefused() {
        assertEquals("RegularizedLinearClassificationTrainer: Spec 'patience(metric=loss, patience=2) +"
                + " scripted(metric=loss)' has 2 stopping rules (patience, scripted); a run can follow only one:"
                + " keep one of them", classifierError(TestSpecs.of(TestSpecs.patience("loss", 2),
                        TestSpecs.scripted("loss", 3, 1)), 5, 1, 0.1));
    }

    @Test
    void parameterAveragingWithAStoppingRuleIsRefused() {
        ParameterAveraging averaging = new ParameterAveraging(new AdaGrad(0.5, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedLinearClassificationTrainer(new LogMulticlass(), averaging,
                        TestSpecs.of(TestSpecs.patience("loss", 2)), 5, 1, 1L));
        assertEquals("RegularizedLinearClassificationTrainer: Stopping rule 'patience' cannot be used with "
                + averaging + ": ParameterAveraging computes the averaged weights only after the last epoch, so"
                + " each epoch's validation would score weights the model never gets, and restoring an epoch would"
                + " drop the average. Use another optimiser with 'patience', or ParameterAveraging without a"
                + " stopping rule", e.getMessage());
    }

    @Test
    void whatTheRegularizedOptimiserRefusesIsRefusedAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedLinearClassificationTrainer(new LogMulticlass(), new Pegasos(0.1, 0.01),
                        TestSpecs.of(TestSpecs.l2(0.1)), 5, 1, 1L));
        assertEquals("RegularizedLinearClassificationTrainer: ", e.getMessage().substring(0, 40));
        assertEquals(true, e.getMessage().contains("Pegasos already applies L2"), e.getMessage());
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertEquals("RegularizedLinearClassificationTrainer: epochs is 0; it must be at least 1 (with a stopping"
                + " rule, the most epochs a run may take)", classifierError(Regularization.none(), 0, 1, 0.1));
        assertEquals("RegularizedLinearClassificationTrainer: minibatchSize is 0; it must be at least 1",
                classifierError(Regularization.none(), 5, 0, 0.1));
        assertEquals("RegularizedLinearClassificationTrainer: validationSplit is 1.0; it must lie strictly between"
                + " 0 and 1 (the share of the training data held out for a stopping rule, e.g. 0.1)",
                classifierError(Regularization.none(), 5, 1, 1.0));
    }

    @Test
    void aSplitThatLeavesNothingToTrainOnIsRefused() {
        var trainer = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.1),
                TestSpecs.of(TestSpecs.patience("loss", 2)), 5, 1, 1L, 0.99);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TestData.line(10, 1, 0, 1L)));
        assertEquals("Cannot hold out 0.99 of 10 training examples for validation and still train on some: give"
                + " more training data, a smaller validation split, or a validation dataset of its own",
                e.getMessage());
    }
}
