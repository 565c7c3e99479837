package dev.rein.samples.sweep;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints a sweep's trials as a table, one row per trial, the best marked with {@code *}: each swept value (or the
 * spec, when nothing was swept), the metric's mean and spread, non-zero weights, weight norm and seconds.
 *
 * <pre>{@code
 *   trial  l1.lambda  cv_accuracy  ± std   non-zeros  weight norm  seconds
 *       0   1.00e-06       0.7333  0.0471     1961.0       24.114     1.52
 * *     1   1.00e-03       0.8467  0.0189       14.4        3.082     1.31
 * }</pre>
 */
public final class SweepTable {
    private SweepTable() {
    }

    /** Prints {@code trials} under a header; {@code labels} are the swept axes, in order (empty: show the spec). */
    public static void print(PrintWriter out, List<String> labels, List<TrialResult> trials) {
        Optional<TrialResult> best = Sweep.best(trials);
        String metric = trials.isEmpty() ? "metric" : trials.get(0).metric();
        List<String> header = new ArrayList<>(List.of("", "trial"));
        header.addAll(labels.isEmpty() ? List.of("spec") : labels);
        header.addAll(List.of(metric, "± std", "non-zeros", "weight norm", "seconds"));
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult t : trials) {
            List<String> row = new ArrayList<>();
            row.add(best.isPresent() && best.get().index() == t.index() ? "*" : "");
            row.add(Integer.toString(t.index()));
            if (labels.isEmpty()) {
                row.add(t.spec());
            } else {
                labels.forEach(l -> row.add(value(t.params().get(l))));
            }
            if (t.succeeded()) {
                row.add(String.format(Locale.ROOT, "%.4f", t.mean()));
                row.add(Double.isNaN(t.spread()) ? "-" : String.format(Locale.ROOT, "%.4f", t.spread()));
                row.add(t.nonZeros() == Math.rint(t.nonZeros()) ? String.format(Locale.ROOT, "%.0f", t.nonZeros())
                        : String.format(Locale.ROOT, "%.1f", t.nonZeros()));
                row.add(String.format(Locale.ROOT, "%.4g", t.weightNorm()));
            } else {
                row.addAll(List.of("failed", "-", "-", "-"));
            }
            row.add(String.format(Locale.ROOT, "%.2f", t.seconds()));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : concat(header, rows)) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        int specColumn = labels.isEmpty() ? 2 : -1;   // text reads best left-aligned, numbers right-aligned
        for (List<String> row : concat(header, rows)) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 || c == specColumn ? cell + pad : pad + cell).append(c == 0 ? " " : "  ");
            }
            out.println(line.toString().stripTrailing());
        }
        for (TrialResult t : trials) {
            if (!t.succeeded()) {
                out.println("trial " + t.index() + " (" + t.spec() + ") failed: " + t.error());
            }
        }
        best.ifPresentOrElse(b -> out.printf(Locale.ROOT, "best: trial %d, %s, %s %.4f%n", b.index(), b.spec(),
                b.metric(), b.mean()), () -> out.println("best: none (no trial succeeded)"));
    }

    /** A swept value as a person reads it: {@code 3} for a whole number, else three significant digits. */
    public static String value(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
