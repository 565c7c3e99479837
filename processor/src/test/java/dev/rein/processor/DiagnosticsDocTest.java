package dev.rein.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.processor.check.Messages;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md names every diagnostic of {@link Messages} in a heading. */
class DiagnosticsDocTest {
    @Test
    void everyDiagnosticHasAnEntry() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "diagnostics.md"));
        TreeSet<String> missing = new TreeSet<>();
        for (Method m : Messages.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getReturnType() == String.class
                    && !page.contains("`" + m.getName() + "`")) {
                missing.add(m.getName());
            }
        }
        assertEquals(List.of(), List.copyOf(missing), "add these to docs/diagnostics.md");
    }
}
