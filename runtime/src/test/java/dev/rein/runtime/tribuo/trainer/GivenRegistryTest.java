package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.SpecException;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import dev.rein.runtime.tribuo.TestTerms;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Trainers and the optimiser bind a spec against the registry they are given. This module's tests have no
 * built-in plugins on the class path, so the shared registry knows no {@code l2}: only the given one can bind it.
 */
class GivenRegistryTest {
    private static final PluginRegistry ONLY_L2 = PluginRegistry.of(List.of(TestTerms.l2(0.1).plugin()));

    @Test
    void theSharedRegistryDoesNotKnowTheTermSoTheGivenOneIsWhatBindsIt() {
        assertFalse(PluginRegistry.shared().find("l2").isPresent());
        assertTrue(ONLY_L2.find("l2").isPresent());
    }

    @Test
    void everyTrainerAndTheOptimiserTakeASpecWithARegistry() {
        var classifier = new RegularizedLinearClassificationTrainer(new LogMulticlass(), SGD.getSimpleSGD(0.1), "l2",
                ONLY_L2, 3, 1, 1L);
        assertEquals("l2", classifier.regularization().toSpec());
        var regression = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.1), "l2",
                ONLY_L2, 3, 1, 1L);
        assertEquals(1, regression.regularization().terms().size());
        var fm = new RegularizedFMClassificationTrainer(new LogMulticlass(), SGD.getSimpleSGD(0.1), "l2", ONLY_L2, 3,
                1, 1L, 2, 0.1);
        assertEquals("l2", fm.regularization().toSpec());
        var optimiser = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), "l2", ONLY_L2, 1);
        assertEquals("l2=coupled", optimiser.modes());
        TrainingOutcome outcome = TrainingOutcome.of(classifier.train(TestData.blobs(30, 2L))).orElseThrow();
        assertEquals("l2", outcome.spec());
        assertEquals("l2=coupled", outcome.modes());
    }

    @Test
    void aNameTheGivenRegistryLacksIsASpecError() {
        SpecException e = assertThrows(SpecException.class, () -> new RegularizedLinearClassificationTrainer(
                new LogMulticlass(), SGD.getSimpleSGD(0.1), "l1", ONLY_L2, 3, 1, 1L));
        assertTrue(e.getMessage().contains("l1"), e.getMessage());
    }
}
