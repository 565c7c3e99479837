package dev.rein.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.network.Activation;
import dev.rein.runtime.network.FeedForwardModel;
import dev.rein.runtime.network.FeedForwardTrainer;
import dev.rein.runtime.network.NetworkGradientCheck;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The built-in layer plugins inside Rein's network: gradients, placement, prediction mode, saving. */
class NetworkLayersTest {
    private static Regularization spec(String text) {
        return Regularization.of(text, PluginRegistry.shared());
    }

    @Test
    void gradientsThroughEveryLayerKindMatchFiniteDifferencesWithFixedMasks() {
        String[] specs = {"dropout(p=0.3)", "gaussian_noise(stddev=0.5)", "batch_norm",
                "batch_norm(momentum=0.9, after=1) + dropout(p=0.2, after=2)",
                "dropout(p=0.25) + batch_norm + gaussian_noise(stddev=0.1)"};
        for (String s : specs) {
            for (Activation a : Activation.values()) {
                var worst = NetworkGradientCheck.run(spec(s), new int[] {5, 4}, a, 3L);
                assertTrue(worst.relativeError() < 1e-6, s + " with " + a + ": " + worst);
            }
        }
        // batch_norm after each of the two hidden layers adds gamma and beta of 5 and of 4 units
        assertEquals(4 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3 + 2 * 5 + 2 * 4,
                NetworkGradientCheck.run(spec("batch_norm"), new int[] {5, 4}, Activation.RELU, 3L).checked());
    }

    @Test
    void aLayerAfterAHiddenLayerThatDoesNotExistIsRefusedWithTheValidPositions() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FeedForwardTrainer(new int[] {8, 8},
                Activation.RELU, new ReinAdam(), spec("dropout(p=0.5, after=3)"), 5, 16, 1L));
        assertEquals("network-layer-position", ReinMessage.tagOf(e).orElseThrow());
        assertTrue(e.getMessage().contains("after=1 to after=2"), e.getMessage());
    }

    @Test
    void dropoutAndNoiseAreOffAtPredictionSoPredictionsRepeat() {
        FeedForwardModel model = trainer("dropout(p=0.5) + gaussian_noise(stddev=1)", 5).train(rings(300, 1L));
        Example<Label> e = rings(1, 9L).getExample(0);
        double first = model.predict(e).getOutputScores().get("in").getScore();
        for (int i = 0; i < 5; i++) {
            assertEquals(first, model.predict(e).getOutputScores().get("in").getScore(), 0.0);
        }
    }

    @Test
    void theSameSeedDrawsTheSameMasksAndGivesTheSameModelAnotherSeedAnother() {
        String layers = "dropout(p=0.3) + gaussian_noise(stddev=0.2) + batch_norm";
        Example<Label> e = rings(1, 9L).getExample(0);
        double a = trainer(layers, 3).train(rings(200, 1L)).predict(e).getOutputScores().get("in").getScore();
        double b = trainer(layers, 3).train(rings(200, 1L)).predict(e).getOutputScores().get("in").getScore();
        double c = new FeedForwardTrainer(new int[] {16, 16}, Activation.RELU, new ReinAdam(0.02), spec(layers), 3, 32,
                2L).train(rings(200, 1L)).predict(e).getOutputScores().get("in").getScore();
        assertEquals(a, b, 0.0);
        assertTrue(a != c);
    }

    @Test
    void batchNormStateIsSavedSoALoadedModelPredictsTheSame() throws Exception {
        FeedForwardModel model = trainer("batch_norm + dropout(p=0.1, after=2)", 5).train(rings(300, 1L));
        assertEquals(java.util.List.of("batch_norm(momentum=0.99, epsilon=0.001) after hidden layer 1",
                "batch_norm(momentum=0.99, epsilon=0.001) after hidden layer 2",
                "dropout(p=0.1, after=2) after hidden layer 2"), model.layers());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        FeedForwardModel loaded;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            loaded = (FeedForwardModel) in.readObject();
        }
        for (Example<Label> e : rings(50, 4L)) {
            assertEquals(model.predict(e).getOutputScores().get("in").getScore(),
                    loaded.predict(e).getOutputScores().get("in").getScore(), 0.0);
        }
    }

    @Test
    void regularizedNetworksStillLearnTheRings() {
        MutableDataset<Label> test = rings(400, 2L);
        for (String s : new String[] {"dropout(p=0.1)", "batch_norm", "gaussian_noise(stddev=0.05)",
                "l2(lambda=1e-4) + max_norm(c=3)"}) {
            double accuracy = accuracy(trainer(s, 40).train(rings(600, 1L)), test);
            assertTrue(accuracy > 0.93, s + ": accuracy " + accuracy);
        }
    }

    @Test
    void earlyStoppingStopsAndRecordsTheEpochItRestored() {
        FeedForwardModel model = trainer("early_stopping(patience=2, metric=loss)", 200).train(rings(600, 1L));
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        assertTrue(outcome.stoppedEarly(), outcome.toString());
        assertEquals(outcome.epochsRun() - 2, outcome.modelEpoch(), "patience 2: the best was two epochs earlier");
        assertEquals(outcome.bestEpoch().getAsInt(), outcome.modelEpoch());
        assertTrue(outcome.epochsRun() < 200);
    }

    private static FeedForwardTrainer trainer(String spec, int epochs) {
        return new FeedForwardTrainer(new int[] {16, 16}, Activation.RELU, new ReinAdam(0.02), spec(spec), epochs,
                32, 1L);
    }

    /** "in" inside the unit circle, "out" in the ring from 1.3 to 2: no linear model fits it. */
    static MutableDataset<Label> rings(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("rings", factory), factory);
        for (int i = 0; i < n; i++) {
            boolean inside = i % 2 == 0;
            double radius = inside ? random.nextDouble() : 1.3 + 0.7 * random.nextDouble();
            double angle = 2 * Math.PI * random.nextDouble();
            data.add(new ArrayExample<>(new Label(inside ? "in" : "out"), new String[] {"x", "y"},
                    new double[] {radius * Math.cos(angle), radius * Math.sin(angle)}));
        }
        return data;
    }

    static double accuracy(FeedForwardModel model, Iterable<Example<Label>> data) {
        int right = 0;
        int all = 0;
        for (Example<Label> e : data) {
            all++;
            right += model.predict(e).getOutput().getLabel().equals(e.getOutput().getLabel()) ? 1 : 0;
        }
        return (double) right / all;
    }
}
