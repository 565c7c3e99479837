package dev.rein.samples.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * @throws DataFileException naming the file that is missing or not IDX, and the four names expected
     */
    public static Sets load(Path folder) {
        return new Sets(read(folder, "train"), read(folder, "t10k"));
    }

    private static MutableDataset<Label> read(Path folder, String prefix) {
        Path images = find(folder, prefix + "-images-idx3-ubyte");
        Path labels = find(folder, prefix + "-labels-idx1-ubyte");
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
