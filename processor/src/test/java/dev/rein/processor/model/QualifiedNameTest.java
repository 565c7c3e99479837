package dev.rein.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualifiedNameTest {
    @Test
    void nestedClassNames() {
        QualifiedName n = QualifiedName.of("com.example", "Outer", "Inner");
        assertEquals("com.example.Outer.Inner", n.canonicalName());
        assertEquals("com.example.Outer$Inner", n.binaryName());
        assertEquals("Outer_Inner", n.flatName());
        assertEquals("Inner", n.simpleName());
        assertEquals(QualifiedName.of("com.example", "Outer_Inner_ReinProvider"), n.sibling("_ReinProvider"));
    }

    @Test
    void unnamedPackage() {
        QualifiedName n = QualifiedName.of("", List.of("Top"));
        assertEquals("Top", n.canonicalName());
        assertEquals("Top", n.binaryName());
    }

    @Test
    void needsASimpleName() {
        assertThrows(IllegalArgumentException.class, () -> QualifiedName.of("com.example", List.of()));
    }
}
