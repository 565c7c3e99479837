package dev.rein.samples.plot;

import dev.rein.samples.sweep.Sweep;
import dev.rein.samples.sweep.SweepTable;
import dev.rein.samples.sweep.TrialResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The regularization path of a sweep: the metric (with its spread over folds as error bars, left axis) and the
 * non-zero weights (dashed, right axis) against the first swept parameter, on a log axis when its values span two
 * decades or more; the best trial is a black dot. Metric and non-zeros of one series share a colour. In a grid, each combination of the other axes is a series of its own.
 *
 * <pre>{@code
 * XYChart chart = PathChart.of(List.of("l1.lambda"), report.trials());
 * folder.write(chart, "regularization-path");
 * }</pre>
 */
public final class PathChart {
    private PathChart() {
    }

    /**
     * The chart; empty when nothing was swept or no trial succeeded.
     *
     * @param labels the swept axes' labels, in order; the first is the x axis
     */
    public static Optional<XYChart> of(List<String> labels, List<TrialResult> trials) {
        List<TrialResult> ok = trials.stream().filter(TrialResult::succeeded).toList();
        if (labels.isEmpty() || ok.isEmpty()) {
            return Optional.empty();
        }
        String x = labels.get(0);
        String metric = ok.get(0).metric();
        XYChart chart = Charts.xy("Regularization path", x, metric);
        chart.setYAxisGroupTitle(1, "non-zero weights");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setXAxisLogarithmic(spansDecades(ok, x));
        chart.getStyler().setXAxisDecimalPattern("0.###E0");
        Map<String, List<TrialResult>> series = ok.stream().collect(Collectors.groupingBy(
                t -> others(labels, t), LinkedHashMap::new, Collectors.toList()));
        int group = 0;
        for (Map.Entry<String, List<TrialResult>> s : series.entrySet()) {
            Color colour = Charts.PALETTE[group++ % (Charts.PALETTE.length - 1)];   // black is the best's
            List<TrialResult> line = new ArrayList<>(s.getValue());
            line.sort((a, b) -> Double.compare(a.params().get(x), b.params().get(x)));
            double[] xs = line.stream().mapToDouble(t -> t.params().get(x)).toArray();
            double[] ys = line.stream().mapToDouble(TrialResult::mean).toArray();
            double[] spread = line.stream().mapToDouble(t -> Double.isNaN(t.spread()) ? 0 : t.spread()).toArray();
            String suffix = s.getKey().isEmpty() ? "" : " (" + s.getKey() + ")";
            XYSeries m = chart.addSeries(metric + suffix, xs, ys, spread);
            m.setMarker(SeriesMarkers.CIRCLE);
            m.setLineColor(colour);
            m.setMarkerColor(colour);
            XYSeries nz = chart.addSeries("non-zeros" + suffix, xs,
                    line.stream().mapToDouble(TrialResult::nonZeros).toArray());
            nz.setYAxisGroup(1);
            nz.setMarker(SeriesMarkers.SQUARE);
            nz.setLineColor(colour);
            nz.setMarkerColor(colour);
            nz.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4},
                    0));
        }
        TrialResult best = Sweep.best(ok).orElseThrow();
        XYSeries b = chart.addSeries("best: " + x + " = " + SweepTable.value(best.params().get(x)),
                new double[] {best.params().get(x)}, new double[] {best.mean()});
        b.setMarker(SeriesMarkers.CIRCLE);
        b.setMarkerColor(Charts.PALETTE[7]);
        b.setLineStyle(new BasicStroke(0f));
        chart.getStyler().setMarkerSize(8);
        return Optional.of(chart);
    }

    /** {@code "max_norm.c=3"}: the values of every axis but the first, which name a series of a grid. */
    private static String others(List<String> labels, TrialResult t) {
        return labels.stream().skip(1).map(l -> l + "=" + SweepTable.value(t.params().get(l)))
                .collect(Collectors.joining(", "));
    }

    private static boolean spansDecades(List<TrialResult> trials, String x) {
        double min = trials.stream().mapToDouble(t -> t.params().get(x)).min().orElse(0);
        double max = trials.stream().mapToDouble(t -> t.params().get(x)).max().orElse(0);
        return min > 0 && max / min >= 100;
    }
}
