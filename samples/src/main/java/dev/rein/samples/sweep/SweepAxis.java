package dev.rein.samples.sweep;

import java.util.List;

/**
 * One parameter a sweep varies, and the values it takes in trial order.
 *
 * <pre>{@code
 * SweepAxis a = SweepSpec.parse("l1(lambda=1e-3..1e-1 log 3)").axes().get(0);
 * a.label();          // "l1.lambda"
 * a.values();         // [0.001, 0.01, 0.1]
 * a.logarithmic();    // true: plots put this axis on a log scale
 * }</pre>
 *
 * @param term        the regularizer name as written in the spec
 * @param key         the parameter's name
 * @param text        the range or list as written, e.g. {@code "1e-3..1e-1 log 3"}
 * @param values      the values, in the order the trials take them
 * @param logarithmic whether the values were spaced evenly on a log scale
 */
public record SweepAxis(String term, String key, String text, List<Double> values, boolean logarithmic) {
    public SweepAxis {
        values = List.copyOf(values);
    }

    /** {@code term.key}, how tables, charts and JSON name the axis. */
    public String label() {
        return term + "." + key;
    }
}
