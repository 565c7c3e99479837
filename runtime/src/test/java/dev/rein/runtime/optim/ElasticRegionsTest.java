package dev.rein.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ElasticRegionsTest {
    @Test
    void overlappingRegionsAddUpAndEachCoversOnlyItsTensorAndColumns() {
        ElasticRegions r = ElasticRegions.none().plus(0, 0, 10, 0.01, 0).plus(0, 0, 11, 0, 0.001)
                .plus(1, 2, 1, 0.5, 0.5);
        assertEquals(0.01, r.l1(0, 3), 0);
        assertEquals(0.0, r.l1(0, 10), 0, "the bias column is outside the L1 region");
        assertEquals(0.001, r.l2(0, 10), 0);
        assertEquals(0.0, r.l1(1, 3), 0, "tensor 1 has only column 2");
        assertEquals(0.5, r.l1(1, 2), 0);
        double[] l1ByColumn = r.columns(0, 12)[0];
        assertArrayEquals(new double[] {0.01, 0.01, 0.0, 0.0}, new double[] {l1ByColumn[0], l1ByColumn[9],
            l1ByColumn[10], l1ByColumn[11]}, 0, "per column, beyond the regions too");
        assertEquals(0.02, r.times(2).l1(0, 0), 1e-15);
        assertEquals(0.02, ElasticRegions.everywhere(0.01, 0).plus(r).l1(0, 0), 1e-15);
        assertTrue(ElasticRegions.none().isEmpty() && ElasticRegions.everywhere(0, 0).isEmpty() && !r.isEmpty());
        assertEquals(0.3, ElasticRegions.everywhere(0.3, 0).l1(7, 123456), 0, "everywhere is every tensor");
    }
}
