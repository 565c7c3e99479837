package dev.rein.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rein.runtime.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSpecTest {
    @Test
    void severalAxesMakeAGridWithTheLastAxisFastest() {
        SweepSpec s = SweepSpec.parse("l1(lambda=1e-4..1e-2 log 3) + max_norm(c=[1, 3])");
        assertEquals(List.of("l1.lambda", "max_norm.c"), s.axes().stream().map(SweepAxis::label).toList());
        assertEquals("1e-4..1e-2 log 3", s.axes().get(0).text());
        assertEquals(List.of(List.of(1e-4, 1.0), List.of(1e-4, 3.0), List.of(1e-3, 1.0), List.of(1e-3, 3.0),
                List.of(1e-2, 1.0), List.of(1e-2, 3.0)), s.points());
        assertEquals("l1(lambda=0.001) + max_norm(c=3)", s.spec(List.of("0.001", "3")));
    }

    @Test
    void valuesThatAreNotRangesStayAsWritten() {
        SweepSpec s = SweepSpec.parse("elastic_net(lambda=1e-3, l1_ratio=0..1 lin 3) + early_stopping(patience=2)");
        assertEquals(1, s.axes().size());
        assertEquals(3, s.points().size());
        assertEquals("elastic_net(lambda=1e-3, l1_ratio=0.5) + early_stopping(patience=2)", s.spec(List.of("0.5")));
    }

    @Test
    void aQuotedValueIsNeverAnAxis() {
        SweepSpec s = SweepSpec.parse("dropout(p=0.1..0.5 lin 3, after='dense 1..2')");
        assertEquals(1, s.axes().size());
        assertEquals("dropout(p=0.3, after='dense 1..2')", s.spec(List.of("0.3")));
    }

    @Test
    void aSpecWithoutAxesIsOneTrial() {
        assertEquals(List.of(List.of()), SweepSpec.parse("l2(lambda=0.1)").points());
        assertEquals("none", SweepSpec.parse("none").spec(List.of()));
    }

    @Test
    void theRestOfTheSpecIsReadByTheSpecLanguage() {
        assertThrows(SpecException.class, () -> SweepSpec.parse("l1(lambda=1..2 lin 2"));
    }
}
