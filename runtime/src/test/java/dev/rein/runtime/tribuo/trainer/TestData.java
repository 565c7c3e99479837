package dev.rein.runtime.tribuo.trainer;

import java.util.SplittableRandom;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Small seeded datasets. */
final class TestData {
    private TestData() {
    }

    /**
     * Three classes around (-2, 0), (2, 0) and (0, 2), with one of two noise features each: every example is
     * sparse, as Tribuo cannot merge dense and sparse gradients in one mini-batch.
     */
    static MutableDataset<Label> blobs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("blobs", factory), factory);
        String[] labels = {"A", "B", "C"};
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2}};
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            double[] values = {centres[c][0] + random.nextGaussian(), centres[c][1] + random.nextGaussian(),
                    random.nextGaussian()};
            String[] names = {"x0", "x1", i % 2 == 0 ? "n0" : "n1"};
            data.add(new ArrayExample<>(new Label(labels[c]), names, values));
        }
        return data;
    }

    /** {@code y = slope·x + noise} for {@code x} uniform in [-1, 1], plus a second feature of pure noise. */
    static MutableDataset<Regressor> line(int n, double slope, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("line", factory),
                factory);
        for (int i = 0; i < n; i++) {
            double x = 2 * random.nextDouble() - 1;
            double z = random.nextGaussian();
            double y = slope * x + noise * random.nextGaussian();
            data.add(new ArrayExample<>(new Regressor("y", y), new String[] {"x", "z"}, new double[] {x, z}));
        }
        return data;
    }
}
