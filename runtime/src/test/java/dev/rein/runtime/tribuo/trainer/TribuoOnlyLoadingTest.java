package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * A model trained with Rein (l2 and early stopping) is an ordinary Tribuo model: saved with
 * {@code Model.serializeToFile}, it loads and predicts in a class loader that holds only the Tribuo, OLCUT and
 * protobuf jars of the class path, under the platform class loader: no Rein class is reachable there.
 */
class TribuoOnlyLoadingTest {
    @Test
    void aSavedModelLoadsAndPredictsWithTribuoAlone(@TempDir Path dir) throws Exception {
        var trainer = new RegularizedLinearClassificationTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1),
                TestSpecs.of(TestSpecs.l2(0.01), TestSpecs.patience("loss", 2)), 30, 1, 3L);
        LinearSGDModel model = trainer.train(TestData.blobs(90, 5L));
        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        String[] names = {"x0", "x1", "n0"};
        double[] values = {0.3, 1.7, -0.2};
        Prediction<Label> here = model.predict(new ArrayExample<>(new Label("UNKNOWN"), names, values));

        try (TribuoOnlyLoader tribuo = new TribuoOnlyLoader()) {
            assertThrows(ClassNotFoundException.class,
                    () -> tribuo.classLoader().loadClass(RegularizedLinearClassificationTrainer.class.getName()));
            Object loaded = tribuo.loadModel(file);
            assertEquals(LinearSGDModel.class.getName(), loaded.getClass().getName());
            assertTrue(loaded.getClass().getClassLoader() == tribuo.classLoader(), "loaded by the Tribuo-only loader");

            TribuoOnlyLoader.LabelPrediction there = tribuo.predictLabel(file, names, values);
            assertEquals(here.getOutput().getLabel(), there.label());
            assertEquals(here.getOutput().getScore(), there.score(), 0.0);

            TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
            assertEquals(String.valueOf(outcome.bestEpoch().getAsInt()),
                    TribuoOnlyLoader.runProvenance(loaded, TrainingOutcome.BEST_EPOCH));
            assertEquals(outcome.stopReason(), TribuoOnlyLoader.runProvenance(loaded, TrainingOutcome.STOP_REASON));
            assertEquals("l2(lambda=0.01) + patience(metric=loss, patience=2)",
                    TribuoOnlyLoader.runProvenance(loaded, TrainingOutcome.SPEC));
        }
    }
}
