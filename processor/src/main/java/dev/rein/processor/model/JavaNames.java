package dev.rein.processor.model;

import java.util.Locale;

/**
 * Turns Java identifiers into spec names: the name a {@code @Param} gets when it does not write one, and the
 * valid name to suggest when a written one is not. Whether a name is valid is for
 * {@link dev.rein.api.spi.SpecNames} in {@code rein-api} to say.
 *
 * <pre>{@code
 * JavaNames.fromJavaName("l1Ratio");    // "l1_ratio"
 * JavaNames.toSnakeCase("MaxNorm");     // "max_norm"
 * JavaNames.toSnakeCase("max-norm");    // "max_norm"
 * SpecNames.isValidName(JavaNames.toSnakeCase(anything));   // always true
 * }</pre>
 */
public final class JavaNames {
    private JavaNames() {
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
