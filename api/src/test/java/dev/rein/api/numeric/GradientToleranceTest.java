package dev.rein.api.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    /** {@code λδ²(sqrt(1 + (w/δ)²) - 1)}, δ = 0.5: near zero its values lie on a grid of about {@code 6e-17·λ}. */
    private static DoubleUnaryOperator scaledPseudoHuber(double lambda) {
        double delta = 0.5;
        return w -> lambda * delta * delta * (Math.sqrt(1 + (w / delta) * (w / delta)) - 1);
    }

    @Test
    void roundingThatRepeatsAtEvenlySpacedPointsIsStillMeasured() {
        for (double lambda : new double[] {1e-4, 1e-3, 1, 1e3}) {
            DoubleUnaryOperator r = scaledPseudoHuber(lambda);
            double w = 1e-6;
            double exact = lambda * w / Math.sqrt(1 + 4 * w * w);
            double numeric = central(r, w);
            // off by 8e-4 relative (a user's report: 1.00000e-09 against 9.99201e-10 at lambda = 1e-3), while the
            // values at w + j·h, evenly spaced, have fourth differences of exactly 0
            assertTrue(Math.abs(numeric - exact) > 50 * GradientTolerance.RTOL * Math.abs(exact), numeric + "");
            double atol = GradientTolerance.absoluteTolerance(r, w);
            assertTrue(GradientTolerance.agrees(exact, numeric, atol), "lambda " + lambda + ": atol " + atol);
            assertFalse(GradientTolerance.agrees(-exact, numeric, atol), "the wrong sign, lambda " + lambda);
            // at w = 1e-2 the grid is fine against the step: 1 % off is caught
            double far = 1e-2;
            double farExact = lambda * far / Math.sqrt(1 + 4 * far * far);
            double farAtol = GradientTolerance.absoluteTolerance(r, far);
            assertTrue(GradientTolerance.agrees(farExact, central(r, far), farAtol));
            assertFalse(GradientTolerance.agrees(1.01 * farExact, central(r, far), farAtol), "1 % off at 1e-2");
        }
    }

    @Test
    void curvatureThatDiffersOnEachSideIsTruncationNotAWrongGradient() {
        for (DoubleUnaryOperator r : List.<DoubleUnaryOperator>of(w -> 1e-3 * (w > 0 ? 2 : 1) * w * w,
                w -> w > 0 ? 0.5 * w * w : -3 * w * w * w)) {
            // gradient 0 at 0, but the central difference is h·(f''₊ - f''₋)/4, about 5e-13 for the first
            double numeric = central(r, 0);
            assertTrue(numeric > 0, "" + numeric);
            double atol = GradientTolerance.absoluteTolerance(r, 0);
            assertTrue(GradientTolerance.truncationError(r, 0) >= 0.99 * numeric, "the estimate is the error");
            assertTrue(GradientTolerance.agrees(0, numeric, atol));
            assertFalse(GradientTolerance.agrees(1e-8, numeric, atol), "a wrong gradient of 1e-8 at 0 still fails");
        }
        DoubleUnaryOperator asymmetric = w -> 1e-3 * (w > 0 ? 2 : 1) * w * w;
        for (double w : new double[] {1e-6, -1e-6, 1e-3, -1e-3, 1, -1e3}) {
            double exact = 1e-3 * (w > 0 ? 4 : 2) * w;
            double atol = GradientTolerance.absoluteTolerance(asymmetric, w);
            assertTrue(GradientTolerance.agrees(exact, central(asymmetric, w), atol), "at " + w);
            assertFalse(GradientTolerance.agrees(1.01 * exact, central(asymmetric, w), atol), "1 % off at " + w);
        }
    }
}
