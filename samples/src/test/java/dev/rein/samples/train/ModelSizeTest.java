package dev.rein.samples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The model's size is estimated before training and a size that cannot fit is refused with the numbers. */
class ModelSizeTest {
    private static final long GB = 1L << 30;

    @Test
    void countsAWeightPerClassAndFeaturePlusBiasTimesTheCopiesTrainingHolds() {
        MutableDataset<Label> sparse = data(3, 1000, 1);   // 3 classes, 1000 features, one per example
        ModelSize adagrad = ModelSize.of(sparse, TrainingSettings.defaults(), false);
        assertEquals(3 * 1001L, adagrad.weights());
        // weights, model, AdaGrad's state, one gradient (sparse examples), Rein's bookkeeping
        assertEquals(5, adagrad.copies(), adagrad.detail());
        assertEquals(3 * 1001L * 8 * 5, adagrad.bytes());
        ModelSize sgdWithRule = ModelSize.of(sparse, TrainingSettings.defaults()
                .withOptimiser(OptimiserChoice.SGD_CONSTANT, 0.1), true);
        assertEquals(6, sgdWithRule.copies(), sgdWithRule.detail());
        MutableDataset<Label> dense = data(2, 4, 4);
        ModelSize batches = ModelSize.of(dense, TrainingSettings.defaults().withBatchSize(16), false);
        assertEquals(2 + 1 + 16 + 1, batches.copies(), "a dense gradient per example of the mini-batch");
    }

    @Test
    void tenThousandClassesOfAMillionFeaturesAreRefusedWithTheSizeAndTheLimit() {
        ModelSize huge = new ModelSize(10_000, 1_000_000, 5, "the weights, ...");
        UserInputException e = assertThrows(UserInputException.class, () -> huge.check(4 * GB, GB / 2));
        assertEquals("The model would not fit in memory: 10,000 classes x 1,000,001 weights (1,000,000 features and"
                + " a bias) is 10,000,010,000 weights; training holds 5 copies at once (the weights, ...), about"
                + " 372.5 GB, but this JVM may use at most 4.0 GB (its -Xmx limit), of which 3.5 GB are left after"
                + " loading the data. Give Java more memory (e.g. java -Xmx467g -jar rein-cli.jar ..., or"
                + " JDK_JAVA_OPTIONS=-Xmx467g ./rein ...), or use fewer classes or features.", e.getMessage());
    }

    @Test
    void aModelThatFitsPasses() {
        new ModelSize(10, 1000, 5, "").check(GB, 0);
        assertEquals("1.5 KB", ModelSize.bytesInWords(1536));
        assertEquals("12 bytes", ModelSize.bytesInWords(12));
        assertTrue(ModelSize.bytesInWords(3 * GB).equals("3.0 GB"));
    }

    /** {@code classes} labels, {@code features} features, each example holding {@code perExample} of them. */
    private static MutableDataset<Label> data(int classes, int features, int perExample) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("size", labels), labels);
        for (int i = 0; i < features; i += perExample) {
            String[] names = new String[perExample];
            double[] values = new double[perExample];
            for (int k = 0; k < perExample; k++) {
                names[k] = "f" + (i + k);
                values[k] = 1;
            }
            data.add(new ArrayExample<>(new Label("c" + (i / perExample) % classes), names, values));
        }
        return data;
    }
}
