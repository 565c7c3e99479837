package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Without a stopping rule, Rein's trainers give the model Tribuo's own trainer gives with the same optimiser
 * wrapped in a RegularizedOptimiser, epochs, batch size and seed: the re-implemented loop adds nothing but reads at
 * the epoch ends. Compared over every parameter with zero tolerance, except where a lazily applied penalty is
 * caught up at each epoch end (rounding only, 1e-14).
 */
class TribuoParityTest {
    private static final MutableDataset<Label> BLOBS = TestData.blobs(90, 3L);
    private static final MutableDataset<Regressor> LINE = TestData.line(60, 2.0, 0.1, 4L);

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 7})
    void linearClassificationMatchesTribuo(int batch) {
        Regularization l2 = TestSpecs.of(TestSpecs.l2(0.01));
        var tribuo = new LinearSGDTrainer(new LogMulticlass(),
                new RegularizedOptimiser(new AdaGrad(0.5, 0.1), l2, batch), 6, -1, batch, 17L);
        var rein = new RegularizedLinearClassificationTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), l2, 6,
                batch, 17L);
        // l2 under AdaGrad runs decoupled and lazily; Rein's loop catches the lazy decay up at every epoch end,
        // Tribuo's only at the end, so the same decay is rounded differently (about 1 ulp), never more.
        double[] expected = Weights.of(tribuo.train(BLOBS));
        assertArrayEquals(expected, Weights.of(rein.train(BLOBS)), 1e-14);
        // A second call advances both random streams alike.
        assertArrayEquals(Weights.of(tribuo.train(BLOBS)), Weights.of(rein.train(BLOBS)), 1e-14);
        assertEquals(tribuo.getInvocationCount(), rein.getInvocationCount());
    }

    @Test
    void linearClassificationWithoutRegularizationMatchesPlainTribuo() {
        var tribuo = new LinearSGDTrainer(new Hinge(), SGD.getLinearDecaySGD(0.1), 5, -1, 1, 9L);
        var rein = new RegularizedLinearClassificationTrainer(new Hinge(), SGD.getLinearDecaySGD(0.1),
                Regularization.none(), 5, 1, 9L);
        double[] expected = Weights.of(tribuo.train(BLOBS));
        assertArrayEquals(expected, Weights.of(rein.train(BLOBS)), 0.0);
        assertFalse(Arrays.stream(expected).allMatch(w -> w == 0), "the comparison must be of a trained model");
    }

    @Test
    void settingTheInvocationCountReplaysTribuosRandomStream() {
        var tribuo = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 3, -1, 1, 5L);
        var rein = new RegularizedLinearClassificationTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1),
                Regularization.none(), 3, 1, 5L);
        tribuo.train(BLOBS);
        tribuo.train(BLOBS);
        double[] third = Weights.of(tribuo.train(BLOBS));
        assertArrayEquals(third, Weights.of(rein.train(BLOBS, java.util.Map.of(), 2)), 0.0);
        assertEquals(3, rein.getInvocationCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void linearRegressionMatchesTribuo(int batch) {
        Regularization l2 = TestSpecs.of(TestSpecs.l2(0.1));
        var tribuo = new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(),
                new RegularizedOptimiser(SGD.getSimpleSGD(0.01), l2, batch), 8, -1, batch, 2L);
        var rein = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.01), l2, 8, batch,
                2L);
        assertArrayEquals(Weights.of(tribuo.train(LINE)), Weights.of(rein.train(LINE)), 0.0);
    }

    @Test
    void factorizationMachineClassificationMatchesTribuo() {
        Regularization l2 = TestSpecs.of(TestSpecs.l2(0.01));
        var tribuo = new FMClassificationTrainer(new LogMulticlass(),
                new RegularizedOptimiser(new AdaGrad(0.1, 0.1), l2, 1), 4, -1, 1, 8L, 3, 0.1);
        var rein = new RegularizedFMClassificationTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), l2, 4, 1, 8L,
                3, 0.1);
        assertArrayEquals(Weights.of(tribuo.train(BLOBS)), Weights.of(rein.train(BLOBS)), 0.0);
    }

    @Test
    void factorizationMachinesRefuseSparseMiniBatchesThatTribuoCannotMerge() {
        var rein = new RegularizedFMClassificationTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1),
                Regularization.none(), 4, 2, 8L, 3, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rein.train(BLOBS));
        assertEquals(Optional.of("trainer-fm-sparse-batch"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().contains("RegularizedFMClassificationTrainer: example 1 has 3 of the 4 features"),
                e.getMessage());
    }

    @Test
    void factorizationMachineRegressionMatchesTribuo() {
        Regularization l2 = TestSpecs.of(TestSpecs.l2(0.01));
        var tribuo = new FMRegressionTrainer(new SquaredLoss(),
                new RegularizedOptimiser(new AdaGrad(0.1, 0.1), l2, 3), 4, -1, 3, 8L, 2, 0.1, true);
        var rein = new RegularizedFMRegressionTrainer(new SquaredLoss(), new AdaGrad(0.1, 0.1), l2, 4, 3, 8L, 2,
                0.1, true);
        assertArrayEquals(Weights.of(tribuo.train(LINE)), Weights.of(rein.train(LINE)), 0.0);
    }
}
