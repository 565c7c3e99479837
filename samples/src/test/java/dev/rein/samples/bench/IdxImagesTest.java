package dev.rein.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxImagesTest {
    @TempDir
    Path dir;

    @Test
    void pixelsBecomeScaledFeaturesAndZerosAreLeftOut() throws IOException {
        Path images = idx(dir.resolve("img"), IdxImages.IMAGES_MAGIC, new int[] {2, 2, 2},
                new byte[] {0, (byte) 255, 51, 0, 1, 0, 0, 0});
        Path labels = idx(dir.resolve("lab"), IdxImages.LABELS_MAGIC, new int[] {2}, new byte[] {7, 0});
        List<SparseRow> rows = IdxImages.read(images, labels, 10, l -> "c" + l);
        assertEquals(List.of(SparseRow.parse("c7 2:1 3:0.2", 1), SparseRow.parse("c0 1:0.0039", 2)), rows);
        assertEquals(1, IdxImages.read(images, labels, 1, Integer::toString).size());
    }

    @Test
    void swappedFilesAreNamed() throws IOException {
        Path labels = idx(dir.resolve("lab"), IdxImages.LABELS_MAGIC, new int[] {1}, new byte[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxImages.read(labels, labels, 1, Integer::toString));
        assertEquals("'" + labels + "' is not an IDX file of images (idx3-ubyte): its magic number is 0x801,"
                + " expected 0x803", e.getMessage());
    }

    private static Path idx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        return file;
    }
}
