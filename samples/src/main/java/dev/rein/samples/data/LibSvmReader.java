package dev.rein.samples.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Reads a libsvm file strictly: each non-blank line is a label followed by {@code index:value} pairs separated by
 * spaces or tabs, the index a whole number from 0 to 2147483647, given once per line, the value a finite number.
 * Anything else (a comment, {@code qid:}, {@code nan}, a negative or repeated index, a line with no pairs) is refused
 * with the line and column.
 *
 * <pre>{@code
 * ParsedRows rows = LibSvmReader.read(Path.of("train.libsvm"), fraction -> { });
 * // 1 3:0.5 12:1        line 1: label "1", feature "3" = 0.5 and feature "12" = 1
 * // 0 3:nan             DataFileException: train.libsvm, line 2, column 5 (index 3): 'nan' is not a finite number; ...
 * }</pre>
 *
 * <p>A feature is named by its index as written without leading zeros ({@code "12"}), so a test file read on its own
 * names its features as the training file does, whatever indices either holds; a model costs one weight per
 * distinct index, not per index up to the largest.
 */
final class LibSvmReader {
    /** The format of a line, for messages. */
    static final String LINE_FORMAT = "label index:value index:value ..., e.g. '" + DataFormat.LIBSVM.example() + "'";

    private final Path file;
    /**
     * One name object per index, so that a million examples share their names (and the hashes a name caches): in an
     * array for indices below {@value #ARRAY_NAMES}, in a map above.
     */
    private String[] smallNames = new String[1024];
    private final Map<Integer, String> largeNames = new HashMap<>();
    private static final int ARRAY_NAMES = 1 << 24;

    private LibSvmReader(Path file) {
        this.file = file;
    }

    private String name(int index) {
        if (index >= ARRAY_NAMES) {
            return largeNames.computeIfAbsent(index, i -> Integer.toString(i));
        }
        if (index >= smallNames.length) {
            smallNames = Arrays.copyOf(smallNames, Math.min(ARRAY_NAMES, Math.max(index + 1, 2 * smallNames.length)));
        }
        String name = smallNames[index];
        if (name == null) {
            name = Integer.toString(index);
            smallNames[index] = name;
        }
        return name;
    }

    /**
     * Reads every example of {@code file}.
     *
     * @param progress told the share of the file read so far
     * @throws DataFileException at the first problem
     */
    static ParsedRows read(Path file, DoubleConsumer progress) {
        return new LibSvmReader(file).read(progress);
    }

    private ParsedRows read(DoubleConsumer progress) {
        List<Example<Label>> examples = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Integer> labelColumns = new ArrayList<>();
        try (TextLines lines = TextLines.open(file, progress)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                List<Token> tokens = tokens(line);
                examples.add(example(line, tokens, lines.number()));
                numbers.add(lines.number());
                labelColumns.add(tokens.get(0).column);
            }
        }
        if (examples.isEmpty()) {
            throw DataFileException.inFile(file, "the file is empty. A libsvm file holds one example per line: "
                    + LINE_FORMAT + ". A CSV file must be named *.csv.");
        }
        return new ParsedRows(file, DataFormat.LIBSVM, examples, CsvReader.toArray(numbers),
                CsvReader.toArray(labelColumns), List.of());
    }

    /** A run of characters between blanks, with its 1-based column. */
    private record Token(String text, int column) {
    }

    private static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new Token(line.substring(start, i), start + 1));
            }
        }
        return tokens;
    }

    private Example<Label> example(String line, List<Token> tokens, int number) {
        Token label = tokens.get(0);
        refuseComment(label, number);
        if (label.text.indexOf(':') >= 0) {
            throw DataFileException.at(file, number, label.column, "the line starts with '" + label.text
                    + "', not a label. Each line is " + LINE_FORMAT + ".");
        }
        if (tokens.size() == 1) {
            throw DataFileException.at(file, number, 0, "the example (label '" + label.text + "') has no"
                    + " index:value pairs"
                    + (line.indexOf(',') >= 0 ? "; the line looks like CSV: a CSV file must be named *.csv" : "")
                    + ". Each line is " + LINE_FORMAT + "; Tribuo cannot train on an example without features, so"
                    + " give at least one (an explicit zero such as '1:0' will do).");
        }
        String[] names = new String[tokens.size() - 1];
        double[] values = new double[names.length];
        Map<Integer, Integer> seen = null;
        int previous = -1;
        for (int k = 1; k < tokens.size(); k++) {
            Token pair = tokens.get(k);
            refuseComment(pair, number);
            int index = index(pair, number);
            if (index <= previous || seen != null) {
                // Out of order: fall back to remembering every index to find repeats.
                if (seen == null) {
                    seen = new HashMap<>();
                    for (int j = 1; j < k; j++) {
                        seen.put(Integer.parseInt(names[j - 1]), tokens.get(j).column);
                    }
                }
                Integer first = seen.putIfAbsent(index, pair.column);
                if (first != null) {
                    throw DataFileException.at(file, number, pair.column, "index " + index, "the index is given"
                            + " twice on this line (first at column " + first + "); give each index once.");
                }
            }
            previous = index;
            String valueText = pair.text.substring(pair.text.indexOf(':') + 1);
            String problem = Numbers.problem(valueText);
            if (problem != null) {
                throw DataFileException.at(file, number, pair.column, "index " + index, problem
                        + "; values are " + Numbers.VALID + ".");
            }
            names[k - 1] = name(index);
            values[k - 1] = Numbers.value(valueText);
        }
        return new ArrayExample<>(new Label(label.text), names, values);
    }

    private int index(Token pair, int number) {
        int colon = pair.text.indexOf(':');
        String text = colon < 0 ? "" : pair.text.substring(0, colon);
        int sign = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (colon < 0 || !Numbers.isDigits(text, sign)) {
            throw DataFileException.at(file, number, pair.column, Numbers.quoted(pair.text) + " is not index:value. Each"
                    + " line is " + LINE_FORMAT + ", the index a whole number.");
        }
        if (text.startsWith("-")) {
            throw DataFileException.at(file, number, pair.column, "index " + text + " is negative; indices are whole"
                    + " numbers from 0 (libsvm files usually count from 1).");
        }
        int start = text.startsWith("+") ? 1 : 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;   // leading zeros: 003 is index 3
        }
        String digits = text.substring(start);
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw DataFileException.at(file, number, pair.column, "index " + digits + " is larger than "
                    + Integer.MAX_VALUE + ", the largest index Rein reads.");
        }
        return Integer.parseInt(digits);
    }

    private void refuseComment(Token token, int number) {
        if (token.text.startsWith("#")) {
            throw DataFileException.at(file, number, token.column, "'#' starts a comment; libsvm files have no"
                    + " comments: delete it. Each line is " + LINE_FORMAT + ".");
        }
    }
}
