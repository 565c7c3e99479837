package dev.rein.samples.sweep;

import dev.rein.runtime.spec.Spec;
import dev.rein.runtime.spec.SpecArgument;
import dev.rein.runtime.spec.SpecParser;
import dev.rein.runtime.spec.SpecTerm;
import dev.rein.samples.train.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec whose numeric values may be ranges or lists; several make a grid. Everything else is the ordinary spec
 * language ({@link SpecParser}).
 *
 * <pre>{@code
 * SweepSpec s = SweepSpec.parse("l1(lambda=1e-4..1e-2 log 3) + max_norm(c=[1, 3])");
 * s.axes();          // l1.lambda (3 values), max_norm.c (2 values)
 * s.points();        // 6 points, the last axis fastest: [1e-4, 1], [1e-4, 3], [1e-3, 1], ...
 * s.spec(List.of("1.0E-4", "3"));   // "l1(lambda=1.0E-4) + max_norm(c=3)"
 * }</pre>
 *
 * <p>Whether each value suits its parameter (a number within the plugin's bounds) is {@link SweepPlan}'s
 * question: this class only reads the text.
 */
public final class SweepSpec {
    private static final Pattern PLACEHOLDER = Pattern.compile("__sweep_axis_(\\d+)__");

    private final String text;
    private final Spec template;
    private final List<SweepAxis> axes;

    private SweepSpec(String text, Spec template, List<SweepAxis> axes) {
        this.text = text;
        this.template = template;
        this.axes = List.copyOf(axes);
    }

    /**
     * Reads {@code text}.
     *
     * @throws UserInputException for a malformed range or list
     * @throws dev.rein.runtime.spec.SpecException for a spec the spec language refuses
     */
    public static SweepSpec parse(String text) {
        List<String> axisTexts = new ArrayList<>();
        String template = replaceAxes(text, axisTexts);
        Spec spec = SpecParser.parse(template);
        SweepAxis[] axes = new SweepAxis[axisTexts.size()];
        for (SpecTerm term : spec.terms()) {
            for (SpecArgument argument : term.arguments()) {
                Matcher m = PLACEHOLDER.matcher(argument.value());
                if (m.matches()) {
                    int i = Integer.parseInt(m.group(1));
                    String where = term.name() + "(" + argument.key() + "=...)";
                    ValueRange range = ValueRange.parse(axisTexts.get(i), where);
                    axes[i] = new SweepAxis(term.name(), argument.key(), axisTexts.get(i).strip(), range.values(),
                            range.logarithmic());
                }
            }
        }
        return new SweepSpec(text, spec, List.of(axes));
    }

    /** The text as given. */
    public String text() {
        return text;
    }

    /** The axes in the order written. */
    public List<SweepAxis> axes() {
        return axes;
    }

    /** Every combination of the axes' values (one value per axis), the last axis varying fastest. */
    public List<List<Double>> points() {
        List<List<Double>> points = new ArrayList<>();
        points.add(List.of());
        for (SweepAxis axis : axes) {
            List<List<Double>> next = new ArrayList<>();
            for (List<Double> point : points) {
                for (double v : axis.values()) {
                    List<Double> longer = new ArrayList<>(point);
                    longer.add(v);
                    next.add(List.copyOf(longer));
                }
            }
            points = next;
        }
        return points;
    }

    /** The plain spec with each axis set to the matching value's text. */
    public String spec(List<String> valueTexts) {
        List<SpecTerm> terms = new ArrayList<>();
        for (SpecTerm term : template.terms()) {
            List<SpecArgument> arguments = new ArrayList<>();
            for (SpecArgument a : term.arguments()) {
                Matcher m = PLACEHOLDER.matcher(a.value());
                arguments.add(m.matches() ? SpecArgument.of(a.key(), valueTexts.get(Integer.parseInt(m.group(1)))) : a);
            }
            terms.add(new SpecTerm(term.name(), arguments, term.column()));
        }
        return terms.isEmpty() ? "none" : Spec.of(terms).toString();
    }

    /**
     * {@code text} with every range or list after an {@code =} replaced by a placeholder the spec language reads as a
     * word; the ranges and lists go to {@code axisTexts} in order. Quoted values are left alone.
     */
    private static String replaceAxes(String text, List<String> axisTexts) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            out.append(c);
            i++;
            if (quote != 0) {
                if (c == '\\' && i < text.length()) {
                    out.append(text.charAt(i++));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '=') {
                int end = valueEnd(text, i);
                String value = text.substring(i, end);
                boolean quoted = value.strip().startsWith("'") || value.strip().startsWith("\"");
                if (!quoted && ValueRange.looksLikeAxis(value)) {
                    out.append("__sweep_axis_").append(axisTexts.size()).append("__");
                    axisTexts.add(value);
                    i = end;
                }
            }
        }
        return out.toString();
    }

    /** Where the value starting at {@code from} ends: after a list's {@code ]}, else at the next , or ). */
    private static int valueEnd(String text, int from) {
        int j = from;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j < text.length() && text.charAt(j) == '[') {
            int close = text.indexOf(']', j);
            return close < 0 ? text.length() : close + 1;
        }
        while (j < text.length() && text.charAt(j) != ',' && text.charAt(j) != ')') {
            j++;
        }
        return j;
    }
}
