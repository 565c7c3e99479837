package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.check.TestHooks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tabulated slope against the hooks it replaces, for penalties of different shape. */
class SlopeTableTest {
    private static final ElementwisePenalty[] NONE = new ElementwisePenalty[0];

    /** Weights of both signs with magnitudes spread evenly over {@code 1e-14 .. 1e5} on a log scale. */
    private static double[] weights(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double magnitude = Math.pow(10, -14 + 19 * random.nextDouble());
            w[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return w;
    }

    private static void assertMatchesHooks(SlopeTable table, ElementwisePenalty[] terms, double relative) {
        for (double w : weights(200_000, 7)) {
            double expected = sum(terms, w);
            double actual = table.at(w);
            // the rounding floor: a share of the slope's size nearby (where it crosses zero, it is not small)
            double nearby = Math.max(Math.abs(sum(terms, w * 0.97)), Math.abs(sum(terms, w * 1.03)));
            assertTrue(Math.abs(actual - expected) <= relative * Math.abs(expected) + 1e-11 * nearby,
                    () -> "slope at " + w + ": table " + actual + ", hooks " + expected);
        }
    }

    private static double sum(ElementwisePenalty[] terms, double w) {
        double sum = 0;
        for (ElementwisePenalty t : terms) {
            sum += t.gradient(w);
        }
        return sum;
    }

    @Test
    void smoothPenaltiesOfEveryShapeMatchTheirHooksToTheStatedShare() {
        ElementwisePenalty[][] shapes = {
            {FlowPenalties.logCosh(1e-5, 0.1)},
            {FlowPenalties.steep(1e-6, 0.01)},
            {FlowPenalties.cauchy(1e-4)},
            {FlowPenalties.quartic(0.3)},
            {FlowPenalties.logCosh(2.0), FlowPenalties.cauchy(0.5)},
        };
        for (ElementwisePenalty[] terms : shapes) {
            SlopeTable table = SlopeTable.of(terms);
            assertMatchesHooks(table, terms, 2 * SlopeTable.RELATIVE_ERROR);
            // a smooth slope keeps nearly every piece: the table is what answers, not the fallback
            assertTrue(table.keptPieces() > 0.95 * 2 * 52 * SlopeTable.PIECES_PER_BINADE,
                    "pieces kept: " + table.keptPieces());
        }
    }

    @Test
    void aSlopeWithKinksAndASignChangeIsAnsweredByTheHooksWhereTheCubicsFail() {
        // Huber's slope: λ·w inside ±0.3, λ·0.3·sign(w) outside (kinks at ±0.3), shifted so it crosses zero at 0.05
        ElementwisePenalty huber = TestHooks.penalty(w -> 0,
                w -> 0.01 * (Math.max(-0.3, Math.min(0.3, w)) - 0.05), null);
        ElementwisePenalty[] terms = {huber};
        SlopeTable table = SlopeTable.of(terms);
        assertMatchesHooks(table, terms, 2 * SlopeTable.RELATIVE_ERROR);
        for (double w : new double[] {0.3, 0.3 + 1e-9, 0.3 - 1e-9, 0.05, 0.05 + 1e-12, -0.3 - 1e-7}) {
            // within the stated share, or the rounding floor of a slope of size 0.01·0.25 nearby
            assertEquals(huber.gradient(w), table.at(w), 1e-9 * Math.abs(huber.gradient(w)) + 1e-11 * 0.0025,
                    "at " + w);
        }
        assertTrue(table.keptPieces() < 2 * 52 * SlopeTable.PIECES_PER_BINADE, "the kinks' pieces are dropped");
    }

    @Test
    void zeroHugeAndNonFiniteWeightsGoToTheHooksExactly() {
        ElementwisePenalty logCosh = FlowPenalties.logCosh(1e-3, 0.1);
        SlopeTable table = SlopeTable.of(new ElementwisePenalty[] {logCosh});
        for (double w : new double[] {0.0, -0.0, 1e-13, -1e-15, 5000, -1e9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals(logCosh.gradient(w), table.at(w), 0.0, "at " + w);
        }
    }

    @Test
    void aWeightAtZeroWhereTribuoStartsThemAllCostsNoHookCall() {
        int[] calls = {0};
        ElementwisePenalty counted = TestHooks.penalty(w -> 0, w -> {
            calls[0]++;
            return 1e-3 * w / Math.hypot(w, 0.01);
        }, null);
        SlopeTable table = SlopeTable.of(new ElementwisePenalty[] {counted});
        int built = calls[0];
        assertEquals(0.0, table.at(0.0), 0.0);
        assertEquals(0.0, table.at(-0.0), 0.0);
        assertEquals(counted.gradient(0.004), table.at(0.004), 1e-9 * 1e-3);
        assertEquals(built + 1, calls[0], "only the direct call above reached the hook");
    }

    @Test
    void noTermsHaveSlopeZero() {
        SlopeTable table = SlopeTable.of(NONE);
        assertEquals(0.0, table.at(0.5));
        assertEquals(0, table.keptPieces());
    }

    @Test
    void aHookThatAnswersTheSameWeightDifferentlyGetsNoTable() {
        int[] calls = {0};
        ElementwisePenalty drifting = TestHooks.penalty(w -> 0, w -> w + 1e-3 * calls[0]++, null);
        java.util.List<String> warnings;
        SlopeTable table;
        try (LogCapture log = LogCapture.of(SlopeTable.class)) {
            table = SlopeTable.of(new ElementwisePenalty[] {drifting});
            warnings = log.messages();
        }
        assertEquals(0, table.keptPieces());
        assertEquals(1, warnings.size(), "said once: " + warnings);
        assertTrue(warnings.get(0).startsWith("[tribuo-penalty-not-reproducible]"), warnings.get(0));
        int before = calls[0];
        table.at(0.25);
        assertEquals(before + 1, calls[0], "the hook answers every read");
    }
}
