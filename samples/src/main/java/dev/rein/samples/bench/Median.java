package dev.rein.samples.bench;

import java.util.Arrays;

/**
 * The median of repeated timings: the middle value, or the mean of the two middle values.
 *
 * <pre>{@code
 * Median.of(new double[] {3.1, 2.9, 3.0, 9.5});   // 3.05
 * }</pre>
 */
public final class Median {
    private Median() {
    }

    /** @throws IllegalArgumentException if {@code values} is empty */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("The median of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
