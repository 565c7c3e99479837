package dev.rein.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.network.Activation;
import dev.rein.runtime.network.FeedForwardRegressionModel;
import dev.rein.runtime.network.FeedForwardRegressionTrainer;
import dev.rein.runtime.network.NetworkGradientCheck;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** The built-in layer plugins and stopping rule in Rein's regression network. */
class NetworkRegressionLayersTest {
    private static Regularization spec(String text) {
        return Regularization.of(text, PluginRegistry.shared());
    }

    @Test
    void squaredErrorGradientsThroughEveryLayerKindMatchFiniteDifferences() {
        String[] specs = {"dropout(p=0.3)", "gaussian_noise(stddev=0.5)", "batch_norm",
                "dropout(p=0.25) + batch_norm + gaussian_noise(stddev=0.1)"};
        for (String s : specs) {
            for (Activation a : Activation.values()) {
                var worst = NetworkGradientCheck.runSquaredError(spec(s), new int[] {5, 4}, a, 3L);
                assertTrue(worst.relativeError() < 1e-6, s + " with " + a + ": " + worst);
            }
        }
    }

    @Test
    void earlyStoppingOnRmseStopsAndRestoresTheBestEpoch() {
        FeedForwardRegressionModel model = new FeedForwardRegressionTrainer(new int[] {16}, Activation.TANH,
                new ReinAdam(0.05), spec("early_stopping(patience=3, metric=rmse)"), 500, 16, 1L)
                .train(wave(300, 1L));
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        assertTrue(outcome.stoppedEarly(), outcome.toString());
        assertEquals("rmse", outcome.metric().orElseThrow());
        assertEquals(outcome.bestEpoch().getAsInt(), outcome.modelEpoch());
        assertEquals(outcome.epochsRun() - 3, outcome.modelEpoch(), "patience 3: the best was three epochs earlier");
        // The RMSE recorded is that of the restored model, in the target's units, on the held-out 10 %.
        assertTrue(outcome.bestScore().getAsDouble() < 0.3, outcome.toString());
    }

    @Test
    void aClassificationMetricIsRefusedWithTheRegressionMetrics() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FeedForwardRegressionTrainer(new int[] {4},
                Activation.RELU, new ReinAdam(), spec("early_stopping(metric=accuracy)"), 5, 16, 1L));
        assertEquals("trainer-metric-wrong-task", ReinMessage.tagOf(e).orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().contains("rmse"), e.getMessage());
    }

    @Test
    void batchNormStateIsSavedSoALoadedRegressionModelPredictsTheSame() throws Exception {
        MutableDataset<Regressor> data = wave(200, 2L);
        FeedForwardRegressionModel model = new FeedForwardRegressionTrainer(new int[] {8}, Activation.RELU,
                new ReinAdam(0.02), spec("batch_norm + dropout(p=0.1)"), 10, 16, 1L).train(data);
        var loaded = (FeedForwardRegressionModel) Model.deserialize(model.serialize());
        for (Example<Regressor> e : data) {
            assertEquals(Double.doubleToRawLongBits(model.predict(e).getOutput().getValues()[0]),
                    Double.doubleToRawLongBits(loaded.predict(e).getOutput().getValues()[0]));
        }
        assertEquals(model.layers(), loaded.layers());
    }

    /** {@code y = sin(2x) + noise} on [-2, 2]. */
    static MutableDataset<Regressor> wave(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("wave", factory),
                factory);
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble(-2, 2);
            data.add(new ArrayExample<>(new Regressor("y", Math.sin(2 * x) + 0.1 * random.nextGaussian()),
                    new String[] {"x"}, new double[] {x}));
        }
        return data;
    }
}
