package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.spec.Regularization;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** Same data, spec and seed give bit-identical models, early stopping and a validation split included. */
class DeterminismTest {
    private static final MutableDataset<Label> BLOBS = TestData.blobs(120, 7L);
    private static final Regularization SPEC = TestSpecs.of(TestSpecs.l2(0.01), TestSpecs.patience("accuracy", 2));

    private static LinearSGDModel train(long seed) {
        return new RegularizedLinearClassificationTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), SPEC, 30, 4,
                seed, 0.25).train(BLOBS);
    }

    @Test
    void freshTrainersWithTheSameSeedGiveTheSameModel() {
        LinearSGDModel first = train(11L);
        LinearSGDModel second = train(11L);
        assertArrayEquals(Weights.of(first), Weights.of(second), 0.0);
        TrainingOutcome outcome = TrainingOutcome.of(first).orElseThrow();
        assertEquals(outcome, TrainingOutcome.of(second).orElseThrow());
        assertTrue(outcome.stoppedEarly(), "accuracy levels off on these blobs, so patience 2 ends the run: "
                + outcome);
    }

    @Test
    void anotherSeedGivesAnotherModel() {
        assertFalse(Arrays.equals(Weights.of(train(11L)), Weights.of(train(12L))));
    }
}
