package dev.rein.samples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a seeded sparse binary classification set, like bag-of-words text: many features, few non-zeros per
 * example, a label from a sparse linear truth plus noise. Same arguments, same rows.
 *
 * <pre>{@code
 * SparseSetGenerator g = new SparseSetGenerator(1_000_000, 50, 0.05, 0.25, 42L);
 * SparseSetGenerator.Split data = g.generate(100_000, 10_000);
 * LibSvmFiles.write(data.train(), cache.resolve("sparse-train.libsvm"));
 * }</pre>
 *
 * <p>How a row is made: {@code nonZeros} distinct indices drawn with a skew towards small indices
 * ({@code 1 + ⌊features·u⁴⌋}, {@code u} uniform, so low indices are frequent as common words are: a quarter of
 * all draws fall on the first 4,000 of a million), values drawn from the standard exponential distribution, rounded
 * to 4 decimals. The truth gives each feature
 * a standard normal weight with probability {@code truthDensity}, else zero. An example's label is {@code 1} when
 * {@code truth·x + noise·σ·N(0,1)} (σ the standard deviation of {@code truth·x} over the training rows) exceeds the
 * training rows' median of that score, else {@code -1}: the classes are balanced.
 */
public final class SparseSetGenerator {
    private final int features;
    private final int nonZeros;
    private final double truthDensity;
    private final double noise;
    private final long seed;

    /**
     * @throws IllegalArgumentException if {@code nonZeros} is not in {@code [1, features]}, the density is not in
     *                                  {@code (0, 1]} or the noise is negative
     */
    public SparseSetGenerator(int features, int nonZeros, double truthDensity, double noise, long seed) {
        if (features < 1 || nonZeros < 1 || nonZeros > features) {
            throw new IllegalArgumentException("nonZeros must be between 1 and features (" + features + "), got "
                    + nonZeros);
        }
        if (!(truthDensity > 0 && truthDensity <= 1)) {
            throw new IllegalArgumentException("truthDensity must be in (0, 1], got " + truthDensity);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be at least 0, got " + noise);
        }
        this.features = features;
        this.nonZeros = nonZeros;
        this.truthDensity = truthDensity;
        this.noise = noise;
        this.seed = seed;
    }

    /** The generated training and test rows. */
    public record Split(List<SparseRow> train, List<SparseRow> test) {
    }

    /** Generates {@code trainExamples} training rows and {@code testExamples} test rows. */
    public Split generate(int trainExamples, int testExamples) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] truth = truth(random);
        int total = trainExamples + testExamples;
        int[][] indices = new int[total][];
        double[][] values = new double[total][];
        double[] scores = new double[total];
        for (int e = 0; e < total; e++) {
            indices[e] = drawIndices(random);
            values[e] = drawValues(random);
            double score = 0;
            for (int i = 0; i < nonZeros; i++) {
                score += truth[indices[e][i]] * values[e][i];
            }
            scores[e] = score;
        }
        double sigma = standardDeviation(scores, trainExamples);
        for (int e = 0; e < total; e++) {
            scores[e] += noise * sigma * random.nextGaussian();
        }
        double threshold = Median.of(Arrays.copyOf(scores, trainExamples));
        List<SparseRow> train = new ArrayList<>(trainExamples);
        List<SparseRow> test = new ArrayList<>(testExamples);
        for (int e = 0; e < total; e++) {
            SparseRow row = new SparseRow(scores[e] > threshold ? "1" : "-1", indices[e], values[e]);
            (e < trainExamples ? train : test).add(row);
        }
        return new Split(train, test);
    }

    private double[] truth(SplittableRandom random) {
        double[] truth = new double[features + 1];
        for (int j = 1; j <= features; j++) {
            if (random.nextDouble() < truthDensity) {
                truth[j] = random.nextGaussian();
            }
        }
        return truth;
    }

    private int[] drawIndices(SplittableRandom random) {
        int[] picked = new int[nonZeros];
        int count = 0;
        while (count < nonZeros) {
            double u = random.nextDouble();
            int index = 1 + (int) (features * (u * u) * (u * u));
            boolean seen = false;
            for (int i = 0; i < count && !seen; i++) {
                seen = picked[i] == index;
            }
            if (!seen) {
                picked[count++] = index;
            }
        }
        Arrays.sort(picked);
        return picked;
    }

    private double[] drawValues(SplittableRandom random) {
        double[] v = new double[nonZeros];
        for (int i = 0; i < nonZeros; i++) {
            v[i] = Math.max(1e-4, Math.round(-Math.log(1 - random.nextDouble()) * 1e4) / 1e4);
        }
        return v;
    }

    private static double standardDeviation(double[] x, int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += (x[i] - mean) * (x[i] - mean);
        }
        return Math.sqrt(squares / n);
    }
}
