package dev.rein.processor.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for names that appear in specs: regularizer names, aliases and parameter names.
 *
 * <pre>{@code
 * SpecNames.isValid("max_norm");        // true
 * SpecNames.toSnakeCase("MaxNorm");     // "max_norm"
 * SpecNames.fromJavaName("l1Ratio");    // "l1_ratio"
 * SpecNames.isReserved("on");           // true: Rein reads "on" itself
 * }</pre>
 */
public final class SpecNames {
    /** What every name in a spec must match. */
    public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9_]*");

    /** Spec keys Rein interprets itself, so no parameter may be called so. */
    public static final Set<String> RESERVED = Set.of("on", "after", "mode");

    private SpecNames() {
    }

    public static boolean isValid(String name) {
        return PATTERN.matcher(name).matches();
    }

    public static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    /**
     * The spec name of a Java parameter: a {@code _} before each upper-case letter that starts a word, then lower
     * case ({@code l1Ratio} gives {@code l1_ratio}, {@code maxNorm} gives {@code max_norm}). Nothing else is
     * changed, so the result may still be invalid ({@code _x}); {@link #toSnakeCase} makes a valid suggestion.
     */
    public static String fromJavaName(String javaName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && startsWord(javaName, i)) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A valid spec name as close as possible to {@code name}, for suggestions: words split as in
     * {@link #fromJavaName}, other disallowed characters turned into {@code _}, leading non-letters dropped
     * ({@code "MaxNorm"} gives {@code "max_norm"}, {@code "max-norm"} gives {@code "max_norm"}). Returns
     * {@code "x"} if nothing usable is left.
     */
    public static String toSnakeCase(String name) {
        String snake = fromJavaName(name)
                .replaceAll("[^a-z0-9_]", "_")
                .replaceAll("_+", "_")
                .replaceAll("^[^a-z]+", "")
                .replaceAll("_$", "");
        return snake.isEmpty() ? "x" : snake;
    }

    /** Whether the upper-case letter at {@code i} starts a word: after a lower-case letter or digit, or "URLPath". */
    private static boolean startsWord(String s, int i) {
        char before = s.charAt(i - 1);
        return Character.isLowerCase(before) || Character.isDigit(before)
                || (Character.isUpperCase(before) && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1)));
    }
}
