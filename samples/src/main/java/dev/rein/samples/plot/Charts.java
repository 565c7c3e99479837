package dev.rein.samples.plot;

import java.awt.Color;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The look all of Rein's charts share: 800×560, white, legend outside on the right, a colour-blind-safe palette
 * (Okabe and Ito).
 *
 * <pre>{@code
 * XYChart chart = Charts.xy("Regularization path", "l1.lambda", "cv_accuracy");
 * }</pre>
 */
final class Charts {
    /** Okabe and Ito's palette: told apart with any kind of colour blindness. */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(240, 228, 66),
            Color.BLACK};

    private Charts() {
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(800).height(560).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        style(chart.getStyler());
        chart.getStyler().setSeriesColors(PALETTE);
        return chart;
    }

    static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setSeriesColors(PALETTE);
        return chart;
    }

    /** A spec cut to fit a title or legend: {@code "l1(lambda=0.02) + early_stopping(patience=3, mi..."}. */
    static String shorten(String spec) {
        return spec.length() > 50 ? spec.substring(0, 47) + "..." : spec;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);   // long series names stay readable
        styler.setLegendBorderColor(Color.WHITE);
    }
}
