package dev.rein.samples.sweep;

import dev.rein.samples.data.DataFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** A small seeded problem for sweep tests: 10 features, the label the sign of x0 - x1 with 10% of labels flipped. */
final class SweepData {
    private SweepData() {
    }

    static Path csv(Path file, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder("x0,x1,x2,x3,x4,x5,x6,x7,x8,x9,label\n");
        for (int i = 0; i < rows; i++) {
            double[] x = new double[10];
            for (int j = 0; j < 10; j++) {
                x[j] = random.nextDouble() * 2 - 1;
                text.append(String.format(Locale.ROOT, "%.4f,", x[j]));
            }
            boolean positive = (x[0] - x[1] > 0) != (random.nextDouble() < 0.1);
            text.append(positive ? "pos" : "neg").append('\n');
        }
        return Files.writeString(file, text);
    }

    static MutableDataset<Label> load(Path file) {
        return new DataFiles("label", warning -> { }).loadTraining(file, f -> { });
    }
}
