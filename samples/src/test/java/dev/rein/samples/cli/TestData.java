package dev.rein.samples.cli;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Small seeded CSV, libsvm and IDX files for command-line tests. */
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

    /**
     * A folder in MNIST's layout: {@code train} and {@code t10k} pairs of 4×4 images with labels 0 to 2, the
     * training images gzipped, the test ones not. Class {@code c} lights up row {@code c} (values 150 to 255), the
     * other pixels are noise below 100 or 0.
     */
    static Path idxFolder(Path folder, int trainCount, int testCount, long seed) throws IOException {
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(seed);
        writeIdx(folder, "train", trainCount, random, true);
        writeIdx(folder, "t10k", testCount, random, false);
        return folder;
    }

    private static void writeIdx(Path folder, String prefix, int count, SplittableRandom random, boolean gzip)
            throws IOException {
        byte[] images = new byte[count * 16];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(3);
            labels[i] = (byte) label;
            for (int p = 0; p < 16; p++) {
                int value = p / 4 == label ? 150 + random.nextInt(106) : random.nextInt(3) == 0 ? 0 : random.nextInt(100);
                images[i * 16 + p] = (byte) value;
            }
        }
        write(folder.resolve(prefix + "-images-idx3-ubyte" + (gzip ? ".gz" : "")), 0x803, new int[] {count, 4, 4},
                images, gzip);
        write(folder.resolve(prefix + "-labels-idx1-ubyte" + (gzip ? ".gz" : "")), 0x801, new int[] {count}, labels,
                gzip);
    }

    private static void write(Path file, int magic, int[] dims, byte[] data, boolean gzip) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}
