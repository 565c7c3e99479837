package dev.rein.samples.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file under a folder with its bytes: taken before and after a command, two equal states show that nothing on
 * disk changed (no file written, removed or touched in content).
 */
public record DiskState(Map<String, String> files) {
    /** The state of every file under {@code root}. */
    public static DiskState of(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String key = root.relativize(p).toString();
                files.put(key, Files.isDirectory(p) ? "<dir>" : Arrays.toString(Files.readAllBytes(p)).hashCode()
                        + ":" + Files.size(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DiskState(files);
    }
}
