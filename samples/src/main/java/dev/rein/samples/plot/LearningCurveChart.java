package dev.rein.samples.plot;

import dev.rein.runtime.tribuo.trainer.EpochListener;
import dev.rein.runtime.tribuo.trainer.EpochReport;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves of one training run: the mean training loss per epoch (left axis) and, when a stopping rule scores
 * each epoch, the validation metric (right axis), with the best epoch that early stopping restores marked by a
 * vertical line. It is also the {@link EpochListener} that collects the epochs.
 *
 * <pre>{@code
 * LearningCurveChart curves = new LearningCurveChart();
 * job.run(train, validation, test, progress, curves);     // hears every epoch
 * folder.write(curves.chart(spec, result.bestEpoch()), "learning-curves");
 * }</pre>
 */
public final class LearningCurveChart implements EpochListener {
    private final List<EpochReport> epochs = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void epochEnded(EpochReport report) {
        epochs.add(report);
    }

    /** The epochs heard so far. */
    public List<EpochReport> epochs() {
        return List.copyOf(epochs);
    }

    /** The chart of the epochs heard; {@code best} is the epoch early stopping chose, if any. */
    public XYChart chart(String spec, OptionalInt best) {
        List<EpochReport> heard = epochs();
        XYChart chart = Charts.xy("Learning curves: " + Charts.shorten(spec), "epoch", "mean training loss");
        double[] x = heard.stream().mapToDouble(EpochReport::epoch).toArray();
        double[] loss = heard.stream().mapToDouble(EpochReport::trainingLoss).toArray();
        XYSeries train = chart.addSeries("training loss", x, loss);
        train.setMarker(SeriesMarkers.CIRCLE);
        List<EpochReport> scored = heard.stream().filter(r -> r.validation().isPresent()).toList();
        if (!scored.isEmpty()) {
            String metric = scored.get(0).validation().get().metric();
            chart.setYAxisGroupTitle(1, "validation " + metric);
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            XYSeries v = chart.addSeries("validation " + metric,
                    scored.stream().mapToDouble(EpochReport::epoch).toArray(),
                    scored.stream().mapToDouble(r -> r.validation().get().value()).toArray());
            v.setYAxisGroup(1);
            v.setMarker(SeriesMarkers.DIAMOND);
        } else {
            chart.setTitle("Learning curves: " + Charts.shorten(spec) + " (no stopping rule, no validation score)");
        }
        if (best.isPresent() && loss.length > 0) {
            double lo = Arrays.stream(loss).min().orElse(0);
            double hi = Arrays.stream(loss).max().orElse(1);
            XYSeries mark = chart.addSeries("best validation epoch " + best.getAsInt(),
                    new double[] {best.getAsInt(), best.getAsInt()}, new double[] {lo, hi});
            mark.setMarker(SeriesMarkers.NONE);
            mark.setLineColor(Charts.PALETTE[7]);
            mark.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {4, 4}, 0));
        }
        return chart;
    }
}
