package dev.rein.samples.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;

/**
 * Reads an image set in the IDX format of MNIST and Fashion-MNIST (a pair of files, gzipped or not) into
 * {@link SparseRow}s: one feature per pixel (index = pixel position + 1), the value scaled from 0..255 to
 * [0, 1] and rounded to 4 decimals, zero pixels left out.
 *
 * <pre>{@code
 * Path dir = Path.of("/usr/share/datasets/fashion-mnist");
 * List<SparseRow> train = IdxImages.read(dir.resolve("train-images-idx3-ubyte.gz"),
 *         dir.resolve("train-labels-idx1-ubyte.gz"), 60_000, label -> Integer.toString(label));
 * }</pre>
 */
public final class IdxImages {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxImages() {
    }

    /**
     * Reads the first {@code limit} images and their labels; {@code labelName} turns a class number into the
     * row's label.
     *
     * @throws IllegalArgumentException if a file is not IDX of the expected kind or the two disagree in count
     */
    public static List<SparseRow> read(Path images, Path labels, int limit, IntFunction<String> labelName) {
        try (DataInputStream img = open(images); DataInputStream lab = open(labels)) {
            int imageCount = header(img, images, IMAGES_MAGIC, "images (idx3-ubyte)");
            int rows = img.readInt();
            int cols = img.readInt();
            int labelCount = header(lab, labels, LABELS_MAGIC, "labels (idx1-ubyte)");
            if (imageCount != labelCount) {
                throw new IllegalArgumentException("'" + images + "' holds " + imageCount + " images but '" + labels
                        + "' holds " + labelCount + " labels; give the matching pair of files");
            }
            int n = Math.min(limit, imageCount);
            int pixels = rows * cols;
            byte[] image = new byte[pixels];
            List<SparseRow> out = new ArrayList<>(n);
            for (int e = 0; e < n; e++) {
                img.readFully(image);
                int label = lab.readUnsignedByte();
                out.add(toRow(labelName.apply(label), image));
            }
            return out;
        } catch (EOFException e) {
            throw new IllegalArgumentException("'" + images + "' or '" + labels + "' ends before the count in its"
                    + " header; the file is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read '" + images + "' / '" + labels + "': " + e.getMessage(),
                    e);
        }
    }

    static SparseRow toRow(String label, byte[] image) {
        int nonZero = 0;
        for (byte b : image) {
            if (b != 0) {
                nonZero++;
            }
        }
        int[] indices = new int[nonZero];
        double[] values = new double[nonZero];
        int k = 0;
        for (int p = 0; p < image.length; p++) {
            int v = image[p] & 0xff;
            if (v != 0) {
                indices[k] = p + 1;
                values[k] = Math.round(v / 255.0 * 1e4) / 1e4;
                k++;
            }
        }
        return new SparseRow(label, indices, values);
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(in);
    }

    private static int header(DataInputStream in, Path file, int magic, String kind) throws IOException {
        int found = in.readInt();
        if (found != magic) {
            throw new IllegalArgumentException("'" + file + "' is not an IDX file of " + kind + ": its magic number"
                    + " is 0x" + Integer.toHexString(found) + ", expected 0x" + Integer.toHexString(magic));
        }
        return in.readInt();
    }
}
