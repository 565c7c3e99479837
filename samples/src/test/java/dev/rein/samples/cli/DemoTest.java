package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.demo.Demo;
import dev.rein.samples.plot.ChartFolder;
import dev.rein.samples.sweep.Sweep;
import dev.rein.samples.sweep.TrialResult;
import dev.rein.samples.train.TrainingResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @Test
    void regularizationBeatsTheUnregularizedBaselineOnTheDemoProblem() {
        StringWriter text = new StringWriter();
        List<TrainingResult> rows;
        try (PluginRegistry registry = PluginRegistry.standard(List.of())) {
            rows = new Demo(registry).run(new PrintWriter(text));
        }
        assertEquals(Demo.SPECS.size(), rows.size());
        TrainingResult none = rows.get(0);
        assertEquals("none", none.spec());
        double best = rows.stream().skip(1).mapToDouble(r -> r.testAccuracy().getAsDouble()).max().orElseThrow();
        assertTrue(best > none.testAccuracy().getAsDouble() + 0.05, text.toString());
        for (TrainingResult r : rows.subList(1, rows.size())) {
            assertTrue(r.weightNorm() < none.weightNorm(), r.spec() + " vs none:\n" + text);
        }
        TrainingResult l1 = rows.get(Demo.SPECS.indexOf("l1(lambda=0.05)"));
        assertTrue(l1.zeroWeights() > l1.totalWeights() / 4, "proximal L1 gives exact zeros:\n" + text);
        assertEquals(0, none.zeroWeights());
        assertTrue(text.toString().contains("test acc"), text.toString());
        // The rate printed is the one given: the step on the mean gradient, not Tribuo's rate scaled by 1/b².
        assertTrue(text.toString().contains("(logistic loss, sgd, learning rate 0.1 on the mean gradient, mini-batches"
                + " of 30, 50 epochs"), text.toString());
    }

    @Test
    void theDemoEndsWithASweepWhoseBestStrengthIsInsideTheRangeAndDrawsIt(@TempDir Path plots) {
        StringWriter text = new StringWriter();
        List<TrialResult> trials;
        try (PluginRegistry registry = PluginRegistry.standard(List.of())) {
            trials = new Demo(registry).sweep(new PrintWriter(text), ChartFolder.check(plots, "--plots"));
        }
        assertEquals(6, trials.size());
        int best = Sweep.best(trials).orElseThrow().index();
        assertTrue(best > 0 && best < trials.size() - 1, "too little and too much L1 both lose:\n" + text);
        assertTrue(trials.get(0).nonZeros() > 2 * trials.get(best).nonZeros(), "stronger L1, fewer weights:\n" + text);
        assertTrue(text.toString().contains("best: trial " + best), text.toString());
        assertTrue(Files.isRegularFile(plots.resolve("regularization-path.png")));
        assertTrue(Files.isRegularFile(plots.resolve("weights.svg")));
    }
}
