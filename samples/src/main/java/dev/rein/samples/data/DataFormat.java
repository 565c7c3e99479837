package dev.rein.samples.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The two formats {@code rein train} reads, told apart by the file name: {@code *.csv} is CSV, anything else is
 * libsvm.
 *
 * <pre>{@code
 * DataFormat.of(Path.of("train.csv"));      // CSV
 * DataFormat.of(Path.of("train.libsvm"));   // LIBSVM
 * DataFormat.LIBSVM.example();              // "1 3:0.5 12:1"
 * }</pre>
 */
public enum DataFormat {
    /** A header row naming the columns, one of them the label, then one row of numbers and a label per example. */
    CSV("CSV", "x1,x2,label"),
    /** One example per line: a label, then {@code index:value} pairs for the features that are not zero. */
    LIBSVM("libsvm", "1 3:0.5 12:1");

    private final String displayName;
    private final String example;

    DataFormat(String displayName, String example) {
        this.displayName = displayName;
        this.example = example;
    }

    /** The format of {@code file}: CSV when its name ends in {@code .csv} (any case), else libsvm. */
    public static DataFormat of(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : LIBSVM;
    }

    /** {@code "CSV"} or {@code "libsvm"}. */
    public String displayName() {
        return displayName;
    }

    /** A line of this format, for messages. */
    public String example() {
        return example;
    }
}
