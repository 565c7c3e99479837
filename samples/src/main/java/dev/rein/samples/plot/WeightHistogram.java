package dev.rein.samples.plot;

import dev.rein.api.hook.ParameterBlock;
import dev.rein.runtime.network.FeedForwardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.style.Styler;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A histogram of a linear model's trained weights (biases excluded) beside the same training without
 * regularization, over the same bins: L1 piles weights up at exactly zero, L2 and max-norm pull the spread in.
 *
 * <pre>{@code
 * CategoryChart chart = WeightHistogram.of("l1(lambda=0.05)", regularized, unregularized);
 * folder.write(chart, "weights");
 * }</pre>
 */
public final class WeightHistogram {
    /** Bins across the range of both models' weights. */
    static final int BINS = 31;

    private WeightHistogram() {
    }

    /** The chart of both models' weights, the unregularized first. */
    public static CategoryChart of(String spec, LinearSGDModel regularized, LinearSGDModel unregularized) {
        return of(spec, weights(regularized), weights(unregularized));
    }

    /** The chart of two sets of weights over shared bins; {@code regularized} {@code null} draws the other alone. */
    public static CategoryChart of(String spec, List<Double> regularized, List<Double> unregularized) {
        double max = 0;
        for (List<Double> ws : regularized == null ? List.of(unregularized) : List.of(regularized, unregularized)) {
            for (double w : ws) {
                max = Math.max(max, Math.abs(w));
            }
        }
        max = max == 0 ? 1 : max;
        // XChart's Histogram asks its data whether it contains null, which List.of answers by throwing: copies.
        // An odd number of bins symmetric about 0 puts exact zeros in a bin of their own, centred on 0.
        Histogram plain = new Histogram(new ArrayList<>(unregularized), BINS, -max, max);
        CategoryChart chart = Charts.category("Trained weights (biases excluded)", "weight (bin centre)", "number of weights");
        chart.getStyler().setOverlapped(false);   // side by side: neither model's bars hide the other's
        chart.getStyler().setAvailableSpaceFill(0.9);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> bins = new ArrayList<>();
        for (double centre : plain.getxAxisData()) {
            bins.add(String.format(Locale.ROOT, "%.2g", Math.abs(centre) < 1e-12 * max ? 0.0 : centre));
        }
        chart.addSeries("no regularization", bins, plain.getyAxisData());
        if (regularized != null) {
            chart.addSeries(Charts.shorten(spec), bins,
                    new Histogram(new ArrayList<>(regularized), BINS, -max, max).getyAxisData());
        }
        return chart;
    }

    /**
     * The weights of every class and feature of a linear model, the bias column left out; or every layer's weights of
     * a network, biases and normalization parameters left out.
     *
     * @throws IllegalArgumentException for any other model
     */
    public static List<Double> weights(Model<Label> model) {
        List<Double> out = new ArrayList<>();
        if (model instanceof FeedForwardModel network) {
            for (ParameterBlock block : network.parameterBlocks()) {
                if (block.role().regularizedByDefault()) {
                    for (double w : block.values()) {
                        out.add(w);
                    }
                }
            }
            return out;
        }
        if (!(model instanceof LinearSGDModel linear)) {
            throw new IllegalArgumentException("the weight histogram draws a linear model's or a network's weights, not"
                    + " a " + model.getClass().getSimpleName() + "'s");
        }
        DenseMatrix w = linear.getWeightsCopy();
        int features = w.getDimension2Size() - 1;
        for (int o = 0; o < w.getDimension1Size(); o++) {
            for (int f = 0; f < features; f++) {
                out.add(w.get(o, f));
            }
        }
        return out;
    }
}
