package dev.rein.samples.data;

import java.util.regex.Pattern;

/**
 * Reads a feature value strictly: a decimal number such as {@code 0.5}, {@code -3}, {@code .25} or {@code 1e-4},
 * finite. Java's own {@code Double.parseDouble} would also take {@code NaN}, {@code Infinity}, {@code 1d} and
 * hexadecimal; none of those is a value a data file should hold.
 *
 * <pre>{@code
 * Numbers.problem("1e-4");   // null: valid
 * Numbers.problem("nan");    // "'nan' is not a finite number"
 * Numbers.problem("1e999");  // "'1e999' is too large for a double"
 * }</pre>
 */
final class Numbers {
    /** What a valid value looks like, for messages. */
    static final String VALID = "finite numbers such as 0.5, -3 or 1e-4";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(?:nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private Numbers() {
    }

    /** What is wrong with {@code text} as a value, or {@code null} if it is a valid finite number. */
    static String problem(String text) {
        if (text.isEmpty()) {
            return "the value is missing";
        }
        if (NOT_FINITE.matcher(text).matches()) {
            return "'" + text + "' is not a finite number";
        }
        if (!DECIMAL.matcher(text).matches()) {
            return "'" + text + "' is not a number";
        }
        if (Double.isInfinite(Double.parseDouble(text))) {
            return "'" + text + "' is too large for a double";
        }
        return null;
    }

    /** {@code text} as a double; call {@link #problem} first. */
    static double value(String text) {
        return Double.parseDouble(text);
    }
}
