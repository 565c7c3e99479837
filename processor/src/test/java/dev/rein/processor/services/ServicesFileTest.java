package dev.rein.processor.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServicesFileTest {
    private static final Set<String> ON_CLASS_PATH = Set.of("com.example.HandWritten", "org.other.Provider");

    @Test
    void parseSkipsCommentsAndBlankLines() {
        assertEquals(List.of("a.B", "c.D"), ServicesFile.parse("# header\n\na.B  # trailing\r\n  c.D\n"));
    }

    @Test
    void generatedEntriesAreSorted() {
        ServicesFile f = ServicesFile.merge(List.of("z.Z_ReinProvider", "a.A_ReinProvider"), List.of(),
                ON_CLASS_PATH::contains);
        assertEquals("a.A_ReinProvider\nz.Z_ReinProvider\n", f.content());
    }

    @Test
    void handWrittenEntriesThatExistAreKept() {
        ServicesFile f = ServicesFile.merge(List.of("com.example.Cauchy_ReinProvider"),
                List.of("org.other.Provider", "com.example.HandWritten"), ON_CLASS_PATH::contains);
        assertEquals(List.of("com.example.Cauchy_ReinProvider", "com.example.HandWritten", "org.other.Provider"),
                f.entries());
        assertEquals(List.of(), f.missing());
    }

    @Test
    void staleGeneratedEntriesAreDroppedSilently() {
        ServicesFile f = ServicesFile.merge(List.of("com.example.Cauchy_ReinProvider"),
                List.of("com.example.Renamed_ReinProvider", "com.example.Cauchy_ReinProvider"),
                name -> true);
        assertEquals(List.of("com.example.Cauchy_ReinProvider"), f.entries());
        assertEquals(List.of(), f.missing());
    }

    @Test
    void handWrittenEntriesWithoutAClassAreDroppedAndReported() {
        ServicesFile f = ServicesFile.merge(List.of(), List.of("com.example.Gone", "com.example.HandWritten"),
                ON_CLASS_PATH::contains);
        assertEquals(List.of("com.example.HandWritten"), f.entries());
        assertEquals(List.of("com.example.Gone"), f.missing());
    }

    @Test
    void duplicatesAppearOnce() {
        ServicesFile f = ServicesFile.merge(List.of("a.A_ReinProvider"),
                List.of("org.other.Provider", "org.other.Provider"), ON_CLASS_PATH::contains);
        assertEquals("a.A_ReinProvider\norg.other.Provider\n", f.content());
    }
}
