package dev.rein.samples.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Loads the classification data of {@code rein train}: a training file, then test or validation files checked
 * against it. The format follows the file name ({@link DataFormat}): {@code .csv} is CSV with a header row and a
 * label column, anything else libsvm.
 *
 * <pre>{@code
 * DataFiles files = new DataFiles("label", warning -> System.err.println("warning: " + warning));
 * MutableDataset<Label> train = files.loadTraining(Path.of("train.libsvm"));
 * MutableDataset<Label> test = files.loadHeldOut(Path.of("test.libsvm"), "--test");
 * }</pre>
 *
 * <p>Reading is strict ({@link CsvReader}, {@link LibSvmReader}): a value that is not a finite number, a missing
 * cell, a repeated column name or index, a comment or an empty file is a {@link DataFileException} naming the
 * file, the line and the column. A held-out file whose labels the training file lacks is refused with the file,
 * line and label; features it has that the training file never showed are counted in a warning, as is a training
 * file with a single label.
 */
public final class DataFiles {
    private static final LabelFactory LABELS = new LabelFactory();

    private final String labelColumn;
    private final Consumer<String> warnings;
    private ParsedRows training;
    private MutableDataset<Label> trainingData;

    /** Loads CSV files with their label in {@code labelColumn} and ignores warnings. */
    public DataFiles(String labelColumn) {
        this(labelColumn, warning -> { });
    }

    /**
     * @param labelColumn the CSV column that holds the label (not used for libsvm)
     * @param warnings    told each warning, one paragraph, without a "warning:" prefix
     */
    public DataFiles(String labelColumn, Consumer<String> warnings) {
        this.labelColumn = Objects.requireNonNull(labelColumn, "labelColumn");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /**
     * Checks that {@code file}, given to {@code option}, is a readable file, before any file is read.
     *
     * @throws DataFileException naming the file, the option and the formats accepted
     */
    public static void checkReadable(Path file, String option) {
        if (!Files.exists(file)) {
            throw DataFileException.inFile(file, "the file given to " + option + " does not exist. Give a CSV file"
                    + " (named *.csv, with a header row) or a libsvm file (" + LibSvmReader.LINE_FORMAT + ")"
                    + (option.equals("--data") ? ", or a folder of the four MNIST-format IDX files" : "") + ".");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw DataFileException.inFile(file, "the path given to " + option + " is not a readable file.");
        }
    }

    /** Loads the training file ({@code --data}). */
    public MutableDataset<Label> loadTraining(Path file) {
        return loadTraining(file, fraction -> { });
    }

    /**
     * Loads the training file ({@code --data}), telling {@code progress} the share read so far; warns when it holds
     * a single label.
     *
     * @throws DataFileException at the first problem in the file
     */
    public MutableDataset<Label> loadTraining(Path file, DoubleConsumer progress) {
        checkReadable(file, "--data");
        ParsedRows rows = read(file, progress);
        MutableDataset<Label> data = dataset(rows);
        Set<Label> labels = data.getOutputs();
        if (labels.size() == 1) {
            String only = labels.iterator().next().getLabel();
            warnings.accept(file + " (--data) holds a single label, '" + only + "', so the model will predict '"
                    + only + "' for every example. Add examples of the other labels to learn to tell them apart.");
        }
        this.training = rows;
        this.trainingData = data;
        return data;
    }

    /** As {@link #loadHeldOut(Path, String, DoubleConsumer)} without progress. */
    public MutableDataset<Label> loadHeldOut(Path file, String option) {
        return loadHeldOut(file, option, fraction -> { });
    }

    /**
     * Loads a test or validation file ({@code option} is {@code "--test"} or {@code "--validation"}) and checks it
     * against the training file: same format, no label the training file lacks. Features the training file never
     * showed are counted in a warning. Call {@link #loadTraining} first.
     *
     * @throws DataFileException at the first problem, or at the first row whose label the training data lacks
     * @throws IllegalStateException if no training file was loaded
     */
    public MutableDataset<Label> loadHeldOut(Path file, String option, DoubleConsumer progress) {
        if (training == null) {
            throw new IllegalStateException("load the training file first");
        }
        checkReadable(file, option);
        if (DataFormat.of(file) != training.format()) {
            throw DataFileException.inFile(file, "the file given to " + option + " is " + DataFormat.of(file)
                    .displayName() + " but the training file " + training.file() + " is "
                    + training.format().displayName() + " (the format follows the name: *.csv is CSV, anything else"
                    + " libsvm). Give both in one format.");
        }
        ParsedRows rows = read(file, progress);
        HeldOutCheck check = new HeldOutCheck(training, trainingData, option);
        check.labels(rows);
        MutableDataset<Label> data = dataset(rows);
        check.features(rows, data).ifPresent(warnings);
        return data;
    }

    private ParsedRows read(Path file, DoubleConsumer progress) {
        return DataFormat.of(file) == DataFormat.CSV ? CsvReader.read(file, labelColumn, progress)
                : LibSvmReader.read(file, progress);
    }

    private static MutableDataset<Label> dataset(ParsedRows rows) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(rows.file().toString(),
                LABELS), LABELS);
        List<Example<Label>> examples = rows.examples();
        for (Example<Label> example : examples) {
            data.add(example);
        }
        return data;
    }
}
