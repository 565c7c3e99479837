package dev.rein.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsItsSha256() throws Exception {
        Path file = Files.writeString(dir.resolve("data.csv"), "abc");
        // SHA-256("abc"), FIPS 180-2's first example.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DataFingerprint.of(file));
    }

    @Test
    void aFolderIsItsFilesNamesAndContentsWhereverItLies() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("elsewhere/b"));
        for (Path folder : new Path[] {a, b}) {
            Files.writeString(folder.resolve("t10k-labels-idx1-ubyte"), "labels");
            Files.writeString(folder.resolve("train-images-idx3-ubyte"), "images");
        }
        assertEquals(DataFingerprint.of(a), DataFingerprint.of(b));

        Files.writeString(b.resolve("train-images-idx3-ubyte"), "images!");
        assertNotEquals(DataFingerprint.of(a), DataFingerprint.of(b), "a changed file");
        Files.writeString(b.resolve("train-images-idx3-ubyte"), "images");
        Files.move(b.resolve("t10k-labels-idx1-ubyte"), b.resolve("t10k-labels-idx1-ubyte.gz"));
        assertNotEquals(DataFingerprint.of(a), DataFingerprint.of(b), "a renamed file");
        Files.move(b.resolve("t10k-labels-idx1-ubyte.gz"), b.resolve("t10k-labels-idx1-ubyte"));
        assertEquals(DataFingerprint.of(a), DataFingerprint.of(b));
        Files.createDirectories(b.resolve("sub"));
        assertEquals(DataFingerprint.of(a), DataFingerprint.of(b), "only the folder's own files count");
    }
}
