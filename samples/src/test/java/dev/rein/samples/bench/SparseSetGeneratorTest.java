package dev.rein.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparseSetGeneratorTest {
    private static final SparseSetGenerator GENERATOR = new SparseSetGenerator(100_000, 20, 0.05, 0.25, 42L);

    @Test
    void sameSeedSameRows() {
        assertEquals(GENERATOR.generate(200, 50), GENERATOR.generate(200, 50));
        assertNotEquals(GENERATOR.generate(200, 0).train(),
                new SparseSetGenerator(100_000, 20, 0.05, 0.25, 43L).generate(200, 0).train());
    }

    @Test
    void everyRowHasTheRequestedNonZerosInRange() {
        SparseSetGenerator.Split split = GENERATOR.generate(300, 100);
        assertEquals(300, split.train().size());
        assertEquals(100, split.test().size());
        for (SparseRow row : split.train()) {
            int[] indices = row.indices();
            assertEquals(20, indices.length);
            assertTrue(indices[0] >= 1 && indices[19] <= 100_000, row.toString());
            for (double v : row.values()) {
                assertTrue(v > 0, row.toString());
            }
        }
    }

    @Test
    void trainingLabelsAreBalancedByTheMedian() {
        List<SparseRow> train = GENERATOR.generate(1000, 0).train();
        assertEquals(500, train.stream().filter(r -> r.label().equals("1")).count());
        assertEquals(500, train.stream().filter(r -> r.label().equals("-1")).count());
    }

    @Test
    void refusesMoreNonZerosThanFeatures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparseSetGenerator(10, 11, 0.5, 0, 1L));
        assertEquals("nonZeros must be between 1 and features (10), got 11", e.getMessage());
    }
}
