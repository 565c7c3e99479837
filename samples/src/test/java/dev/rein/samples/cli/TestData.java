package dev.rein.samples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small seeded CSV and libsvm files for command-line tests. */
final class TestData {
    private TestData() {
    }

    /** A CSV with features x0..x{features-1} and a label column {@code label}: the sign of x0 - x1. */
    static Path csv(Path file, int rows, int features, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < features; j++) {
            text.append('x').append(j).append(',');
        }
        text.append("label\n");
        for (int i = 0; i < rows; i++) {
            double[] x = new double[features];
            for (int j = 0; j < features; j++) {
                x[j] = random.nextDouble() * 2 - 1;
                text.append(String.format(java.util.Locale.ROOT, "%.4f", x[j])).append(',');
            }
            text.append(x[0] - x[1] > 0 ? "pos" : "neg").append('\n');
        }
        return Files.writeString(file, text);
    }
}
