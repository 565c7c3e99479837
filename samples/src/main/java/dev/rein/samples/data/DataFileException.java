package dev.rein.samples.data;

import dev.rein.samples.train.UserInputException;
import java.nio.file.Path;

/**
 * A data file that cannot be read as it is, with the place of the problem: the file, the 1-based line and the
 * 1-based column of the character where the problem starts (0 when the whole file or line is meant). The message
 * is one paragraph: where, what is wrong, and what would be valid.
 *
 * <pre>{@code
 * try {
 *     files.loadTraining(Path.of("train.csv"));
 * } catch (DataFileException e) {
 *     e.line();      // 4
 *     e.column();    // 7
 *     e.getMessage();
 *     // train.csv, line 4, column 7 (column 'x1'): 'abc' is not a number; feature columns hold finite numbers
 *     // such as 0.5, -3 or 1e-4.
 * }
 * }</pre>
 */
public final class DataFileException extends UserInputException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    private DataFileException(Path file, int line, int column, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** A problem at {@code line} and {@code column} (either may be 0: not at one line, not at one column). */
    static DataFileException at(Path file, int line, int column, String problem) {
        return at(file, line, column, "", problem);
    }

    /**
     * A problem at {@code line} and {@code column}, with what is there in parentheses after the place, e.g.
     * {@code "column 'x1'"} or {@code "index 12"}.
     */
    static DataFileException at(Path file, int line, int column, String what, String problem) {
        StringBuilder where = new StringBuilder(file.toString());
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column > 0) {
            where.append(", column ").append(column);
        }
        if (!what.isEmpty()) {
            where.append(" (").append(what).append(')');
        }
        return new DataFileException(file, line, column, where + ": " + problem);
    }

    /** A problem with the file as a whole, e.g. that it is empty. */
    static DataFileException inFile(Path file, String problem) {
        return at(file, 0, 0, problem);
    }

    /** The file the problem is in. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** The 1-based column (character) where the problem starts; 0 when it concerns a whole line or file. */
    public int column() {
        return column;
    }
}
