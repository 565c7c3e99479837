package dev.rein.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.sgd.AbstractSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Whole training runs: Tribuo's own SGD trainers (linear and factorization machine, with their bias vector and factor
 * matrices) train the same model with ReinAdaGrad as with Tribuo's AdaGrad, and with ReinRMSProp as with Tribuo's
 * RMSProp, weight for weight, on dense data (every example has every feature: DenseMatrix gradients) and on sparse data
 * (DenseSparseMatrix gradients), with unequal example weights and mini-batches of 1 and 4 (factorization machines on
 * sparse data with mini-batches of 1 only: Tribuo 4.3.2's {@code FMParameters.merge} throws on sparse ones). The one
 * exception is Tribuo's RMSProp on sparse gradients, which is defective (see {@link ReinRMSProp}): there the reference
 * is Tribuo's RMSProp fed the same gradients made dense, to 1e-12.
 */
class TribuoTrainingParityTest {
    private static final MutableDataset<Label> DENSE = blobs(60, 3, 3, 11L);
    private static final MutableDataset<Label> SPARSE = blobs(60, 8, 3, 12L);

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void adaGradTrainsTribuosModel(int batch) {
        for (MutableDataset<Label> data : java.util.List.of(DENSE, SPARSE)) {
            assertSameModel(linear(new AdaGrad(0.5, 0.1), batch), linear(new ReinAdaGrad(0.5, 0.1), batch), data,
                    0.0);
            if (data == DENSE || batch == 1) {   // Tribuo 4.3.2's FMParameters.merge fails on sparse mini-batches
                assertSameModel(fm(new AdaGrad(0.2, 0.1), batch), fm(new ReinAdaGrad(0.2, 0.1), batch), data, 0.0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void rmsPropTrainsTribuosModelOnDenseData(int batch) {
        assertSameModel(linear(new RMSProp(0.01, 0.9, 1e-8, 0.001), batch),
                linear(new ReinRMSProp(0.01, 0.9, 1e-8, 0.001), batch), DENSE, 0.0);
        assertSameModel(fm(new RMSProp(0.01, 0.9), batch), fm(new ReinRMSProp(0.01, 0.9), batch), DENSE, 0.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void rmsPropOnSparseDataTrainsTribuosModelOnTheGradientsMadeDense(int batch) {
        assertSameModel(linear(new Densified(new RMSProp(0.01, 0.9, 1e-8, 0.001)), batch),
                linear(new ReinRMSProp(0.01, 0.9, 1e-8, 0.001), batch), SPARSE, 1e-12);
        if (batch == 1) {   // Tribuo 4.3.2's FMParameters.merge fails on sparse mini-batches
            assertSameModel(fm(new Densified(new RMSProp(0.01, 0.9)), batch), fm(new ReinRMSProp(0.01, 0.9), batch),
                    SPARSE, 1e-12);
        }
        // Tribuo's own RMSProp trains another model on sparse data (its defect), and Densified is not a no-op.
        double[] tribuoSparse = weights(linear(new RMSProp(0.01, 0.9, 1e-8, 0.001), batch).train(SPARSE));
        double[] rein = weights(linear(new ReinRMSProp(0.01, 0.9, 1e-8, 0.001), batch).train(SPARSE));
        assertTrue(maxDifference(tribuoSparse, rein) > 1e-3, "Tribuo's sparse RMSProp differs");
    }

    private static void assertSameModel(Trainer<Label> tribuo, Trainer<Label> rein, Dataset<Label> data,
            double tolerance) {
        double[] expected = weights(tribuo.train(data));
        double[] actual = weights(rein.train(data));
        assertFalse(Arrays.stream(expected).allMatch(w -> w == 0), "the comparison must be of a trained model");
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            Fixtures.assertClose(expected[i], actual[i], tolerance, "parameter " + i);
        }
        if (tolerance == 0) {
            assertArrayEquals(expected, actual, 0.0);
        }
    }

    private static LinearSGDTrainer linear(StochasticGradientOptimiser optimiser, int batch) {
        return new LinearSGDTrainer(new LogMulticlass(), optimiser, 5, -1, batch, 17L);
    }

    private static FMClassificationTrainer fm(StochasticGradientOptimiser optimiser, int batch) {
        return new FMClassificationTrainer(new LogMulticlass(), optimiser, 5, -1, batch, 17L, 2, 0.1);
    }

    private static double[] weights(org.tribuo.Model<Label> model) {
        return Fixtures.flat(((AbstractSGDModel<?>) model).getModelParameters().get());
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /**
     * Three classes around three centres in the first two of {@code features} features; each example has
     * {@code present} of them (the first two and random others), so {@code present == features} is dense data.
     * Example weights vary between 0.5 and 1.5.
     */
    static MutableDataset<Label> blobs(int n, int features, int present, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("blobs", factory), factory);
        String[] labels = {"A", "B", "C"};
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2}};
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            String[] names = new String[present];
            double[] values = new double[present];
            names[0] = "f0";
            names[1] = "f1";
            values[0] = centres[c][0] + random.nextGaussian();
            values[1] = centres[c][1] + random.nextGaussian();
            int[] others = random.ints(2, features).distinct().limit(present - 2).toArray();
            for (int k = 2; k < present; k++) {
                names[k] = "f" + others[k - 2];
                values[k] = random.nextGaussian();
            }
            ArrayExample<Label> example = new ArrayExample<>(new Label(labels[c]), names, values);
            example.setWeight((float) (0.5 + random.nextDouble()));
            data.add(example);
        }
        return data;
    }

    /**
     * Hands the optimiser it wraps every gradient with its absent coordinates stored as zeros: the dense reference
     * for an optimiser whose sparse path is defective.
     */
    static final class Densified implements StochasticGradientOptimiser {
        @Config(mandatory = true, description = "The optimiser that gets dense gradients.")
        private StochasticGradientOptimiser inner;

        /** For OLCUT. */
        private Densified() {
        }

        Densified(StochasticGradientOptimiser inner) {
            this.inner = inner;
        }

        @Override
        public void initialise(Parameters parameters) {
            inner.initialise(parameters);
        }

        @Override
        public Tensor[] step(Tensor[] gradients, double weight) {
            return inner.step(Fixtures.densified(gradients), weight);
        }

        @Override
        public void finalise() {
            inner.finalise();
        }

        @Override
        public void reset() {
            inner.reset();
        }

        @Override
        public Densified copy() {
            return new Densified(inner.copy());
        }

        @Override
        public ConfiguredObjectProvenance getProvenance() {
            return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
        }
    }
}
