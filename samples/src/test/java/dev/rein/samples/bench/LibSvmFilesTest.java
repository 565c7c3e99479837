package dev.rein.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibSvmFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrote() {
        List<SparseRow> rows = new SparseSetGenerator(1000, 5, 0.2, 0.1, 3L).generate(20, 0).train();
        Path file = dir.resolve("sub/set.libsvm");
        LibSvmFiles.write(rows, file);
        assertEquals(rows, LibSvmFiles.read(file));
        assertFalse(Files.exists(dir.resolve("sub/set.libsvm.part")));
    }

    @Test
    void namesFileAndLineOfAMalformedRow() throws IOException {
        Path file = dir.resolve("bad.libsvm");
        Files.writeString(file, "1 1:2\n\n-1 4:x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LibSvmFiles.read(file));
        assertEquals("'" + file + "': Line 3: '4:x' is not index:value (e.g. 12:0.5)", e.getMessage());
    }
}
