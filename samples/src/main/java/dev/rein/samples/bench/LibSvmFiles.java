package dev.rein.samples.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes whole libsvm files of {@link SparseRow}s, the one format Rein (
 * {@code dev.rein.samples.data.DataFiles}), scikit-learn ({@code load_svmlight_file}) and liblinear all read.
 *
 * <pre>{@code
 * LibSvmFiles.write(rows, Path.of("benchmarks/.cache/sparse-train.libsvm"));
 * List<SparseRow> back = LibSvmFiles.read(Path.of("benchmarks/.cache/sparse-train.libsvm"));
 * }</pre>
 *
 * <p>A file is written to a temporary sibling and moved into place, so an interrupted run never leaves a
 * half-written file where the next run would take it for a finished one.
 */
public final class LibSvmFiles {
    private LibSvmFiles() {
    }

    /** Writes {@code rows}, one line each, creating the parent folders. */
    public static void write(List<SparseRow> rows, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                for (SparseRow row : rows) {
                    out.write(row.toLibSvm());
                    out.write('\n');
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * Reads every row of {@code file}.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row
     */
    public static List<SparseRow> read(Path file) {
        List<SparseRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    try {
                        rows.add(SparseRow.parse(line, number));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("'" + file + "': " + e.getMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read '" + file + "': " + e.getMessage(), e);
        }
        return rows;
    }
}
