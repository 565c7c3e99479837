package dev.rein.samples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.SGD;

class OptimiserChoiceTest {
    @Test
    void parsesEveryCliNameToItsTribuoOptimiser() {
        for (OptimiserChoice c : OptimiserChoice.values()) {
            assertEquals(c, OptimiserChoice.parse(c.cliName().toUpperCase()));
            assertTrue(c.create(c.defaultLearningRate()) != null);
        }
        assertTrue(OptimiserChoice.parse("sgd").create(0.1) instanceof SGD);
        assertTrue(OptimiserChoice.parse("adagrad").create(0.1) instanceof AdaGrad);
    }

    @Test
    void unknownNameListsTheValidOnes() {
        UserInputException e = assertThrows(UserInputException.class, () -> OptimiserChoice.parse("adamw"));
        assertEquals("Unknown optimiser 'adamw'. Valid: sgd, sgd-linear-decay, sgd-sqrt-decay, adagrad, adagrad-rda,"
                + " adadelta, adam, rmsprop, ftrl, pegasos.", e.getMessage());
    }

    @Test
    void settingsRejectNonsenseWithTheOptionName() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> TrainingSettings.defaults().withEpochs(0));
        assertEquals("--epochs is 0; it must be at least 1.", e.getMessage());
        assertThrows(UserInputException.class, () -> TrainingSettings.defaults().withBatchSize(0));
        assertThrows(UserInputException.class,
                () -> TrainingSettings.defaults().withOptimiser(OptimiserChoice.SGD_CONSTANT, -1));
    }
}
