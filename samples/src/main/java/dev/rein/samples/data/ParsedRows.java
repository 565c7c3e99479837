package dev.rein.samples.data;

import java.nio.file.Path;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * The examples read from one data file, each with the line it came from, before they become a Tribuo dataset.
 *
 * <pre>{@code
 * ParsedRows rows = CsvReader.read(Path.of("train.csv"), "label", fraction -> { });
 * rows.examples().get(0);   // the example of the first data row
 * rows.lines()[0];          // 2: the header is line 1
 * rows.labelColumn();       // 3: where the label starts on each CSV line (1 for libsvm)
 * }</pre>
 *
 * @param file           the file read
 * @param format         its format
 * @param examples       one per data row, in file order
 * @param lines          the 1-based line of each example
 * @param labelColumns   the 1-based column where each example's label starts
 * @param featureColumns the feature column names of a CSV file in header order; empty for libsvm
 */
record ParsedRows(Path file, DataFormat format, List<Example<Label>> examples, int[] lines, int[] labelColumns,
        List<String> featureColumns) {
}
