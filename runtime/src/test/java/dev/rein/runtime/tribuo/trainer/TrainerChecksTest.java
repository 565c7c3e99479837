package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.spec.Regularization;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Bad settings and specs fail when the trainer is built, before any training, with a message that starts with its
 * tag and names the trainer and the value (the exact words are {@code TrainerMessagesTest}'s).
 */
class TrainerChecksTest {
    private static final String CLASSIFIER = "RegularizedLinearClassificationTrainer: ";

    private static IllegalArgumentException classifierError(Regularization spec, int epochs, int batch,
            double split) {
        return assertThrows(IllegalArgumentException.class, () -> new RegularizedLinearClassificationTrainer(
                new LogMulticlass(), new AdaGrad(0.5, 0.1), spec, epochs, batch, 1L, split));
    }

    /** {@code e} is tagged {@code tag}, its text starts with {@code start} and names each of {@code fragments}. */
    private static void assertTagged(String tag, String start, IllegalArgumentException e, String... fragments) {
        assertEquals(Optional.of(tag), ReinMessage.tagOf(e), e.getMessage());
        String text = ReinMessage.parse(e.getMessage()).orElseThrow().text();
        assertTrue(text.startsWith(start), text);
        for (String fragment : fragments) {
            assertTrue(text.contains(fragment), () -> "'" + fragment + "' not in " + text);
        }
    }

    @Test
    void aMetricThatDoesNotFitTheTaskIsRefused() {
        IllegalArgumentException classifier = classifierError(TestSpecs.of(TestSpecs.patience("rmse", 2)), 5, 1, 0.1);
        assertInstanceOf(RegularizationRefusedException.class, classifier);
        assertTagged("trainer-metric-wrong-task", CLASSIFIER, classifier, "'patience'", "'rmse'",
                "accuracy, loss");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.1),
                        TestSpecs.of(TestSpecs.patience("accuracy", 2)), 5, 1, 1L));
        assertTagged("trainer-metric-wrong-task", "RegularizedLinearRegressionTrainer: ", e, "'accuracy'",
                "loss, rmse, mae, r2");
    }

    @Test
    void anUnknownMetricIsRefused() {
        assertTagged("trainer-metric-unknown", CLASSIFIER,
                classifierError(TestSpecs.of(TestSpecs.patience("f1", 2)), 5, 1, 0.1), "'f1'", "accuracy, loss");
    }

    @Test
    void twoStoppingRulesAreRefused() {
        assertTagged("trainer-several-stopping-rules", CLASSIFIER, classifierError(TestSpecs.of(
                TestSpecs.patience("loss", 2), TestSpecs.scripted("loss", 3, 1)), 5, 1, 0.1),
                "has 2 stopping rules (patience, scripted)");
    }

    @Test
    void parameterAveragingWithAStoppingRuleIsRefused() {
        ParameterAveraging averaging = new ParameterAveraging(new AdaGrad(0.5, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedLinearClassificationTrainer(new LogMulticlass(), averaging,
                        TestSpecs.of(TestSpecs.patience("loss", 2)), 5, 1, 1L));
        assertInstanceOf(RegularizationRefusedException.class, e);
        assertTagged("trainer-stopping-averaged", CLASSIFIER, e, "'patience' cannot be used with " + averaging);
    }

    @Test
    void whatTheRegularizedOptimiserRefusesIsRefusedAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegularizedLinearClassificationTrainer(new LogMulticlass(), new Pegasos(0.1, 0.01),
                        TestSpecs.of(TestSpecs.l2(0.1)), 5, 1, 1L));
        RegularizationRefusedException refused = assertInstanceOf(RegularizationRefusedException.class, e,
                "the plan's refusal keeps its type");
        assertEquals("plan-pegasos-penalty", refused.tag(), "and its tag");
        assertTagged("plan-pegasos-penalty", CLASSIFIER + "Penalty 'l2' cannot wrap Pegasos", e);
        assertInstanceOf(RegularizationRefusedException.class, e.getCause());
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertTagged("trainer-epochs", CLASSIFIER, classifierError(Regularization.none(), 0, 1, 0.1), "epochs is 0");
        assertTagged("trainer-minibatch-size", CLASSIFIER, classifierError(Regularization.none(), 5, 0, 0.1),
                "minibatchSize is 0");
        assertTagged("trainer-validation-split", CLASSIFIER, classifierError(Regularization.none(), 5, 1, 1.0),
                "validationSplit is 1.0");
        assertTagged("trainer-no-optimiser", CLASSIFIER, assertThrows(IllegalArgumentException.class,
                () -> new RegularizedLinearClassificationTrainer(new LogMulticlass(), null, Regularization.none(), 5,
                        1, 1L)));
    }

    @Test
    void aMiniBatchLargerThanWhatIsTrainedOnIsRefusedAfterTheValidationSplit() {
        var fits = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.1),
                TestSpecs.of(TestSpecs.patience("loss", 2)), 2, 8, 1L, 0.2);
        fits.train(TestData.line(10, 1, 0, 1L));   // 8 trained on, batch 8: fine
        var trainer = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.1),
                TestSpecs.of(TestSpecs.patience("loss", 2)), 2, 9, 1L, 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TestData.line(10, 1, 0, 1L)));
        assertTagged("trainer-batch-larger-than-data", "The mini-batch size 9 is larger than the 8 examples trained"
                + " on (2 more are held out for validation)", e);
        var plain = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.1),
                Regularization.none(), 2, 11, 1L);
        e = assertThrows(IllegalArgumentException.class, () -> plain.train(TestData.line(10, 1, 0, 1L)));
        assertTagged("trainer-batch-larger-than-data", "The mini-batch size 11 is larger than the 10 examples trained"
                + " on: every", e);
    }

    @Test
    void aSplitThatLeavesNothingToTrainOnIsRefused() {
        var trainer = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.1),
                TestSpecs.of(TestSpecs.patience("loss", 2)), 5, 1, 1L, 0.99);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TestData.line(10, 1, 0, 1L)));
        assertTagged("trainer-split-too-small", "Cannot hold out 0.99 of 10 training examples", e);
    }
}
