package dev.rein.samples.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.EpochScore;
import dev.rein.runtime.tribuo.trainer.EpochReport;
import dev.rein.samples.sweep.TrialResult;
import dev.rein.samples.train.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartsTest {
    @TempDir
    Path dir;

    @Test
    void thePathDrawsEachTrialsMetricAndNonZerosAgainstLambdaOnALogAxis() {
        List<TrialResult> trials = List.of(trial(2, 1e-1, 0.6, 3), trial(0, 1e-3, 0.8, 10), trial(1, 1e-2, 0.9, 6));
        XYChart chart = PathChart.of(List.of("l1.lambda"), trials).orElseThrow();
        assertTrue(chart.getStyler().isXAxisLogarithmic(), "1e-3..1e-1 spans two decades");
        XYSeries metric = chart.getSeriesMap().get("cv_accuracy");
        assertArrayEquals(new double[] {1e-3, 1e-2, 1e-1}, metric.getXData(), "sorted by lambda");
        assertArrayEquals(new double[] {0.8, 0.9, 0.6}, metric.getYData());
        assertArrayEquals(new double[] {0.05, 0.05, 0.05}, metric.getExtraValues(), "spread as error bars");
        XYSeries nonZeros = chart.getSeriesMap().get("non-zeros");
        assertArrayEquals(new double[] {10, 6, 3}, nonZeros.getYData());
        assertEquals(1, nonZeros.getYAxisGroup(), "non-zeros on the right axis");
        XYSeries best = chart.getSeriesMap().get("best: l1.lambda = 0.0100");
        assertArrayEquals(new double[] {0.9}, best.getYData());

        assertFalse(PathChart.of(List.of("l1.lambda"), List.of(trial(0, 1, 0.5, 1), trial(1, 2, 0.6, 1)))
                .orElseThrow().getStyler().isXAxisLogarithmic(), "1..2 stays linear");
        assertEquals(Optional.empty(), PathChart.of(List.of(), trials), "nothing swept: no path");
    }

    @Test
    void aGridDrawsOneLinePerValueOfTheOtherAxes() {
        List<TrialResult> grid = List.of(cell(0, 1e-3, 3, 0.7), cell(1, 1e-3, 1, 0.8), cell(2, 1e-1, 3, 0.6),
                cell(3, 1e-1, 1, 0.5));
        XYChart chart = PathChart.of(List.of("l1.lambda", "max_norm.c"), grid).orElseThrow();
        assertArrayEquals(new double[] {0.7, 0.6}, chart.getSeriesMap().get("cv_accuracy (max_norm.c=3)")
                .getYData());
        assertArrayEquals(new double[] {0.8, 0.5}, chart.getSeriesMap().get("cv_accuracy (max_norm.c=1)")
                .getYData());
    }

    @Test
    void theHistogramCountsEveryWeightOnceAndExactZerosInTheCentreBin() {
        List<Double> plain = List.of(-1.0, -0.5, 0.2, 0.95, 1.0);   // bins 2/31 wide
        List<Double> l1 = List.of(0.0, 0.0, 0.0, 0.5, -0.25);
        CategoryChart chart = WeightHistogram.of("l1(lambda=0.1)", l1, plain);
        CategorySeries reg = chart.getSeriesMap().get("l1(lambda=0.1)");
        double[] counts = reg.getYData().stream().mapToDouble(Number::doubleValue).toArray();
        assertEquals(5, Arrays.stream(counts).sum());
        assertEquals(3, counts[WeightHistogram.BINS / 2], "the three exact zeros");
        assertEquals("0.0", List.copyOf(reg.getXData()).get(WeightHistogram.BINS / 2).toString());
        double[] plainCounts = chart.getSeriesMap().get("no regularization").getYData().stream()
                .mapToDouble(Number::doubleValue).toArray();
        assertEquals(5, Arrays.stream(plainCounts).sum());
        assertEquals(2, plainCounts[WeightHistogram.BINS - 1], "0.95 and 1.0 in the last bin, [29/31, 1]");
    }

    @Test
    void learningCurvesDrawEveryEpochAndMarkTheBest() {
        LearningCurveChart curves = new LearningCurveChart();
        for (int e = 1; e <= 4; e++) {
            curves.epochEnded(new EpochReport(e, 10, 1.0 / e, Optional.of(new EpochScore(e, "accuracy",
                    e == 2 ? 0.9 : 0.8, true))));
        }
        XYChart chart = curves.chart("l2 + early_stopping", OptionalInt.of(2));
        assertArrayEquals(new double[] {1, 0.5, 1.0 / 3, 0.25}, chart.getSeriesMap().get("training loss").getYData());
        XYSeries validation = chart.getSeriesMap().get("validation accuracy");
        assertArrayEquals(new double[] {0.8, 0.9, 0.8, 0.8}, validation.getYData());
        assertEquals(1, validation.getYAxisGroup());
        assertArrayEquals(new double[] {2, 2}, chart.getSeriesMap().get("best validation epoch 2").getXData());
    }

    @Test
    void theFolderIsCheckedBeforeTrainingAndGetsAPngAndAnSvg() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        UserInputException notAFolder = assertThrows(UserInputException.class,
                () -> ChartFolder.check(file, "--plots"));
        assertTrue(notAFolder.getMessage().contains("--plots '" + file + "' is a file, not a folder"),
                notAFolder.getMessage());
        UserInputException under = assertThrows(UserInputException.class,
                () -> ChartFolder.check(file.resolve("inside"), "--plots"));
        assertTrue(under.getMessage().contains("cannot be written"), under.getMessage());

        ChartFolder folder = ChartFolder.check(dir.resolve("new/plots"), "--plots");
        List<Path> files = folder.write(CompareChart.metric(List.of(trial(0, 1, 0.5, 2))), "compare");
        assertEquals(List.of(dir.resolve("new/plots/compare.png"), dir.resolve("new/plots/compare.svg")), files);
        byte[] png = Files.readAllBytes(files.get(0));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(Files.readString(files.get(1)).contains("<svg"));
    }

    private static TrialResult trial(int index, double lambda, double metric, double nonZeros) {
        return new TrialResult(index, Map.of("l1.lambda", lambda), "cv_accuracy", metric, 0.05, nonZeros, 1, 1, null,
                Map.of("spec", "l1(lambda=" + lambda + ")"));
    }

    private static TrialResult cell(int index, double lambda, int c, double metric) {
        return new TrialResult(index, Map.of("l1.lambda", lambda, "max_norm.c", (double) c), "cv_accuracy", metric,
                Double.NaN, 5, 1, 1, null, Map.of("spec", "s"));
    }
}
