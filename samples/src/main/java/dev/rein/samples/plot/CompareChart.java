package dev.rein.samples.plot;

import dev.rein.samples.sweep.TrialResult;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * The specs of {@code rein compare} side by side: one bar chart of the metric (error bars: the spread over folds)
 * and one of the non-zero weights, a bar per spec in the order given.
 *
 * <pre>{@code
 * folder.write(CompareChart.metric(report.trials()), "compare-metric");
 * folder.write(CompareChart.nonZeros(report.trials()), "compare-non-zeros");
 * }</pre>
 */
public final class CompareChart {
    private CompareChart() {
    }

    /** The metric per spec; a failed trial's bar is empty. */
    public static CategoryChart metric(List<TrialResult> trials) {
        String metric = trials.isEmpty() ? "metric" : trials.get(0).metric();
        CategoryChart chart = Charts.category("Specs compared: " + metric, "spec", metric);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("0.000");
        chart.getStyler().setLabelsVisible(true);   // the value on each bar: differences can be small
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        List<Double> means = trials.stream().map(t -> t.succeeded() ? t.mean() : 0.0).toList();
        boolean folds = trials.stream().anyMatch(t -> !Double.isNaN(t.spread()));
        CategorySeries s = folds ? chart.addSeries(metric, specs(trials), means,
                trials.stream().map(t -> Double.isNaN(t.spread()) ? 0.0 : t.spread()).toList())
                : chart.addSeries(metric, specs(trials), means);
        s.setFillColor(Charts.PALETTE[0]);
        return chart;
    }

    /** The non-zero weights per spec. */
    public static CategoryChart nonZeros(List<TrialResult> trials) {
        CategoryChart chart = Charts.category("Specs compared: non-zero weights", "spec", "non-zero weights");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        CategorySeries s = chart.addSeries("non-zeros", specs(trials),
                trials.stream().map(t -> t.succeeded() ? t.nonZeros() : 0.0).toList());
        s.setFillColor(Charts.PALETTE[1]);
        return chart;
    }

    private static List<String> specs(List<TrialResult> trials) {
        return trials.stream().map(t -> Charts.shorten(t.spec()))
                .toList();
    }
}
