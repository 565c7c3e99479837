package dev.rein.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamModelTest {
    @Test
    void descriptorCarriesNameTypeDefaultBoundsAndDescription() {
        ParamDescriptor d = ParamModel.builder("l1_ratio", "l1Ratio", ParamType.DOUBLE)
                .defaultValue("0.5").min(0, false).max(1, true).description("Share of L1")
                .build().toDescriptor();
        assertEquals("l1_ratio", d.name());
        assertEquals("a number in [0, 1)", d.validRange());
        assertEquals("Share of L1", d.description());
        assertEquals(0.5, d.parse(d.defaultValue().orElseThrow()));
    }

    @Test
    void enumDescriptorUsesTheBinaryName() {
        ParamDescriptor d = ParamModel.builder("metric", "metric", ParamType.ENUM)
                .enumeration(QualifiedName.of("com.example", "Stop", "Metric"), List.of("ACCURACY", "LOSS"))
                .build().toDescriptor();
        assertEquals("com.example.Stop$Metric", d.enumType());
        assertEquals(true, d.required());
    }

    @Test
    void invalidDefaultIsRejectedWithTheRuntimesMessage() {
        ParamModel.Builder lambda = ParamModel.builder("lambda", "lambda", ParamType.DOUBLE)
                .defaultValue("-1").min(0, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, lambda::build);
        assertEquals("'-1' is out of range: lambda must be a number >= 0", e.getMessage());
    }

    @Test
    void enumTypeGoesWithEnumParameters() {
        assertThrows(IllegalStateException.class, () -> ParamModel.builder("x", "x", ParamType.ENUM).build());
        assertThrows(IllegalStateException.class, () -> ParamModel.builder("x", "x", ParamType.INT)
                .enumeration(QualifiedName.of("p", "E"), List.of("A")).build());
    }
}
