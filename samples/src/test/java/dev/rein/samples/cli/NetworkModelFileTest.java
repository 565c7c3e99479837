package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.network.Activation;
import dev.rein.runtime.network.FeedForwardModel;
import dev.rein.runtime.network.FeedForwardTrainer;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.data.DataFiles;
import dev.rein.samples.train.ModelFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * A network with the built-in layers (batch normalization's running averages and learned scale and shift, dropout)
 * saved as {@code rein train --save} saves it, in Tribuo's protobuf format, and loaded with Tribuo's
 * {@code Model.deserializeFromFile}.
 */
class NetworkModelFileTest {
    @TempDir
    Path dir;

    @Test
    void aNetworkWithBatchNormAndDropoutLoadsAndPredictsBitForBitTheSame() throws Exception {
        MutableDataset<Label> train = new DataFiles("label").loadTraining(
                TestData.csv(dir.resolve("train.csv"), 300, 5, 7));
        MutableDataset<Label> test = new DataFiles("label").loadTraining(
                TestData.csv(dir.resolve("test.csv"), 100, 5, 8));
        FeedForwardModel model = new FeedForwardTrainer(new int[] {12, 6}, Activation.RELU, new ReinAdam(0.01),
                "batch_norm(momentum=0.9) + dropout(p=0.2, after=2) + l2(lambda=1e-4)", PluginRegistry.shared(),
                8, 32, 4L).train(train);
        Path file = dir.resolve("net.tribuo");
        ModelFile.check(file, Map.of()).write(model);

        FeedForwardModel loaded = assertInstanceOf(FeedForwardModel.class, Model.deserializeFromFile(file));
        assertEquals(List.of("batch_norm(momentum=0.9, epsilon=0.001) after hidden layer 1",
                "batch_norm(momentum=0.9, epsilon=0.001) after hidden layer 2",
                "dropout(p=0.2, after=2) after hidden layer 2"), loaded.layers());
        assertEquals(model.getProvenance(), loaded.getProvenance());
        int agree = 0;
        for (Example<Label> e : test) {
            for (Map.Entry<String, Label> s : model.predict(e).getOutputScores().entrySet()) {
                assertEquals(Double.doubleToRawLongBits(s.getValue().getScore()), Double.doubleToRawLongBits(
                        loaded.predict(e).getOutputScores().get(s.getKey()).getScore()));
            }
            agree += model.predict(e).getOutput().getLabel().equals(e.getOutput().getLabel()) ? 1 : 0;
        }
        assertTrue(agree > 80, "the network learned the sign of x0 - x1: " + agree + " of 100");
    }

    @Test
    void reinTrainSavesANetworkThatTribuoLoads() throws Exception {
        Path train = TestData.csv(dir.resolve("train.csv"), 200, 4, 3);
        Path file = dir.resolve("mlp.tribuo");
        CliRun run = CliRun.of("train", "--model", "mlp", "--layers", "8", "--data", train.toString(),
                "--spec", "batch_norm", "--epochs", "2", "--save", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        FeedForwardModel loaded = assertInstanceOf(FeedForwardModel.class, Model.deserializeFromFile(file));
        assertEquals("4-8-2", loaded.shape());
        assertEquals(List.of("batch_norm(momentum=0.99, epsilon=0.001) after hidden layer 1"), loaded.layers());
    }
}
