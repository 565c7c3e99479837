package dev.rein.api.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class GradientToleranceTest {
    private static final DoubleUnaryOperator PSEUDO_HUBER = w -> Math.sqrt(1 + w * w) - 1;

    private static double central(DoubleUnaryOperator f, double x) {
        double h = GradientTolerance.step(x);
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    @Test
    void theStepFollowsTheWeightsScale() {
        assertEquals(1e-9, GradientTolerance.step(1e-6));
        assertEquals(1e-9, GradientTolerance.step(0));
        assertEquals(1.0, GradientTolerance.step(-1e6));
    }

    @Test
    void noiseOfACancellingPenaltyIsMeasuredAndCoversItsFiniteDifferenceError() {
        double w = 1e-6;
        double exact = w / Math.sqrt(1 + w * w);
        double numeric = central(PSEUDO_HUBER, w);
        // the rounding noise of 1 + w², about 1e-16, over h = 1e-9: finite differences miss by far more than RTOL
        assertTrue(Math.abs(numeric - exact) > 10 * GradientTolerance.RTOL * exact, numeric + " vs " + exact);
        double atol = GradientTolerance.absoluteTolerance(PSEUDO_HUBER, w);
        assertTrue(atol > 1e-8 && atol < 1e-6, "atol " + atol);
        assertTrue(GradientTolerance.agrees(exact, numeric, atol));
        assertFalse(GradientTolerance.agrees(-exact, numeric, atol), "the wrong sign");
    }

    @Test
    void aWellConditionedPenaltyKeepsTheRelativeTest() {
        DoubleUnaryOperator l2 = w -> 0.5 * w * w;
        for (double w : new double[] {1e-6, 1e-3, 1, 1e3}) {
            double atol = GradientTolerance.absoluteTolerance(l2, w);
            assertTrue(atol < 1e-6 * w, "atol " + atol + " at " + w);
            assertTrue(GradientTolerance.agrees(w, central(l2, w), atol));
            assertFalse(GradientTolerance.agrees(1.01 * w, central(l2, w), atol), "1 % off at " + w);
        }
    }

    @Test
    void aKinkAtThePointIsNotTakenForNoise() {
        DoubleUnaryOperator l1 = Math::abs;
        assertTrue(GradientTolerance.absoluteTolerance(l1, 0) < 1e-12);
    }
}
