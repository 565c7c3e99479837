package dev.rein.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamDescriptorTest {

    @Test
    void parsesDoublesWithinBounds() {
        ParamDescriptor p = ParamDescriptor.builder("lambda", ParamType.DOUBLE).min(0, false).build();
        assertEquals(1e-4, p.parse("1e-4"));
        assertEquals(0.0, p.parse("0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.parse("-1"));
        assertEquals("'-1' is out of range: lambda must be a number >= 0", e.getMessage());
    }

    @Test
    void exclusiveBoundsRejectTheBoundItself() {
        ParamDescriptor p = ParamDescriptor.builder("p", ParamType.DOUBLE).min(0, false).max(1, true).build();
        assertEquals("a number in [0, 1)", p.validRange());
        assertEquals(0.5, p.parse("0.5"));
        assertThrows(IllegalArgumentException.class, () -> p.parse("1"));
    }

    @Test
    void rejectsTextThatIsNotANumber() {
        ParamDescriptor p = ParamDescriptor.builder("c", ParamType.DOUBLE).min(0, true).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.parse("abc"));
        assertEquals("'abc' is not a number: c must be a number > 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.parse("NaN"));
    }

    @Test
    void integersMustBeWholeAndFitTheirType() {
        ParamDescriptor p = ParamDescriptor.builder("patience", ParamType.INT).min(1, false).build();
        assertEquals(5, p.parse("5"));
        assertThrows(IllegalArgumentException.class, () -> p.parse("2.5"));
        assertThrows(IllegalArgumentException.class, () -> p.parse("3000000000"));
        assertThrows(IllegalArgumentException.class, () -> p.parse("0"));
        ParamDescriptor l = ParamDescriptor.builder("seed", ParamType.LONG).build();
        assertEquals(3000000000L, l.parse("3000000000"));
    }

    @Test
    void booleansAndEnumsAreCaseInsensitive() {
        ParamDescriptor b = ParamDescriptor.builder("restore_best", ParamType.BOOLEAN).build();
        assertEquals(true, b.parse("TRUE"));
        assertThrows(IllegalArgumentException.class, () -> b.parse("yes"));
        ParamDescriptor e = ParamDescriptor.builder("metric", ParamType.ENUM)
                .enumeration("x.Metric", List.of("ACCURACY", "LOSS")).build();
        assertEquals("LOSS", e.parse("loss"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> e.parse("f1"));
        assertEquals("'f1' is not one of the allowed values: metric must be one of accuracy, loss", error.getMessage());
    }

    @Test
    void buildRejectsADefaultOutsideTheBounds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamDescriptor.builder("c", ParamType.DOUBLE).min(0, true).defaultValue("0").build());
        assertTrue(e.getMessage().contains("c must be a number > 0"), e.getMessage());
    }

    @Test
    void buildRejectsBoundsOnNonNumericTypes() {
        assertThrows(IllegalArgumentException.class,
                () -> ParamDescriptor.builder("flag", ParamType.BOOLEAN).min(0, false).build());
    }

    @Test
    void infinityIsAValueOnlyWhereABoundDeclaresIt() {
        ParamDescriptor lambda = ParamDescriptor.builder("lambda", ParamType.DOUBLE).min(0, false).build();
        assertFalse(lambda.allowsInfinity(Double.POSITIVE_INFINITY), "no upper bound declared: finite only");
        assertFalse(lambda.allowsInfinity(1.0), "a finite value is not an infinity");
        assertEquals("a number >= 0", lambda.validRange());

        ParamDescriptor cap = ParamDescriptor.builder("c", ParamType.DOUBLE).min(0, true)
                .max(Double.POSITIVE_INFINITY, false).build();
        assertTrue(cap.allowsInfinity(Double.POSITIVE_INFINITY));
        assertFalse(cap.allowsInfinity(Double.NEGATIVE_INFINITY));
        assertEquals("a number > 0, or Infinity", cap.validRange());

        ParamDescriptor open = ParamDescriptor.builder("c", ParamType.DOUBLE).max(Double.POSITIVE_INFINITY, true)
                .build();
        assertFalse(open.allowsInfinity(Double.POSITIVE_INFINITY), "an exclusive bound leaves its value out");
        assertTrue(ParamDescriptor.builder("shift", ParamType.DOUBLE).min(Double.NEGATIVE_INFINITY, false)
                .max(Double.POSITIVE_INFINITY, false).build().validRange().endsWith(", or +/-Infinity"));
    }
}
