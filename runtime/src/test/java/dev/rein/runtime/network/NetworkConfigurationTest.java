package dev.rein.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.rein.runtime.ReinMessage;
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

/** The trainer as an OLCUT component, its provenance, and the settings it refuses. */
class NetworkConfigurationTest {
    private static final MutableDataset<Label> TRAIN = Rings.of(200, 1L);

    @Test
    void aConfiguredTrainerTrainsWhatOneBuiltInCodeTrainsAndRecordsItsSettings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mlp.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="adam" type="dev.rein.runtime.optim.ReinAdam">
                    <property name="initialLearningRate" value="0.01"/>
                  </component>
                  <component name="mlp" type="dev.rein.runtime.network.FeedForwardTrainer">
                    <propertylist name="hiddenLayers"><item>6</item><item>4</item></propertylist>
                    <property name="activation" value="TANH"/>
                    <property name="optimiser" value="adam"/>
                    <property name="spec" value="none"/>
                    <property name="epochs" value="3"/>
                    <property name="minibatchSize" value="16"/>
                    <property name="seed" value="5"/>
                  </component>
                </config>
                """);
        var configured = (FeedForwardTrainer) new ConfigurationManager(file.toString()).lookup("mlp");
        FeedForwardModel model = configured.train(TRAIN);
        FeedForwardModel inCode = new FeedForwardTrainer(new int[] {6, 4}, Activation.TANH, new ReinAdam(0.01),
                Regularization.none(), 3, 16, 5L).train(TRAIN);
        for (Example<Label> e : TRAIN) {
            assertEquals(inCode.predict(e).getOutput().getScore(), model.predict(e).getOutput().getScore(), 0.0);
        }
        var parameters = model.getProvenance().getTrainerProvenance().getConfiguredParameters();
        assertEquals(new StringProvenance("spec", "none"), parameters.get("spec"));
        assertTrue(parameters.get("optimiser").toString().contains("ReinAdam"), parameters.toString());
        assertTrue(parameters.get("hiddenLayers").toString().contains("6"), parameters.toString());
        assertEquals("2-6-4-2", model.shape());
    }

    @Test
    void settingsOutOfRangeAreRefusedWithWhatWouldBeValid() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FeedForwardTrainer(new int[] {4, 0},
                Activation.RELU, new ReinAdam(), Regularization.none(), 3, 16, 1L));
        assertEquals("[network-setting] FeedForwardTrainer: hiddenLayers is [4, 0]; every width must be at least 1,"
                + " e.g. 256, 128", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FeedForwardTrainer(new int[] {4},
                Activation.RELU, new ReinAdam(), Regularization.none(), 0, 16, 1L));
        assertEquals("network-setting", ReinMessage.tagOf(e).orElseThrow());
        e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("softplus"));
        assertEquals("[network-activation] Unknown activation 'softplus'; use one of: relu, tanh, sigmoid",
                e.getMessage());
    }
}
