package dev.rein.runtime.spec;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed spec: the terms of {@code l1(lambda=1e-5) + max_norm(c=3)} in order, as written, not yet bound to
 * plugins. Immutable.
 *
 * <pre>{@code
 * Spec spec = SpecParser.parse("l1( lambda = 1e-5 )+max_norm(c=3)");
 * spec.terms().size();   // 2
 * spec.toString();       // "l1(lambda=1e-5) + max_norm(c=3)", canonical: parses back to an equal Spec
 * spec.text();           // the text it was parsed from, which error columns refer to
 * Spec.of(List.of(SpecTerm.of("l2")));   // built in code
 * }</pre>
 *
 * <p>Two specs are equal when their terms are (names, keys and values; not columns or spacing). The empty spec
 * prints as {@code none}.
 */
public final class Spec {
    private static final Spec EMPTY = new Spec("none", List.of());

    private final String text;
    private final List<SpecTerm> terms;

    Spec(String text, List<SpecTerm> terms) {
        this.text = Objects.requireNonNull(text, "text");
        this.terms = List.copyOf(terms);
    }

    /** The spec without terms: no regularization. */
    public static Spec empty() {
        return EMPTY;
    }

    /**
     * A spec built in code. Its canonical text is parsed again, so that names and values are checked as if
     * typed and every column points into {@link #text()}.
     *
     * @throws SpecException if a name is not lower_snake_case or a key repeats within a term
     */
    public static Spec of(List<SpecTerm> terms) {
        return SpecParser.parse(print(terms));
    }

    public List<SpecTerm> terms() {
        return terms;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The text this spec was parsed from (for a spec built in code, its canonical text). */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spec s && s.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    /** The canonical text: terms joined by {@code " + "}, {@code key=value} joined by {@code ", "}. */
    @Override
    public String toString() {
        return print(terms);
    }

    private static String print(List<SpecTerm> terms) {
        return terms.isEmpty() ? "none" : terms.stream().map(SpecTerm::toString).collect(Collectors.joining(" + "));
    }
}
