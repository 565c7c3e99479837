package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;
import org.junit.jupiter.api.Test;

/** Which constraints the lazy engine may apply as one scale per row: recognised by what they do. */
class RowNormCapTest {
    @Test
    void maxNormIsRecognisedWithItsRadius() {
        assertEquals(3.0, RowNormCap.of(new TestTerms.MaxNorm(3.0)), 1e-12);
        assertEquals(0.01, RowNormCap.of(new TestTerms.MaxNorm(0.01)), 1e-12);
    }

    @Test
    void projectionsThatAreNotARowNormCapAreNot() {
        assertTrue(Double.isNaN(RowNormCap.of(new TestTerms.NonNegative())), "clips signs, not norms");
        assertTrue(Double.isNaN(RowNormCap.of(new TestTerms.MaxNorm(1e7))), "a cap beyond the probe stays eager");
        Constraint perEntryClip = block -> {
            double[] w = block.values();
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(-1, Math.min(1, w[i]));
            }
        };
        assertTrue(Double.isNaN(RowNormCap.of(perEntryClip)), "a box is not a ball");
        Constraint wholeBlockCap = block -> {
            double sum = 0;
            for (int r = 0; r < block.rows(); r++) {
                sum += block.rowSquaredNorm(r);
            }
            double norm = Math.sqrt(sum);
            if (norm > 2) {
                for (int r = 0; r < block.rows(); r++) {
                    block.scaleRow(r, 2 / norm);
                }
            }
        };
        assertTrue(Double.isNaN(RowNormCap.of(wholeBlockCap)), "a cap on the whole block couples the rows");
        Constraint throwing = block -> {
            throw new IllegalStateException("boom");
        };
        assertTrue(Double.isNaN(RowNormCap.of(throwing)));
    }

    @Test
    void aRowAlreadyInsideTheBallIsLeftAlone() {
        double[] inside = {0.1, 0.2, 0, 0};
        new TestTerms.MaxNorm(1).project(new ParameterBlock("w", dev.rein.api.hook.Role.WEIGHT, 1, 4, inside));
        assertEquals(0.2, inside[1], 0.0);
    }
}
