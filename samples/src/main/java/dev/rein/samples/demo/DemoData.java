package dev.rein.samples.demo;

import java.util.SplittableRandom;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A binary problem built to overfit: few training examples, many features, only a handful of which carry signal.
 * Without regularization a linear model fits the noise features and generalizes poorly; an L1 or L2 penalty
 * keeps it to the signal.
 *
 * <pre>{@code
 * DemoData data = DemoData.generate(150, 2000, 300, 5, 42L);
 * data.train().size();   // 150
 * }</pre>
 *
 * <p>Each feature is standard normal; the label is the sign of {@code Σ_{j<informative} w*_j·x_j + noise}
 * with {@code w*_j} drawn once per data set and label noise flipping 5% of the labels.
 */
public final class DemoData {
    private static final LabelFactory LABELS = new LabelFactory();

    private final MutableDataset<Label> train;
    private final MutableDataset<Label> test;
    private final int features;
    private final int informative;

    private DemoData(MutableDataset<Label> train, MutableDataset<Label> test, int features, int informative) {
        this.train = train;
        this.test = test;
        this.features = features;
        this.informative = informative;
    }

    /**
     * Generates the data set.
     *
     * @param trainSize   training examples
     * @param testSize    test examples
     * @param features    features in all
     * @param informative features that carry signal (the first ones)
     * @param seed        fixes everything
     */
    public static DemoData generate(int trainSize, int testSize, int features, int informative, long seed) {
        if (informative < 1 || informative > features) {
            throw new IllegalArgumentException("informative must be in [1, features], was " + informative);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] truth = new double[informative];
        for (int j = 0; j < informative; j++) {
            truth[j] = (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble());
        }
        String[] names = new String[features];
        for (int j = 0; j < features; j++) {
            names[j] = String.format("f%04d", j);
        }
        return new DemoData(sample("demo-train", trainSize, names, truth, random),
                sample("demo-test", testSize, names, truth, random), features, informative);
    }

    private static MutableDataset<Label> sample(String name, int size, String[] names, double[] truth,
            SplittableRandom random) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(name, LABELS), LABELS);
        for (int i = 0; i < size; i++) {
            double[] x = new double[names.length];
            double score = 0;
            for (int j = 0; j < x.length; j++) {
                x[j] = gaussian(random);
                if (j < truth.length) {
                    score += truth[j] * x[j];
                }
            }
            boolean positive = score + 0.5 * gaussian(random) > 0;
            if (random.nextDouble() < 0.05) {
                positive = !positive;
            }
            data.add(new ArrayExample<>(new Label(positive ? "pos" : "neg"), names, x));
        }
        return data;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller keeps the data a pure function of the seed on every JDK.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public MutableDataset<Label> train() {
        return train;
    }

    public MutableDataset<Label> test() {
        return test;
    }

    public int features() {
        return features;
    }

    public int informative() {
        return informative;
    }
}
