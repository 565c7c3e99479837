package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import org.junit.jupiter.api.Test;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * A stopping rule needs a trainer that owns the epoch loop: a {@link RegularizedOptimiser} alone, as Tribuo's own
 * trainers would use it, refuses one instead of ignoring it; Rein's trainers, given the same spec, follow it.
 */
class StoppingRulesNeedReinTrainersTest {
    private static final Regularization WITH_RULE = TestSpecs.of(TestSpecs.l2(0.1), TestSpecs.patience("loss", 2));

    @Test
    void aRegularizedOptimiserRefusesAStoppingRuleAndSaysWhatToUse() {
        RegularizationRefusedException e = assertThrows(RegularizationRefusedException.class,
                () -> new RegularizedOptimiser(new AdaGrad(0.5, 0.1), WITH_RULE, 1));
        assertEquals("tribuo-stopping-rule-needs-trainer", e.tag());
        assertTrue(e.getMessage().contains("has the stopping rule patience, which a RegularizedOptimiser cannot"
                + " follow"), e.getMessage());
        assertTrue(e.getMessage().contains("RegularizedLinearRegressionTrainer"), e.getMessage());
    }

    @Test
    void withoutTheRuleTheSameSpecIsAccepted() {
        RegularizedOptimiser optimiser = new RegularizedOptimiser(new AdaGrad(0.5, 0.1),
                WITH_RULE.without(dev.rein.api.spi.Kind.STOPPING_RULE), 1);
        assertEquals(1, optimiser.regularization().terms().size());
        assertEquals("l2", optimiser.regularization().terms().get(0).name());
    }

    @Test
    void reinsTrainerFollowsTheRuleWithTheSameSpec() {
        var trainer = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.005), WITH_RULE,
                200, 1, 1L);
        LinearSGDModel model = trainer.train(TestData.line(60, 2.0, 0.0, 21L));
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        assertTrue(outcome.bestEpoch().isPresent(), outcome.toString());
        assertTrue(outcome.epochsRun() < 200, "the rule ended the run: " + outcome);
    }
}
