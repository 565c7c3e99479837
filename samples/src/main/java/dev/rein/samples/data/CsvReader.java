package dev.rein.samples.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Reads a CSV file strictly: a header row names the columns, one of them the label; every other column is a
 * feature and every row holds a finite number in each. Anything else is refused with the line and column.
 *
 * <pre>{@code
 * ParsedRows rows = CsvReader.read(Path.of("train.csv"), "label", fraction -> { });
 * // x1,x2,label          header (line 1): features x1 and x2
 * // 0.5,-1,pos           line 2
 * // 1.5,,neg             DataFileException: train.csv, line 3, column 5 (column 'x2'): the value is missing; ...
 * }</pre>
 *
 * <p>Zeros are kept as values, so every example has every column (and none is ever empty). Blank lines are skipped.
 */
final class CsvReader {
    private final Path file;
    private final String labelColumn;

    private CsvReader(Path file, String labelColumn) {
        this.file = file;
        this.labelColumn = labelColumn;
    }

    /**
     * Reads every row of {@code file}.
     *
     * @param labelColumn the name of the column that holds the label
     * @param progress    told the share of the file read so far
     * @throws DataFileException at the first problem
     */
    static ParsedRows read(Path file, String labelColumn, DoubleConsumer progress) {
        return new CsvReader(file, labelColumn).read(progress);
    }

    private ParsedRows read(DoubleConsumer progress) {
        try (TextLines lines = TextLines.open(file, progress)) {
            String line = nextNonBlank(lines);
            if (line == null) {
                throw DataFileException.inFile(file, "the file is empty. A CSV file needs a header row naming its"
                        + " columns (e.g. " + DataFormat.CSV.example() + ") and then one row per example.");
            }
            Header header = header(line, lines.number());
            List<Example<Label>> examples = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            List<Integer> labelColumns = new ArrayList<>();
            for (line = nextNonBlank(lines); line != null; line = nextNonBlank(lines)) {
                int number = lines.number();
                List<CsvFields.Field> fields = row(line, number, header);
                examples.add(example(fields, number, header));
                numbers.add(number);
                labelColumns.add(fields.get(header.label).column());
            }
            if (examples.isEmpty()) {
                throw DataFileException.inFile(file, "the file has a header row but no examples. Add one row per"
                        + " example below the header, with a value for each of its " + header.names.size()
                        + " columns.");
            }
            return new ParsedRows(file, DataFormat.CSV, examples, toArray(numbers), toArray(labelColumns),
                    List.of(header.features));
        }
    }

    private static String nextNonBlank(TextLines lines) {
        String line = lines.next();
        while (line != null && line.isBlank()) {
            line = lines.next();
        }
        return line;
    }

    /** The header's column names, the label's position and the feature names in order. */
    private record Header(List<String> names, int label, String[] features, int[] featurePositions) {
    }

    private Header header(String line, int number) {
        refuseComment(line, number);
        List<CsvFields.Field> fields = CsvFields.split(line, file, number);
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            CsvFields.Field f = fields.get(i);
            if (f.text().isEmpty()) {
                throw DataFileException.at(file, number, f.column(), "column " + (i + 1) + " of the header has no"
                        + " name. The first row is the header: give every column a name, e.g. "
                        + DataFormat.CSV.example() + ".");
            }
            Integer first = seen.putIfAbsent(f.text(), i);
            if (first != null) {
                throw DataFileException.at(file, number, f.column(), "the column name '" + f.text()
                        + "' is used twice (columns " + (first + 1) + " and " + (i + 1) + "); give every column a"
                        + " name of its own.");
            }
            names.add(f.text());
        }
        Integer label = seen.get(labelColumn);
        if (label == null) {
            throw DataFileException.at(file, number, 0, "the header has no column '" + labelColumn
                    + "'; its columns are " + String.join(", ", names) + ". Name the label column with"
                    + " --label-column.");
        }
        if (names.size() == 1) {
            throw DataFileException.at(file, number, 0, "the header has only the label column '" + labelColumn
                    + "'. A CSV file needs at least one feature column besides the label, e.g. "
                    + DataFormat.CSV.example() + ".");
        }
        String[] features = new String[names.size() - 1];
        int[] positions = new int[features.length];
        for (int i = 0, j = 0; i < names.size(); i++) {
            if (i != label) {
                features[j] = names.get(i);
                positions[j++] = i;
            }
        }
        return new Header(List.copyOf(names), label, features, positions);
    }

    private List<CsvFields.Field> row(String line, int number, Header header) {
        refuseComment(line, number);
        List<CsvFields.Field> fields = CsvFields.split(line, file, number);
        if (fields.size() != header.names.size()) {
            throw DataFileException.at(file, number, 0, "the row has " + fields.size() + " value"
                    + (fields.size() == 1 ? "" : "s") + " but the header has " + header.names.size() + " columns ("
                    + String.join(", ", header.names) + "); every row needs one value per column.");
        }
        return fields;
    }

    private Example<Label> example(List<CsvFields.Field> fields, int number, Header header) {
        CsvFields.Field label = fields.get(header.label);
        if (label.text().isEmpty()) {
            throw DataFileException.at(file, number, label.column(), "column '" + labelColumn + "'",
                    "the label is missing; every row needs a label.");
        }
        double[] values = new double[header.features.length];
        for (int j = 0; j < values.length; j++) {
            CsvFields.Field f = fields.get(header.featurePositions[j]);
            String problem = Numbers.problem(f.text());
            if (problem != null) {
                throw DataFileException.at(file, number, f.column(), "column '" + header.features[j] + "'",
                        problem + "; every column but the label holds " + Numbers.VALID
                        + (f.text().isEmpty() ? " (write 0 for zero)" : "") + ".");
            }
            values[j] = Numbers.value(f.text());
        }
        return new ArrayExample<>(new Label(label.text()), header.features, values);
    }

    private void refuseComment(String line, int number) {
        String stripped = line.stripLeading();
        if (stripped.startsWith("#")) {
            throw DataFileException.at(file, number, line.length() - stripped.length() + 1, "the line is a comment;"
                    + " CSV files have no comment lines: delete it.");
        }
    }

    static int[] toArray(List<Integer> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
