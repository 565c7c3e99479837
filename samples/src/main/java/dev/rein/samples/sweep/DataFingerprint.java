package dev.rein.samples.sweep;

import dev.rein.samples.train.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of a data file, so that {@code rein merge} can tell whether two shards read the same data even when it
 * sat at different paths on different machines. For a folder (of IDX files), the SHA-256 of its regular files'
 * names and contents in name order, so a folder with a file renamed, added or changed has another fingerprint.
 *
 * <pre>{@code
 * DataFingerprint.of(Path.of("train.csv"));                          // "9f86d081884c7d65..."
 * DataFingerprint.of(Path.of("/usr/share/datasets/fashion-mnist"));  // the folder's four files together
 * }</pre>
 */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    /** The file's (or folder's) SHA-256 in lower-case hex. */
    public static String of(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(file)) {
                List<Path> inside;
                try (Stream<Path> listing = Files.list(file)) {
                    inside = listing.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : inside) {
                    digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    add(digest, f);
                }
            } else {
                add(digest, file);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UserInputException("Cannot read '" + file + "' to fingerprint it: " + e.getMessage() + ".", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256, which every Java must have.", e);
        }
    }

    private static void add(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
    }
}
