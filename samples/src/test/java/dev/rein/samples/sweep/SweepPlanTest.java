package dev.rein.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.SpecException;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.TrainingSettings;
import dev.rein.samples.train.UserInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
    private static final TrainingSettings SETTINGS = TrainingSettings.defaults();

    @Test
    void everyPointBecomesABoundTrialInGridOrder() {
        SweepPlan plan = plan("l1(lambda=1e-3..1e-1 log 3) + max_norm(c=[1, 3])");
        assertEquals(6, plan.trials().size());
        Trial t = plan.trials().get(3);
        assertEquals(3, t.index());
        assertEquals(Map.of("l1.lambda", 0.01, "max_norm.c", 3.0), t.params());
        assertEquals("l1(lambda=0.01) + max_norm(c=3.0)", t.spec());
        assertEquals("l1(lambda=0.01) + max_norm(c=3.0)", t.regularization().toSpec());
    }

    @Test
    void anIntegerParameterGetsWholeNumbers() {
        SweepPlan plan = plan("l2(lambda=1e-3) + early_stopping(patience=1..3 lin 3)");
        assertEquals(List.of("l2(lambda=1e-3) + early_stopping(patience=1)",
                "l2(lambda=1e-3) + early_stopping(patience=2)", "l2(lambda=1e-3) + early_stopping(patience=3)"),
                plan.trials().stream().map(Trial::spec).toList());
        assertMessage("early_stopping(patience=1..10 log 4)", "reaches 2.154", "is a whole number");
    }

    @Test
    void valuesOutsideTheParametersBoundsAreRefusedBeforeTraining() {
        assertMessage("l1(lambda=-1..1 lin 3)", "l1(lambda=-1..1 lin 3) reaches -1.0", "lambda must be a number >= 0");
        assertMessage("elastic_net(l1_ratio=[0.5, 2])", "reaches 2.0", "l1_ratio must be");
    }

    @Test
    void onlyNumericParametersOfPluginsCanBeSwept() {
        assertMessage("early_stopping(metric=[1, 2])", "early_stopping.metric is one of", "not a number");
        assertMessage("l1(lambda=1e-3, mode=[1, 2])", "l1.mode cannot be swept", "Rein's own options");
        SpecException unknown = assertThrows(SpecException.class, () -> plan("l1(lamda=1e-3..1 log 3)"));
        assertEquals("spec-unknown-parameter", unknown.tag());
        assertTrue(unknown.getMessage().contains("did you mean lambda"), unknown.getMessage());
    }

    @Test
    void aGridTooLargeToBeMeantIsRefused() {
        assertMessage("l1(lambda=1e-6..1 log 1000) + max_norm(c=1..10 lin 1000)", "more than 100000 trials",
                "l1.lambda: 1000");
    }

    @Test
    void compareRefusesTheSameSpecTwice() {
        UserInputException e = assertThrows(UserInputException.class, () -> SweepPlan.ofSpecs(
                List.of("l2", "l2(lambda=1e-4)"), PluginRegistry.shared(), ModelChoice.LINEAR, SETTINGS));
        assertTrue(e.getMessage().contains("is the same regularization as"), e.getMessage());
        assertEquals(2, SweepPlan.ofSpecs(List.of("none", "l1"), PluginRegistry.shared(), ModelChoice.LINEAR, SETTINGS)
                .trials().size());
    }

    private static SweepPlan plan(String spec) {
        return SweepPlan.of(SweepSpec.parse(spec), PluginRegistry.shared(), ModelChoice.LINEAR, SETTINGS);
    }

    private static void assertMessage(String spec, String... parts) {
        UserInputException e = assertThrows(UserInputException.class, () -> plan(spec));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}
