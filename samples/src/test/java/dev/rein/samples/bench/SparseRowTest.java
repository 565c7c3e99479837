package dev.rein.samples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SparseRowTest {
    @Test
    void parsesAndWritesTheSameLine() {
        SparseRow row = SparseRow.parse("-1 3:0.5 10:1 12:0.0039", 1);
        assertEquals("-1", row.label());
        assertArrayEquals(new int[] {3, 10, 12}, row.indices());
        assertArrayEquals(new double[] {0.5, 1.0, 0.0039}, row.values());
        assertEquals("-1 3:0.5 10:1 12:0.0039", row.toLibSvm());
    }

    @Test
    void writesSmallValuesWithoutExponent() {
        assertEquals("1 7:0.00001", new SparseRow("1", new int[] {7}, new double[] {1e-5}).toLibSvm());
    }

    @Test
    void dotSkipsIndicesBeyondTheWeights() {
        SparseRow row = new SparseRow("1", new int[] {1, 2, 9}, new double[] {2, 3, 100});
        assertEquals(2 * 0.5 + 3 * -1.0, row.dot(new double[] {0, 0.5, -1.0}), 0);
    }

    @Test
    void namesTheLineOfABadToken() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseRow.parse("1 3:0.5 x", 7));
        assertEquals("Line 7: 'x' is not index:value (e.g. 12:0.5)", e.getMessage());
    }

    @Test
    void refusesIndicesThatDoNotIncrease() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseRow.parse("1 3:0.5 3:1", 2));
        assertEquals("Line 2: Feature indices must be 1-based and strictly increasing, got [3, 3]", e.getMessage());
    }
}
