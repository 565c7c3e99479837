package dev.rein.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTableTest {
    @Test
    void everyTrialIsARowTheBestMarkedAndAFailureExplained() {
        List<TrialResult> trials = List.of(
                new TrialResult(0, Map.of("l1.lambda", 1e-3, "early_stopping.patience", 2.0), "cv_accuracy", 0.8125,
                        0.02, 10, 2.5, 0.5, null, Map.of("spec", "a")),
                new TrialResult(1, Map.of("l1.lambda", 1e-1, "early_stopping.patience", 2.0), "cv_accuracy", 0.9,
                        0.015, 3.5, 1.25, 0.25, null, Map.of("spec", "b")),
                new TrialResult(2, Map.of("l1.lambda", 10.0, "early_stopping.patience", 2.0), "cv_accuracy", Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, 0.125, "diverged at epoch 1", Map.of("spec", "c")));
        StringWriter out = new StringWriter();
        SweepTable.print(new PrintWriter(out), List.of("l1.lambda", "early_stopping.patience"), trials);
        assertEquals(String.join("\n",
                "  trial  l1.lambda  early_stopping.patience  cv_accuracy   ± std  non-zeros  weight norm  seconds",
                "      0    0.00100                        2       0.8125  0.0200         10        2.500     0.50",
                "*     1      0.100                        2       0.9000  0.0150        3.5        1.250     0.25",
                "      2         10                        2       failed       -          -            -     0.13",
                "trial 2 (c) failed: diverged at epoch 1",
                "best: trial 1, b, cv_accuracy 0.9000", ""), out.toString().replace("\r\n", "\n"));
    }
}
