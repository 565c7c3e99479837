package dev.rein.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryObjectiveTest {
    // w = (1, -2), b = 0.5.
    private static final LinearWeights W = new LinearWeights(0.5, new double[] {0, 1, -2});

    @Test
    void matchesAHandComputedValue() {
        // "1 1:1": score 1.5, y = +1, margin 1.5.  "-1 2:1": score -1.5, y = -1, margin 1.5.
        // "1 2:0.5": score -0.5, y = +1, margin -0.5.
        // mean loss = (2·log(1 + e^-1.5) + log(1 + e^0.5)) / 3 = (2·0.2014132779827524 + 0.9740769841801067) / 3
        // penalty = 0.1/2 · (1 + 4) = 0.25
        List<SparseRow> rows = List.of(SparseRow.parse("1 1:1", 1), SparseRow.parse("-1 2:1", 2),
                SparseRow.parse("1 2:0.5", 3));
        double expected = (2 * 0.2014132779827524 + 0.9740769841801067) / 3 + 0.25;
        assertEquals(expected, BinaryObjective.value(W, rows, "1", 0.1), 1e-15);
    }

    @Test
    void theBiasIsNotPenalized() {
        List<SparseRow> rows = List.of(SparseRow.parse("1", 1));   // no features: score = bias
        double loss = Math.log1p(Math.exp(-100.0));
        assertEquals(loss, BinaryObjective.value(new LinearWeights(100, new double[] {0}), rows, "1", 5), 1e-300);
    }

    @Test
    void largeMarginsDoNotOverflow() {
        assertEquals(1000, BinaryObjective.logOnePlusExpMinus(-1000), 1e-12);
        assertEquals(0, BinaryObjective.logOnePlusExpMinus(1000), 1e-300);
    }

    @Test
    void accuracyCountsSignAgreement() {
        List<SparseRow> rows = List.of(SparseRow.parse("1 1:1", 1), SparseRow.parse("-1 2:1", 2),
                SparseRow.parse("1 2:0.5", 3));
        assertEquals(2 / 3.0, BinaryObjective.accuracy(W, rows, "1"), 1e-15);
    }

    @Test
    void refusesNoRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryObjective.value(W, List.of(), "1", 0.1));
        assertEquals("The objective needs at least one example", e.getMessage());
    }
}
