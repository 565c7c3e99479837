package dev.rein.samples.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into its fields, each with the 1-based column where its text starts (where the field starts,
 * for a blank one). Fields are separated by
 * commas and trimmed; a field may be quoted with {@code "..."} (a doubled {@code ""} inside stands for one quote),
 * so that it can hold commas. A quoted field must close on its line.
 *
 * <pre>{@code
 * List<CsvFields.Field> f = CsvFields.split(" 1.5, \"a, b\",x", path, 7);
 * f.get(1).text();     // "a, b"
 * f.get(1).column();   // 6: where its opening quote is
 * }</pre>
 */
final class CsvFields {
    private CsvFields() {
    }

    /** One field: its text (trimmed, unquoted) and the 1-based column of its first non-blank character. */
    record Field(String text, int column) {
    }

    /**
     * The fields of {@code line} (line number {@code number} of {@code file}, for errors).
     *
     * @throws DataFileException for a quote that is never closed or text after a closing quote
     */
    static List<Field> split(String line, java.nio.file.Path file, int number) {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            int fieldStart = i;
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            int start = i;
            if (i < n && line.charAt(i) == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            text.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    text.append(c);
                    i++;
                }
                if (!closed) {
                    throw DataFileException.at(file, number, start + 1, "a quoted value is never closed; close it"
                            + " with \" on the same line (a value may not span lines).");
                }
                while (i < n && isBlank(line.charAt(i))) {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw DataFileException.at(file, number, i + 1, "text after a closing quote; a quoted value"
                            + " ends at its quote, then comes ',' or the end of the line.");
                }
                fields.add(new Field(text.toString(), start + 1));
            } else {
                int end = line.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                String text = line.substring(start, end).strip();
                // A blank value is reported where its field begins; any other where its text does.
                fields.add(new Field(text, (text.isEmpty() ? fieldStart : start) + 1));
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++;   // past the comma
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
