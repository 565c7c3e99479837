package dev.rein.samples.sweep;

import dev.rein.samples.train.UserInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of one sweep axis: a range {@code lo..hi log N} (N values evenly spaced in log scale, both ends
 * included), {@code lo..hi lin N} (evenly spaced), or a list {@code [a, b, c]}.
 *
 * <pre>{@code
 * ValueRange.parse("1e-3..1e-1 log 3", "lambda").values();   // [0.001, 0.01, 0.1]
 * ValueRange.parse("0..1 lin 5", "l1_ratio").values();       // [0.0, 0.25, 0.5, 0.75, 1.0]
 * ValueRange.parse("[3, 1, 2]", "c").values();               // [3.0, 1.0, 2.0], in the order written
 * ValueRange.parse("1..0 lin 3", "c");                       // UserInputException: ... runs downwards; write
 *                                                            // 0..1 lin 3 ...
 * }</pre>
 *
 * @param values      the values in order
 * @param logarithmic whether they are spaced evenly in log scale
 */
public record ValueRange(List<Double> values, boolean logarithmic) {
    private static final String NUMBER = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern RANGE = Pattern.compile("\\s*(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER
            + ")\\s+(log|lin)\\s+(\\d+)\\s*");
    private static final String FORMAT = "write a range as lo..hi log N or lo..hi lin N (e.g. 1e-6..1e-1 log 12),"
            + " or a list as [a, b, c]";

    public ValueRange {
        values = List.copyOf(values);
    }

    /** Whether {@code text} is meant as a range or a list rather than one value. */
    static boolean looksLikeAxis(String text) {
        String t = text.strip();
        return t.startsWith("[") || t.contains("..");
    }

    /**
     * Parses a range or a list.
     *
     * @param where names the parameter in messages, e.g. {@code "l1(lambda=...)"}
     * @throws UserInputException for a malformed, empty or repeating range or list
     */
    public static ValueRange parse(String text, String where) {
        String t = text.strip();
        if (t.startsWith("[")) {
            return list(t, where);
        }
        Matcher m = RANGE.matcher(t);
        if (!m.matches()) {
            throw new UserInputException("Cannot read the sweep values '" + text + "' of " + where + ": " + FORMAT
                    + ".");
        }
        double lo = Double.parseDouble(m.group(1));
        double hi = Double.parseDouble(m.group(2));
        boolean log = m.group(3).equals("log");
        int count = parseCount(m.group(4), text, where);
        if (lo > hi) {
            throw new UserInputException("The sweep range '" + text + "' of " + where + " runs downwards; write "
                    + m.group(2) + ".." + m.group(1) + " " + m.group(3) + " " + m.group(4) + " (a range goes from its"
                    + " low end to its high end).");
        }
        if (!(lo < hi)) {
            throw new UserInputException("The sweep range '" + text + "' of " + where + " is empty: its start "
                    + m.group(1) + " and its end " + m.group(2) + " are the same value; for one value, write the value"
                    + " itself.");
        }
        if (log && !(lo > 0)) {
            throw new UserInputException("The log range '" + text + "' of " + where + " starts at " + m.group(1)
                    + ", but a log scale needs both ends above 0: start at a small positive value (e.g. 1e-6), or"
                    + " use lin, or list 0 explicitly: [0, 1e-6, 1e-4].");
        }
        List<Double> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double f = count == 1 ? 0 : i / (double) (count - 1);
            double v = log ? Math.exp(Math.log(lo) + f * (Math.log(hi) - Math.log(lo))) : lo + f * (hi - lo);
            // The ends exactly as written; inside, 12 significant digits, so that 1e-3..1e-1 log 3 gives 0.01, not
            // 0.010000000000000002 (the spec, the table and the JSON show the value a person would type).
            values.add(i == 0 ? lo : i == count - 1 ? hi : new BigDecimal(v).round(new MathContext(12)).doubleValue());
        }
        return new ValueRange(values, log);
    }

    private static int parseCount(String digits, String text, String where) {
        int count;
        try {
            count = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            count = Integer.MAX_VALUE;
        }
        if (count < 2 || count > 10_000) {
            throw new UserInputException("The sweep range '" + text + "' of " + where + " asks for " + digits
                    + (count == 1 ? " value" : " values") + "; give between 2 and 10000 (for one value, write the value"
                    + " itself).");
        }
        return count;
    }

    private static ValueRange list(String t, String where) {
        if (!t.endsWith("]")) {
            throw new UserInputException("The sweep list '" + t + "' of " + where + " is not closed with ']'; " + FORMAT
                    + ".");
        }
        String inner = t.substring(1, t.length() - 1).strip();
        if (inner.isEmpty()) {
            throw new UserInputException("The sweep list '" + t + "' of " + where + " is empty; give at least one"
                    + " value, e.g. [1e-4, 1e-3].");
        }
        List<Double> values = new ArrayList<>();
        Set<Double> seen = new HashSet<>();
        for (String item : inner.split(",", -1)) {
            String s = item.strip();
            if (!s.matches(NUMBER)) {
                throw new UserInputException("The sweep list '" + t + "' of " + where + " has '" + s + "', which is not"
                        + " a number; a list holds numbers separated by commas, e.g. [1e-4, 1e-3].");
            }
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new UserInputException("The sweep list '" + t + "' of " + where + " has " + s
                        + ", which is too large for a number.");
            }
            if (!seen.add(v)) {
                throw new UserInputException(String.format(Locale.ROOT, "The sweep list '%s' of %s has %s twice; each"
                        + " value once, please (a repeated trial would only cost time).", t, where, s));
            }
            values.add(v);
        }
        return new ValueRange(values, false);
    }
}
