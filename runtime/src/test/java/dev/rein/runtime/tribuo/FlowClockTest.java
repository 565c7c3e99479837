package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.check.TestHooks;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link FlowClock} against gradient flows solved in closed form: where it answers, within
 * {@code 1e-8·S·max|R'|} of the exact end (plus a rounding floor); NaN where the path leaves the clock.
 */
class FlowClockTest {
    /** The smallest magnitude the slope table holds, {@code 2^-40}. */
    private static final double TABLE_START = Math.scalb(1.0, -40);

    /**
     * Weights of magnitude 1e-3 to 10 and both signs, flowing for {@code times} (from a little to far), against
     * {@code exactEnd(w₀, t)}; ends below the table's range must be refused.
     */
    private static void assertFollowsTheFlow(String name, ElementwisePenalty penalty, double[] times,
            DoubleBinaryOperator exactEnd) {
        FlowClock clock = FlowClock.of(SlopeTable.of(new ElementwisePenalty[] {penalty}));
        SplittableRandom random = new SplittableRandom(11);
        int answered = 0;
        int cases = 0;
        for (int k = 0; k < 400; k++) {
            double w0 = Math.pow(10, -3 + 4 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            double elapsed = times[k % times.length];
            double exact = exactEnd.applyAsDouble(w0, elapsed);
            double largestSlope = Math.max(Math.abs(penalty.gradient(w0)), Math.abs(penalty.gradient(exact)));
            double end = clock.travel(w0, elapsed, w0, 1e-12 * Math.abs(w0));
            if (Math.abs(exact) < TABLE_START) {
                // below the table: no run reaches there
                assertTrue(Double.isNaN(end), name + " from " + w0 + " for " + elapsed + " to " + exact);
                continue;
            } else if (Math.abs(exact) < 1.01 * TABLE_START) {
                continue;   // at the edge: within the clock's error of leaving the table
            }
            cases++;
            if (!Double.isNaN(end)) {
                answered++;
                double allowed = 2 * FlowClock.RELATIVE_ERROR * elapsed * largestSlope + 1e-12 * Math.abs(w0);
                assertEquals(exact, end, allowed, name + " from " + w0 + " for " + elapsed);
            }
        }
        assertTrue(cases >= 200 && answered >= 0.98 * cases, name + ": answered " + answered + " of " + cases);
    }

    @Test
    void logCoshFlowsAsSinhDecays() {
        // R' = λ·tanh(w/s): sinh(|w|/s) falls by e^(-λt/s)
        double lambda = 1e-3;
        double s = 0.1;
        assertFollowsTheFlow("log-cosh", FlowPenalties.logCosh(lambda, s), new double[] {1, 30, 300, 3000},
                (w0, t) -> Math.copySign(s * asinh(Math.sinh(Math.abs(w0) / s) * Math.exp(-lambda * t / s)), w0));
    }

    @Test
    void quarticFlowsAsItsClosedForm() {
        // R' = λw³: w = w₀ / √(1 + 2λw₀²t)
        double lambda = 0.05;
        assertFollowsTheFlow("quartic", FlowPenalties.quartic(lambda), new double[] {0.1, 10, 1000, 1e5},
                (w0, t) -> w0 / Math.sqrt(1 + 2 * lambda * w0 * w0 * t));
    }

    @Test
    void cauchyFlowsToTheRootOfItsClock() {
        // R' = 2λw/(1 + w²): T(m) = (ln m + m²/2) / (2λ), concave beyond |w| = 1
        double lambda = 1e-2;
        assertFollowsTheFlow("cauchy", FlowPenalties.cauchy(lambda), new double[] {0.5, 20, 100, 400},
                (w0, t) -> Math.copySign(root(m -> Math.log(m / Math.abs(w0)) + (m * m - w0 * w0) / 2 + 2 * lambda * t,
                        Math.abs(w0)), w0));
    }

    @Test
    void pseudoHuberFlowsAcrossItsBendAtTheWidth() {
        // R' = λw/√(w² + ε²): λT(m) = √(m² + ε²) - ε·ln((ε + √(m² + ε²))/m); L1-like beyond ε
        double lambda = 1e-4;
        double epsilon = 0.01;
        assertFollowsTheFlow("pseudo-Huber", FlowPenalties.steep(lambda, epsilon), new double[] {3, 100, 1000, 2e4},
                (w0, t) -> Math.copySign(root(m -> pseudoHuberClock(m, epsilon) - pseudoHuberClock(Math.abs(w0),
                        epsilon) + lambda * t, Math.abs(w0)), w0));
    }

    @Test
    void aPenaltyPushingOutwardRunsTheClockTheOtherWay() {
        // R' = -λw: |w| grows as e^(λt)
        ElementwisePenalty outward = TestHooks.penalty(w -> -0.5 * 0.01 * w * w, w -> -0.01 * w, null);
        FlowClock clock = FlowClock.of(SlopeTable.of(new ElementwisePenalty[] {outward}));
        for (double w0 : new double[] {-2.0, 0.003, 0.4}) {
            double exact = w0 * Math.exp(0.01 * 70);
            assertEquals(exact, clock.travel(w0, 70, w0, 1e-12 * Math.abs(w0)),
                    1e-8 * 70 * 0.01 * Math.abs(exact) + 1e-12,
                    "from " + w0);
        }
    }

    @Test
    void aKinkEndsTheRunAndAPathAcrossItIsNotFollowed() {
        // Huber: slope λ·clip(w, ±0.3); beyond the kink the flow moves at the constant speed 0.3λ
        double lambda = 0.02;
        ElementwisePenalty huber = TestHooks.penalty(w -> 0, w -> lambda * Math.max(-0.3, Math.min(0.3, w)), null);
        FlowClock clock = FlowClock.of(SlopeTable.of(new ElementwisePenalty[] {huber}));
        double within = clock.travel(0.9, 50, 0.9, 1e-13);   // 0.9 - 0.3 = 0.6 further out
        assertEquals(0.9 - 0.3 * lambda * 50, within, 1e-8 * 50 * 0.3 * lambda + 1e-12);
        assertTrue(Double.isNaN(clock.travel(0.9, 150, 0.9, 1e-13)), "to 0.9 - 0.9 = 0: across the kink at 0.3");
        assertTrue(Double.isNaN(clock.travel(-0.31, 10, -0.31, 1e-13)), "to -0.25: across the kink at -0.3");
        // inside the kink the slope is λw: the exponential decay again
        assertEquals(0.2 * Math.exp(-lambda * 40), clock.travel(0.2, 40, 0.2, 1e-13),
                1e-8 * 40 * lambda * 0.2 + 1e-13);
    }

    @Test
    void aFlowThatReachesZeroInFiniteTimeIsNotFollowedPastIt() {
        // λ·log(1 + |w|/ε): slope λ/(ε + |w|) stays finite at zero, so the flow gets there in finite time
        ElementwisePenalty log = FlowPenalties.logL1(0.1, 0.01);
        FlowClock clock = FlowClock.of(SlopeTable.of(new ElementwisePenalty[] {log}));
        double reaches = (0.01 * 0.05 + 0.05 * 0.05 / 2) / 0.1;   // T(m) = (εm + m²/2)/λ from 0
        assertTrue(Double.isNaN(clock.travel(0.05, 1.01 * reaches, 0.05, 1e-13)), "past zero");
        double before = clock.travel(0.05, 0.5 * reaches, 0.05, 1e-13);
        // half the time: εm + m²/2 = half of its value at 0.05
        double exact = -0.01 + Math.sqrt(0.01 * 0.01 + (0.01 * 0.05 + 0.05 * 0.05 / 2));
        assertEquals(exact, before, 1e-8 * 0.5 * reaches * 0.1 / 0.01 + 1e-12);
    }

    @Test
    void aPenaltyThatIsNotReproducibleHasNoClock() {
        SplittableRandom random = new SplittableRandom(3);
        ElementwisePenalty noisy = TestHooks.penalty(w -> 0, w -> 0.01 * w * (1 + 1e-3 * random.nextDouble()), null);
        assertNull(FlowClock.of(SlopeTable.of(new ElementwisePenalty[] {noisy})));
        assertNull(FlowClock.of(SlopeTable.of(new ElementwisePenalty[0])));
    }

    @Test
    void aLongFlowCostsAFewReadingsNotAnIntegration() {
        // log-cosh from 2 for λt = 3 (the weight falls to about 0.1): PenaltyFlow's Runge–Kutta path took ~160 calls
        double lambda = 1e-3;
        FlowClock clock = FlowClock.of(SlopeTable.of(new ElementwisePenalty[] {FlowPenalties.logCosh(lambda)}));
        double end = clock.travel(2.0, 3000, 2.0 - 3000 * lambda * Math.tanh(2.0), 1e-12);
        assertFalse(Double.isNaN(end));
        assertEquals(asinh(Math.sinh(2.0) * Math.exp(-3)), end, 1e-8 * 3000 * lambda + 1e-12);
        assertTrue(clock.lastReadings() <= 25, "readings: " + clock.lastReadings());
    }

    private static double asinh(double x) {
        return Math.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
    }

    private static double pseudoHuberClock(double m, double epsilon) {
        double r = Math.sqrt(m * m + epsilon * epsilon);
        return r - epsilon * Math.log((epsilon + r) / m);
    }

    /** The root in {@code (0, upper]} of an increasing function, by bisection to the last bit. */
    private static double root(java.util.function.DoubleUnaryOperator f, double upper) {
        double lo = 0;
        double hi = upper;
        for (int i = 0; i < 2000 && lo < hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (f.applyAsDouble(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
