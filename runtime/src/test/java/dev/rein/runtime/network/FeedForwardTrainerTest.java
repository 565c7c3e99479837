package dev.rein.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.TrainingDivergedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.math.optimisers.SGD;

class FeedForwardTrainerTest {
    private static final MutableDataset<Label> TRAIN = Rings.of(600, 1L);
    private static final MutableDataset<Label> TEST = Rings.of(400, 2L);

    private static FeedForwardTrainer trainer(int[] hidden, long seed) {
        return new FeedForwardTrainer(hidden, Activation.RELU, new ReinAdam(0.02), Regularization.none(), 60, 32,
                seed);
    }

    @Test
    void hiddenLayersSeparateRingsThatNoLinearModelCan() {
        double network = Rings.accuracy(trainer(new int[] {16, 16}, 1L).train(TRAIN), TEST);
        double linear = Rings.accuracy(trainer(new int[0], 1L).train(TRAIN), TEST);
        assertTrue(network > 0.95, "network accuracy " + network);
        assertTrue(linear < 0.75, "softmax regression accuracy " + linear);
    }

    @Test
    void sameDataAndSeedGiveTheSameModelAndAnotherSeedAnother() {
        FeedForwardModel a = trainer(new int[] {8}, 5L).train(TRAIN);
        FeedForwardModel b = trainer(new int[] {8}, 5L).train(TRAIN);
        FeedForwardModel c = trainer(new int[] {8}, 6L).train(TRAIN);
        Example<Label> e = TEST.getExample(0);
        assertEquals(score(a, e), score(b, e), 0.0);
        assertTrue(score(a, e) != score(c, e));
    }

    @Test
    void javaSerializationRoundTripsAndPredictsTheSame() throws Exception {
        FeedForwardModel model = trainer(new int[] {8, 4}, 3L).train(TRAIN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        FeedForwardModel loaded;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            loaded = (FeedForwardModel) in.readObject();
        }
        for (Example<Label> e : TEST) {
            assertEquals(score(model, e), score(loaded, e), 0.0);
        }
        assertEquals(model.getProvenance(), loaded.getProvenance());
        assertEquals("2-8-4-2", loaded.shape());
    }

    @Test
    void probabilitiesSumToOneAndTheOutputIsTheMostLikelyLabel() {
        FeedForwardModel model = trainer(new int[] {8}, 3L).train(TRAIN);
        var p = model.predict(TEST.getExample(1));
        double in = p.getOutputScores().get("in").getScore();
        double out = p.getOutputScores().get("out").getScore();
        assertEquals(1.0, in + out, 1e-12);
        assertEquals(in > out ? "in" : "out", p.getOutput().getLabel());
        assertTrue(model.generatesProbabilities());
    }

    @Test
    void topFeaturesRankInputsByTheNormOfTheirFirstLayerColumn() {
        FeedForwardModel model = trainer(new int[] {8}, 3L).train(TRAIN);
        var top = model.getTopFeatures(1).get(org.tribuo.Model.ALL_OUTPUTS);
        assertEquals(1, top.size());
        var all = model.getTopFeatures(-1).get(org.tribuo.Model.ALL_OUTPUTS);
        assertEquals(2, all.size());
        assertTrue(all.get(0).getB() >= all.get(1).getB());
        var why = model.getExcuse(TEST.getExample(0)).orElseThrow();
        assertEquals(2, why.excuse("in").size());
        assertEquals(model.predict(TEST.getExample(0)).getOutput().getLabel(), why.getPrediction().getOutput()
                .getLabel());
    }

    /**
     * The optimiser leaves the finiteness check to the parameters' update (one pass it makes anyway): a rate that
     * overflows the weights still stops training at the step, naming the update.
     */
    @Test
    void anUpdateThatOverflowsTheWeightsStopsTrainingAtItsStep() {
        var trainer = new FeedForwardTrainer(new int[] {8}, Activation.RELU, new ReinAdam(1e308),
                Regularization.none(), 3, 32, 1L);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.train(TRAIN));
        assertEquals(1, e.epoch());
        assertTrue(e.getMessage().contains("update"), e.getMessage());
        assertTrue(e.getMessage().contains("at step"), e.getMessage());
    }

    @Test
    void plainSgdStepsOnTheMeanGradient() {
        // One epoch, one batch of everything, SGD: the step is on the mean gradient, so the data and the data with
        // every example twice (the same mean, twice the sum) give the same model from the same initialization.
        MutableDataset<Label> twice = new MutableDataset<>(TRAIN.getProvenance(), TRAIN.getOutputFactory());
        for (Example<Label> e : TRAIN) {
            twice.add(e);
            twice.add(e);
        }
        var once = new FeedForwardTrainer(new int[] {4}, Activation.TANH, SGD.getSimpleSGD(0.5),
                Regularization.none(), 1, TRAIN.size(), 9L);
        var doubled = new FeedForwardTrainer(new int[] {4}, Activation.TANH, SGD.getSimpleSGD(0.5),
                Regularization.none(), 1, twice.size(), 9L);
        NetworkState a = once.train(TRAIN).state();
        NetworkState b = doubled.train(twice).state();
        for (int layer = 0; layer < 2; layer++) {
            for (int r = 0; r < a.weights()[layer].length; r++) {
                assertArrayEquals(a.weights()[layer][r], b.weights()[layer][r], 1e-12);
            }
        }
    }

    @Test
    void anL2PenaltyShrinksWeightsInProportionToLambdaAndLeavesBiasesAlone() {
        // Softmax regression, one SGD step on one batch: w1 = w0 - eta (g + lambda w0), so the change that l2 makes
        // is -eta lambda w0: twice as large at twice the lambda. Biases are exempt: the same with or without l2.
        NetworkState none = l2Run(0);
        NetworkState l2 = l2Run(0.1);
        NetworkState l2Twice = l2Run(0.2);
        double[][] w = none.weights()[0];
        for (int r = 0; r < w.length; r++) {
            for (int c = 0; c < w[r].length; c++) {
                double change = l2.weights()[0][r][c] - w[r][c];
                assertEquals(2 * change, l2Twice.weights()[0][r][c] - w[r][c], 1e-12);
                assertTrue(Math.abs(change) > 1e-6, "l2 moved the weight");
            }
        }
        assertArrayEquals(none.biases()[0], l2.biases()[0], 0.0);
    }

    private static NetworkState l2Run(double lambda) {
        Regularization reg = lambda == 0 ? Regularization.none()
                : dev.rein.runtime.tribuo.TestTerms.of(dev.rein.runtime.tribuo.TestTerms.l2(lambda));
        return new FeedForwardTrainer(new int[0], Activation.RELU, SGD.getSimpleSGD(0.5), reg, 1, TRAIN.size(), 4L)
                .train(TRAIN).state();
    }

    @Test
    void maxNormCapsEachUnitsIncomingWeights() {
        Regularization reg = dev.rein.runtime.tribuo.TestTerms.of(
                dev.rein.runtime.tribuo.TestTerms.maxNorm(0.5, dev.rein.runtime.spec.Target.WEIGHTS));
        NetworkState s = new FeedForwardTrainer(new int[] {6}, Activation.RELU, new ReinAdam(0.05), reg, 20, 32, 4L)
                .train(TRAIN).state();
        for (double[][] layer : s.weights()) {
            for (double[] unit : layer) {
                double norm = 0;
                for (double v : unit) {
                    norm += v * v;
                }
                assertTrue(Math.sqrt(norm) <= 0.5 + 1e-12, "a unit's norm " + Math.sqrt(norm));
            }
        }
    }

    private static double score(FeedForwardModel model, Example<Label> e) {
        return model.predict(e).getOutputScores().get("in").getScore();
    }

    @Test
    void gradientsMatchFiniteDifferencesForEveryActivation() {
        for (Activation a : Activation.values()) {
            var worst = NetworkGradientCheck.run(Regularization.none(), new int[] {5, 4}, a, 11L);
            assertTrue(worst.relativeError() < 1e-6, a + ": " + worst);
            assertEquals(4 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3, worst.checked());
        }
        assertArrayEquals(new int[0], new int[0]);
    }
}
