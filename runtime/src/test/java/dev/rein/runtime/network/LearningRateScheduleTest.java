package dev.rein.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.optim.CosineRate;
import dev.rein.runtime.optim.ExponentialRate;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.spec.Regularization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.math.optimisers.SGD;

/** The network trainer's learning-rate schedule: applied at each step, recorded, configurable, refused where wrong. */
class LearningRateScheduleTest {
    private static final MutableDataset<Label> TRAIN = Rings.of(300, 1L);
    private static final MutableDataset<Label> TEST = Rings.of(100, 2L);

    private static FeedForwardTrainer trainer(int epochs) {
        return new FeedForwardTrainer(new int[] {8}, Activation.RELU, new ReinAdam(0.02), Regularization.none(),
                epochs, 32, 3L);
    }

    @Test
    void aRateScheduledToNothingAfterTheFirstEpochLeavesTheFirstEpochsModel() {
        // exponential(gamma=1e-300): epoch 1 at the full rate, epoch 2 at 1e-300 of it, which moves no weight
        FeedForwardModel scheduled = trainer(2).withLearningRateSchedule(new ExponentialRate(1e-300)).train(TRAIN);
        FeedForwardModel oneEpoch = trainer(1).train(TRAIN);
        FeedForwardModel twoEpochs = trainer(2).train(TRAIN);
        double largest = 0;
        for (Example<Label> e : TEST) {
            assertEquals(score(oneEpoch, e), score(scheduled, e), 1e-15);
            largest = Math.max(largest, Math.abs(score(twoEpochs, e) - score(scheduled, e)));
        }
        assertTrue(largest > 1e-3, "a second epoch at the full rate moves the model: " + largest);
    }

    @Test
    void cosineTrainsDeterministicallyAndTheProvenanceRecordsIt() {
        FeedForwardTrainer cosine = trainer(20).withLearningRateSchedule(new CosineRate(0.0));
        FeedForwardModel a = cosine.train(TRAIN);
        FeedForwardModel b = trainer(20).withLearningRateSchedule(new CosineRate(0.0)).train(TRAIN);
        for (Example<Label> e : TEST) {
            assertEquals(score(a, e), score(b, e), 0.0);
        }
        assertTrue(Rings.accuracy(a, TEST) > 0.8, "accuracy " + Rings.accuracy(a, TEST));
        var parameters = a.getProvenance().getTrainerProvenance().getConfiguredParameters();
        assertTrue(parameters.get("learningRateSchedule").toString().contains(CosineRate.class.getName()),
                parameters.toString());
        assertTrue(parameters.get("learningRateSchedule").toString().contains("minFactor"), parameters.toString());
        assertTrue(cosine.toString().endsWith(",learningRateSchedule=cosine(min=0.0))"), cosine.toString());
    }

    @Test
    void aConfiguredScheduleTrainsWhatOneSetInCodeTrains(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mlp.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="adam" type="dev.rein.runtime.optim.ReinAdam">
                    <property name="initialLearningRate" value="0.02"/>
                  </component>
                  <component name="cosine" type="dev.rein.runtime.optim.CosineRate">
                    <property name="minFactor" value="0.1"/>
                  </component>
                  <component name="mlp" type="dev.rein.runtime.network.FeedForwardTrainer">
                    <propertylist name="hiddenLayers"><item>8</item></propertylist>
                    <property name="optimiser" value="adam"/>
                    <property name="learningRateSchedule" value="cosine"/>
                    <property name="epochs" value="5"/>
                    <property name="minibatchSize" value="32"/>
                    <property name="seed" value="3"/>
                  </component>
                </config>
                """);
        var configured = (FeedForwardTrainer) new ConfigurationManager(file.toString()).lookup("mlp");
        FeedForwardModel model = configured.train(TRAIN);
        FeedForwardModel inCode = trainer(5).withLearningRateSchedule(new CosineRate(0.1)).train(TRAIN);
        for (Example<Label> e : TEST) {
            assertEquals(score(inCode, e), score(model, e), 0.0);
        }
    }

    @Test
    void aScheduleUnderMomentumIsRefusedBeforeTraining() {
        FeedForwardTrainer momentum = new FeedForwardTrainer(new int[] {8}, Activation.RELU,
                SGD.getSimpleSGD(0.1, 0.9, SGD.Momentum.STANDARD), Regularization.none(), 2, 32, 3L);
        var e = assertThrows(IllegalArgumentException.class,
                () -> momentum.withLearningRateSchedule(new CosineRate(0.0)));
        assertEquals("network-rate-schedule", ReinMessage.tagOf(e).orElseThrow());
        assertTrue(e.getMessage().contains("cosine(min=0.0)"), e.getMessage());
    }

    private static double score(FeedForwardModel model, Example<Label> e) {
        return model.predict(e).getOutput().getScore();
    }
}
