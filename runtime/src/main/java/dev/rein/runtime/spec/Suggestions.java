package dev.rein.runtime.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean" for misspelt names: the known names closest to a typo by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours each count one).
 *
 * <pre>{@code
 * Suggestions.nearest("l3", List.of("l1", "l2", "dropout"));             // [l1, l2]
 * Suggestions.nearest("lamda", List.of("lambda", "on"));                 // [lambda]
 * Suggestions.didYouMean("dropot", List.of("dropout"));                  // " did you mean dropout?"
 * }</pre>
 */
public final class Suggestions {
    private static final int MAX_SUGGESTIONS = 3;

    private Suggestions() {
    }

    /**
     * Up to three of {@code known} within a small edit distance of {@code typo} (1 for names of up to 3
     * letters, else a third of the length, at least 2), closest first, ties in alphabetical order.
     */
    public static List<String> nearest(String typo, Collection<String> known) {
        int limit = typo.length() <= 3 ? 1 : Math.max(2, typo.length() / 3);
        List<String> close = new ArrayList<>();
        for (String name : known) {
            if (!name.equals(typo) && distance(typo, name) <= limit && !close.contains(name)) {
                close.add(name);
            }
        }
        close.sort(Comparator.comparingInt((String n) -> distance(typo, n)).thenComparing(Comparator.naturalOrder()));
        return close.subList(0, Math.min(MAX_SUGGESTIONS, close.size()));
    }

    /** {@code " did you mean a, b?"}, or empty when nothing is close. */
    public static String didYouMean(String typo, Collection<String> known) {
        List<String> near = nearest(typo, known);
        return near.isEmpty() ? "" : " did you mean " + String.join(", ", near) + "?";
    }

    /** The optimal-string-alignment distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
