package dev.rein.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MedianAndBudgetTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Median.of(new double[] {9, 3, 1}), 0);
        assertEquals(3.05, Median.of(new double[] {3.1, 2.9, 3.0, 9.5}), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Median.of(new double[0]));
        assertEquals("The median of no values is undefined", e.getMessage());
    }

    @Test
    void noBudgetNeverStops() throws InterruptedException {
        RunBudget budget = RunBudget.start(0);
        Thread.sleep(5);
        budget.accept(0.5);   // does not throw
    }

    @Test
    void aSpentBudgetStopsAndExtrapolatesFromTheShareDone() throws InterruptedException {
        RunBudget budget = RunBudget.start(0.001);
        Thread.sleep(20);
        RunBudget.Exceeded e = assertThrows(RunBudget.Exceeded.class, () -> budget.accept(0.25));
        assertEquals(0.25, e.fractionDone(), 0);
        assertTrue(e.elapsedSeconds() >= 0.02, "elapsed " + e.elapsedSeconds());
        assertEquals(4 * e.elapsedSeconds(), e.extrapolatedSeconds(), 1e-12);
        budget.accept(1.0);   // a finished run is never stopped
    }
}
