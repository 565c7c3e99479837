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

    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(?:nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** Longer file contents are cut in messages: a message shows where, not the whole file. */
    private static final int SHOWN_CHARACTERS = 40;

    private Numbers() {
    }

    /**
     * {@code text} from a file as a message quotes it: in single quotes, each control character written as a
     * backslash, {@code u} and its four hex digits (so that a terminal never receives it), cut after
     * {@value #SHOWN_CHARACTERS} characters with the full length said: {@code 'abc…' (1000000 characters)}.
     */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(text.length(), SHOWN_CHARACTERS);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > shown) {
            out.append("…' (").append(text.length()).append(" characters)");
        } else {
            out.append('\'');
        }
        return out.toString();
    }

    /** What is wrong with {@code text} as a value, or {@code null} if it is a valid finite number. */
    static String problem(String text) {
        if (text.isEmpty()) {
            return "the value is missing";
        }
        if (!isDecimal(text)) {
            return NOT_FINITE.matcher(text).matches() ? quoted(text) + " is not a finite number"
                    : quoted(text) + " is not a number";
        }
        if (Double.isInfinite(Double.parseDouble(text))) {
            return quoted(text) + " is too large for a double";
        }
        return null;
    }

    /**
     * Whether {@code text} is {@code [+-]digits[.digits][(e|E)[+-]digits]} with at least one digit before the
     * exponent; scanned by hand, as this runs once per value of a file that may hold millions.
     */
    static boolean isDecimal(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether every character of {@code text} is an ASCII digit, and there is one. */
    static boolean isDigits(String text, int from) {
        if (from >= text.length()) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code text} as a double; call {@link #problem} first. */
    static double value(String text) {
        return Double.parseDouble(text);
    }
}
