package dev.rein.samples.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.spec.Regularization;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * {@code --learning-rate} is the step on the mean gradient of a mini-batch at every batch size: Tribuo multiplies a
 * batch's summed gradient by the batch size, so Rein hands SGD the rate divided by {@code b²}, and the default rates
 * train without diverging from batches of 1 to batches of 256.
 */
class LearningRateTest {
    private static final MutableDataset<Label> DATA = data(512, 8, 3.0, 11L);

    @Test
    void sgdGetsTheRateOverTheBatchSizeSquaredAndOtherwiseIsTribuoItself() {
        TrainingSettings settings = new TrainingSettings(3, 5L, OptimiserChoice.SGD_CONSTANT, 0.1, 8);
        LinearSGDModel rein = (LinearSGDModel) TrainingJob.run(DATA, null, Regularization.none(), settings).model();
        LinearSGDModel tribuo = new LinearSGDTrainer(new LogMulticlass(), SGD.getSimpleSGD(0.1 / 64), 3, -1, 8, 5L)
                .train(DATA);
        assertArrayEquals(weights(tribuo), weights(rein), 0.0, "bit-identical to Tribuo at rate 0.1 / 8²");
    }

    @Test
    void theSameRateTakesTheSameStepOnTheMeanAtEveryBatchSize() {
        // k copies of the same two examples in one batch of 2k: the mean gradient is the same for every k, so one
        // epoch (one step from zero) must give the same weights. Under Tribuo's own rate the step grows as (2k)².
        double[] first = null;
        for (int k : new int[] {1, 2, 8, 64}) {
            LabelFactory labels = new LabelFactory();
            MutableDataset<Label> copies = new MutableDataset<>(new SimpleDataSourceProvenance("copies", labels),
                    labels);
            for (int i = 0; i < k; i++) {
                copies.add(new ArrayExample<>(new Label("a"), new String[] {"x"}, new double[] {1.0}));
                copies.add(new ArrayExample<>(new Label("b"), new String[] {"x"}, new double[] {-1.0}));
            }
            TrainingSettings settings = new TrainingSettings(1, 1L, OptimiserChoice.SGD_CONSTANT, 0.1, 2 * k);
            double[] w = weights((LinearSGDModel) TrainingJob.run(copies, null, Regularization.none(), settings).model());
            if (first == null) {
                first = w;
                assertTrue(Math.abs(w[0]) > 0.01, "one step moved the weight: " + w[0]);
            }
            assertArrayEquals(first, w, 1e-12, "batch of " + 2 * k);
        }
    }

    @Test
    void everyDefaultRateTrainsFromBatchesOf1To256WithoutDiverging() {
        for (OptimiserChoice choice : OptimiserChoice.values()) {
            for (int b : new int[] {1, 2, 8, 32, 128, 256}) {
                TrainingSettings settings = new TrainingSettings(4, 3L, choice, choice.defaultLearningRate(), b);
                TrainingResult r;
                try {
                    r = TrainingJob.run(DATA, null, Regularization.none(), settings);
                } catch (RuntimeException e) {
                    throw new AssertionError(choice + " at batch " + b + ": " + e.getMessage(), e);
                }
                assertTrue(Double.isFinite(r.weightNorm()), choice + " at batch " + b);
                if (b <= 8 && choice != OptimiserChoice.ADADELTA) {
                    assertTrue(r.trainAccuracy() > 0.75, choice + " at batch " + b + ": " + r.trainAccuracy());
                }
            }
        }
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OptimiserChoice.SGD_CONSTANT.create(0.1, 0));
    }

    private static double[] weights(LinearSGDModel model) {
        DenseMatrix w = (DenseMatrix) model.getWeightsCopy();
        double[] out = new double[w.getDimension1Size() * w.getDimension2Size()];
        for (int i = 0; i < w.getDimension1Size(); i++) {
            for (int j = 0; j < w.getDimension2Size(); j++) {
                out[i * w.getDimension2Size() + j] = w.get(i, j);
            }
        }
        return out;
    }

    /** Separable by x0 - x1, with features of scale {@code scale}. */
    static MutableDataset<Label> data(int n, int features, double scale, long seed) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("lr", labels), labels);
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = new String[features];
        for (int j = 0; j < features; j++) {
            names[j] = "x" + j;
        }
        for (int i = 0; i < n; i++) {
            double[] x = new double[features];
            for (int j = 0; j < features; j++) {
                x[j] = scale * (2 * random.nextDouble() - 1);
            }
            data.add(new ArrayExample<>(new Label(x[0] - x[1] > 0 ? "pos" : "neg"), names, x));
        }
        return data;
    }
}
