package dev.rein.samples.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.impl.ArrayExample;

/**
 * A folder in the layout of MNIST and Fashion-MNIST: the four IDX files {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each gzipped
 * ({@code .gz}) or not. The {@code train} pair is the training set and the {@code t10k} pair the test set. Read with
 * Tribuo's {@link IDXDataSource}; pixel values (unsigned bytes, 0 to 255) are divided by 255, so features lie in
 * [0, 1]. As with Tribuo's reader, zero pixels are left out of each example.
 *
 * <pre>{@code
 * IdxFolder.Sets sets = IdxFolder.load(Path.of("/usr/share/datasets/fashion-mnist"));
 * sets.train().size();   // 60000
 * sets.test().size();    // 10000
 * }</pre>
 */
public final class IdxFolder {
    private static final LabelFactory LABELS = new LabelFactory();
    private static final double PIXEL_SCALE = 255.0;

    /** A training set and its test set ({@code null} where there is none): a folder's, or two files'. */
    public record Sets(MutableDataset<Label> train, MutableDataset<Label> test) {
    }

    private IdxFolder() {
    }

    /**
     * Loads the folder's training and test sets.
     *
     * @throws DataFileException naming the file that is missing or not IDX of unsigned bytes, and what was expected
     */
    public static Sets load(Path folder) {
        return load(folder, warning -> { });
    }

    /**
     * As {@link #load(Path)}, telling {@code warnings} of a label that occurs in only one of the two sets (a class
     * the test data never asks for, or one the model never saw: often a damaged label file).
     */
    public static Sets load(Path folder, Consumer<String> warnings) {
        Sets sets = new Sets(read(folder, "train"), read(folder, "t10k"));
        Map<String, Long> train = counts(sets.train());
        Map<String, Long> test = counts(sets.test());
        train.forEach((label, n) -> {
            if (!test.containsKey(label)) {
                warnings.accept("label " + label + " occurs in " + n + " training example" + (n == 1 ? "" : "s")
                        + " of " + folder + " but in no t10k (test) example; is a label file damaged?");
            }
        });
        test.forEach((label, n) -> {
            if (!train.containsKey(label)) {
                warnings.accept("label " + label + " occurs in " + n + " t10k (test) example" + (n == 1 ? "" : "s")
                        + " of " + folder + " but in no training example, so the model can never predict it.");
            }
        });
        return sets;
    }

    private static Map<String, Long> counts(MutableDataset<Label> data) {
        Map<String, Long> out = new TreeMap<>();
        for (Example<Label> e : data) {
            out.merge(e.getOutput().getLabel(), 1L, Long::sum);
        }
        return out;
    }

    private static MutableDataset<Label> read(Path folder, String prefix) {
        Path images = find(folder, prefix + "-images-idx3-ubyte");
        Path labels = find(folder, prefix + "-labels-idx1-ubyte");
        checkUnsignedBytes(images, 3);
        checkUnsignedBytes(labels, 1);
        IDXDataSource<Label> source;
        try {
            source = new IDXDataSource<>(images, labels, LABELS);
        } catch (IOException | RuntimeException e) {
            throw DataFileException.inFile(images, "could not be read as IDX images with the labels of " + labels
                    + ": " + e.getMessage());
        }
        MutableDataset<Label> out = new MutableDataset<>(source.getProvenance(), LABELS);
        List<Feature> scaled = new ArrayList<>();
        for (Example<Label> e : source) {
            scaled.clear();
            for (Feature f : e) {
                scaled.add(new Feature(f.getName(), f.getValue() / PIXEL_SCALE));
            }
            out.add(new ArrayExample<>(e.getOutput(), scaled));
        }
        return out;
    }

    /**
     * Refuses an IDX file whose values are not unsigned bytes (type 0x08) or that has other than {@code dimensions}
     * dimensions: Tribuo reads the other IDX types too, so signed bytes would pass as negative pixels.
     */
    private static void checkUnsignedBytes(Path file, int dimensions) {
        byte[] head = new byte[4];
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            if (in.readNBytes(head, 0, 4) < 4) {
                throw DataFileException.inFile(file, "is shorter than the 4 bytes of an IDX header");
            }
        } catch (IOException e) {
            throw DataFileException.inFile(file, "could not be read as IDX: " + e.getMessage());
        }
        if (head[0] != 0 || head[1] != 0) {
            throw DataFileException.inFile(file, "is not an IDX file: it does not start with two zero bytes");
        }
        if (head[2] != 0x08 || head[3] != dimensions) {
            throw DataFileException.inFile(file, String.format(Locale.ROOT, "is IDX of type 0x%02x with %d"
                    + " dimension%s, but MNIST-format %s are type 0x08 (unsigned bytes) with %d dimension%s",
                    head[2], head[3], head[3] == 1 ? "" : "s", dimensions == 3 ? "images" : "labels", dimensions,
                    dimensions == 1 ? "" : "s"));
        }
    }

    private static Path find(Path folder, String name) {
        Path plain = folder.resolve(name);
        Path gzipped = folder.resolve(name + ".gz");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        if (Files.isRegularFile(gzipped)) {
            return gzipped;
        }
        throw DataFileException.inFile(folder, "the folder given to --data has no " + name + " (nor " + name
                + ".gz). A data folder holds the four MNIST-format IDX files train-images-idx3-ubyte,"
                + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, gzipped or not.");
    }
}
