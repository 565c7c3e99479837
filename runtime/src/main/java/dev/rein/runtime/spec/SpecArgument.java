package dev.rein.runtime.spec;

import java.util.Objects;

/**
 * One {@code key=value} of a spec term, as written: the value is the text, unquoted and unescaped, not yet parsed
 * against the plugin's parameter (that is {@link SpecBinder}'s job).
 *
 * <pre>{@code
 * SpecArgument a = SpecParser.parse("l1(lambda=1e-5)").terms().get(0).arguments().get(0);
 * a.key();           // "lambda"
 * a.value();         // "1e-5"
 * a.valueColumn();   // 11
 * a.toString();      // "lambda=1e-5"
 * }</pre>
 *
 * <p>Columns (1-based) say where the text was and are 0 for an argument built in code; they are <em>not</em> part
 * of equality, so that a spec equals its canonical print.
 *
 * @param key         the parameter name
 * @param value       the value's text
 * @param keyColumn   where the key starts
 * @param valueColumn where the value starts (its opening quote, if quoted)
 */
public record SpecArgument(String key, String value, int keyColumn, int valueColumn) {
    public SpecArgument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** An argument built in code, with no column. */
    public static SpecArgument of(String key, String value) {
        return new SpecArgument(key, value, 0, 0);
    }

    /** Whether a value can be written without quotes: a run of letters, digits, {@code _ . -} or a number. */
    static boolean isBare(String value) {
        if (SpecParser.isNumber(value)) {
            return true;
        }
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!SpecParser.isBareChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value as a spec writes it: bare when it can be, else in single quotes with backslash escapes. */
    static String quoteIfNeeded(String value) {
        if (isBare(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecArgument a && a.key.equals(key) && a.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    /** {@code key=value}, the value quoted if it needs to be. */
    @Override
    public String toString() {
        return key + "=" + quoteIfNeeded(value);
    }
}
