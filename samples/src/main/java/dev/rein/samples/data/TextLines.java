package dev.rein.samples.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Reads a text file line by line as strict UTF-8: a byte-order mark at the start is skipped, line ends may be
 * {@code \n}, {@code \r\n} or {@code \r}, bytes that are not UTF-8 are an error at their line and column, and the
 * share of the file read so far goes to a progress callback (about once a megabyte, and 1.0 at the end).
 *
 * <pre>{@code
 * try (TextLines lines = TextLines.open(Path.of("train.csv"), fraction -> bar.update(fraction))) {
 *     for (String line = lines.next(); line != null; line = lines.next()) {
 *         lines.number();   // 1 for the first line
 *     }
 * }
 * }</pre>
 *
 * <p>Each line is split off as bytes first and decoded on its own, so that a bad byte is reported at the line it
 * is on (a decoder reading ahead would report it early).
 */
final class TextLines implements AutoCloseable {
    private static final int BOM_0 = 0xEF;
    private static final int BOM_1 = 0xBB;
    private static final int BOM_2 = 0xBF;
    private static final long REPORT_EVERY_BYTES = 1 << 20;

    private final Path file;
    private final InputStream in;
    private final long size;
    private final DoubleConsumer progress;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long read;
    private long reportedAt;
    private int number;
    private boolean ended;

    private TextLines(Path file, InputStream in, long size, DoubleConsumer progress) {
        this.file = file;
        this.in = in;
        this.size = size;
        this.progress = progress;
    }

    /**
     * Opens {@code file}.
     *
     * @throws DataFileException if it cannot be opened
     */
    static TextLines open(Path file, DoubleConsumer progress) {
        try {
            return new TextLines(file, Files.newInputStream(file), Files.size(file), progress);
        } catch (IOException e) {
            throw DataFileException.inFile(file, "cannot be read (" + describe(e) + ").");
        }
    }

    /**
     * The next line without its line end (and, on line 1, without a byte-order mark), or {@code null} at the end.
     *
     * @throws DataFileException if the line is not UTF-8 text or the file cannot be read
     */
    String next() {
        if (ended) {
            return null;
        }
        int length = 0;
        boolean any = false;
        while (true) {
            int b = nextByte();
            if (b < 0) {
                if (!any) {
                    ended = true;
                    progress.accept(1.0);
                    return null;
                }
                break;
            }
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if (peekByte() == '\n') {
                    nextByte();
                }
                break;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = (byte) b;
        }
        number++;
        int from = 0;
        if (number == 1 && length >= 3 && (line[0] & 0xFF) == BOM_0 && (line[1] & 0xFF) == BOM_1
                && (line[2] & 0xFF) == BOM_2) {
            from = 3;
        }
        if (read - reportedAt >= REPORT_EVERY_BYTES && size > 0) {
            reportedAt = read;
            progress.accept(Math.min(1.0, read / (double) size));
        }
        return decode(from, length);
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    int number() {
        return number;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Only read from: nothing was lost.
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private String decode(int from, int to) {
        ByteBuffer bytes = ByteBuffer.wrap(line, from, to - from);
        CharBuffer chars = CharBuffer.allocate(to - from);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            throw DataFileException.at(file, number, chars.position() + 1, "the line is not UTF-8 text (byte 0x"
                    + Integer.toHexString(line[bytes.position()] & 0xFF).toUpperCase(Locale.ROOT)
                    + " here). Save the file as UTF-8 (plain ASCII is UTF-8 too).");
        }
        return chars.flip().toString();
    }

    private int nextByte() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private int peekByte() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xFF;
    }

    private boolean fill() {
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            read += n;
            return true;
        } catch (IOException e) {
            throw DataFileException.at(file, number + 1, 0, "reading failed (" + describe(e) + ").");
        }
    }
}
