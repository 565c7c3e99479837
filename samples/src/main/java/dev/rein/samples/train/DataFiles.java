package dev.rein.samples.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tribuo.DataSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.datasource.LibSVMDataSource;

/**
 * Loads classification data with Tribuo's own loaders; the format follows the file name: {@code .csv} is CSV with
 * a header row and a label column, anything else is libsvm ({@code label index:value ...}).
 *
 * <pre>{@code
 * DataFiles files = new DataFiles("label");
 * MutableDataset<Label> train = files.loadTraining(Path.of("train.libsvm"));
 * MutableDataset<Label> test = files.loadTest(Path.of("test.libsvm"));   // same feature numbering as train
 * }</pre>
 *
 * <p>Failures become {@link UserInputException}s that name the file and what was wrong with it.
 */
public final class DataFiles {
    private static final LabelFactory LABELS = new LabelFactory();

    private final String labelColumn;
    private LibSVMDataSource<Label> trainingSource;

    /** @param labelColumn the CSV column that holds the label (ignored for libsvm) */
    public DataFiles(String labelColumn) {
        this.labelColumn = labelColumn;
    }

    /** Loads the training file. */
    public MutableDataset<Label> loadTraining(Path file) {
        checkReadable(file, "--data");
        if (isCsv(file)) {
            return new MutableDataset<>(csv(file));
        }
        trainingSource = libsvm(file, () -> new LibSVMDataSource<>(file, LABELS));
        return new MutableDataset<>(trainingSource);
    }

    /**
     * Loads a test file; a libsvm test file is read with the training file's feature numbering so that feature
     * names match. Call {@link #loadTraining} first.
     */
    public MutableDataset<Label> loadTest(Path file) {
        checkReadable(file, "--test");
        if (isCsv(file)) {
            return new MutableDataset<>(csv(file));
        }
        if (trainingSource == null) {
            return new MutableDataset<>(libsvm(file, () -> new LibSVMDataSource<>(file, LABELS)));
        }
        LibSVMDataSource<Label> train = trainingSource;
        return new MutableDataset<>(libsvm(file,
                () -> new LibSVMDataSource<>(file, LABELS, train.isZeroIndexed(), train.getMaxFeatureID())));
    }

    static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static void checkReadable(Path file, String option) {
        if (!Files.exists(file)) {
            throw new UserInputException("Data file '" + file + "' (" + option + ") does not exist. Give a CSV file"
                    + " (.csv, with a header row) or a libsvm file (label index:value ...).");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserInputException("Data file '" + file + "' (" + option + ") is not a readable file.");
        }
    }

    private DataSource<Label> csv(Path file) {
        List<String> header = header(file);
        if (!header.contains(labelColumn)) {
            throw new UserInputException("CSV file '" + file + "' has no column '" + labelColumn + "'; its columns are "
                    + String.join(", ", header) + ". Name the label column with --label-column.");
        }
        try {
            return new CSVLoader<>(LABELS).loadDataSource(file, labelColumn);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("Could not read CSV file '" + file + "': " + describe(e)
                    + ". Every row needs a value for every column, and every column but the label must be numeric.",
                    e);
        }
    }

    private static List<String> header(Path file) {
        try (var lines = Files.lines(file)) {
            String first = lines.findFirst().orElseThrow(
                    () -> new UserInputException("CSV file '" + file + "' is empty; it needs a header row."));
            return List.of(first.trim().split("\\s*,\\s*"));
        } catch (IOException | UncheckedIOException e) {
            throw new UserInputException("Could not read '" + file + "': " + describe(e), e);
        }
    }

    private interface LibSvmOpener {
        LibSVMDataSource<Label> open() throws IOException;
    }

    private static LibSVMDataSource<Label> libsvm(Path file, LibSvmOpener opener) {
        LibSVMDataSource<Label> source;
        try {
            source = opener.open();
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("Could not read '" + file + "' as libsvm (each line: label index:value"
                    + " index:value ..., indices increasing): " + describe(e) + ". CSV files must end in .csv.", e);
        }
        if (source.size() == 0) {
            throw new UserInputException("libsvm file '" + file + "' holds no examples.");
        }
        return source;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
