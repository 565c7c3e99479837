package dev.rein.samples.sweep;

import dev.rein.samples.train.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a data file, so that {@code rein merge} can tell whether two shards read the same data even when it
 * sat at different paths on different machines.
 *
 * <pre>{@code
 * DataFingerprint.of(Path.of("train.csv"));   // "9f86d081884c7d65..."
 * }</pre>
 */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    /** The file's SHA-256 in lower-case hex. */
    public static String of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UserInputException("Cannot read '" + file + "' to fingerprint it: " + e.getMessage() + ".", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256, which every Java must have.", e);
        }
    }
}
