package dev.rein.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.samples.train.UserInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueRangeTest {
    @Test
    void aLogRangeIsEvenlySpacedInLogScaleWithBothEnds() {
        ValueRange r = ValueRange.parse("1e-6..1e-1 log 6", "l1(lambda=...)");
        assertTrue(r.logarithmic());
        assertEquals(List.of(1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1), r.values());
        // 12 values: the ratio of neighbours is (1e5)^(1/11) everywhere
        List<Double> twelve = ValueRange.parse("1e-6..1e-1 log 12", "x").values();
        assertEquals(12, twelve.size());
        double ratio = Math.pow(1e5, 1.0 / 11);
        for (int i = 1; i < 12; i++) {
            assertEquals(ratio, twelve.get(i) / twelve.get(i - 1), 1e-10);
        }
    }

    @Test
    void aLinearRangeIsEvenlySpaced() {
        ValueRange r = ValueRange.parse(" 0 .. 1 lin 5 ", "x");
        assertFalse(r.logarithmic());
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), r.values());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), ValueRange.parse("1..4 lin 4", "x").values());
    }

    @Test
    void aListKeepsTheOrderWritten() {
        assertEquals(List.of(3.0, 1e-4, 0.5), ValueRange.parse("[3, 1e-4, .5]", "x").values());
        assertEquals(List.of(7.0), ValueRange.parse("[7]", "x").values());
    }

    @Test
    void emptyOrMalformedRangesAreRefusedWithTheFormat() {
        assertMessage("1..0 lin 3", "runs downwards; write 0..1 lin 3");
        assertMessage("1e-1..1e-4 log 4", "runs downwards; write 1e-4..1e-1 log 4");
        assertMessage("1..1 lin 3", "is empty: its start 1 and its end 1 are the same value");
        assertMessage("0..1 log 3", "a log scale needs both ends above 0");
        assertMessage("1e-3..1 log 1", "asks for 1 value; give between 2 and 10000");
        assertMessage("1e-3..1", "write a range as lo..hi log N or lo..hi lin N");
        assertMessage("1e-3..1 cubic 4", "write a range as lo..hi log N");
        assertMessage("[]", "is empty; give at least one value");
        assertMessage("[1, 2", "is not closed with ']'");
        assertMessage("[1, x]", "has 'x', which is not a number");
        assertMessage("[1, 2, 1.0]", "has 1.0 twice");
    }

    private static void assertMessage(String text, String part) {
        UserInputException e = assertThrows(UserInputException.class, () -> ValueRange.parse(text, "l1(lambda=...)"));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains("l1(lambda=...)"), "names the parameter: " + e.getMessage());
    }
}
