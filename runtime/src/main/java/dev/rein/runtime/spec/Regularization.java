package dev.rein.runtime.spec;

import dev.rein.api.spi.Kind;
import dev.rein.runtime.registry.RegularizerCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A spec bound to plugins: the terms in spec order, ready for a trainer.
 *
 * <pre>{@code
 * Regularization r = SpecBinder.bind(SpecParser.parse("l1(lambda=1e-5) + max_norm(c=3)"), catalog);
 * r.terms(Kind.PENALTY);     // [l1]
 * r.terms(Kind.CONSTRAINT);  // [max_norm]
 * r.toSpec();                // "l1(lambda=1.0E-5) + max_norm(c=3.0)", which binds to the same
 * }</pre>
 */
public final class Regularization {
    private static final Regularization NONE = new Regularization("none", List.of());

    private final String spec;
    private final List<BoundTerm> terms;

    /**
     * @param spec  the canonical spec text ({@code "none"} when there are no terms)
     * @param terms the bound terms in spec order
     */
    public Regularization(String spec, List<BoundTerm> terms) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.terms = List.copyOf(terms);
    }

    /**
     * Parses and binds {@code spec} against {@code catalog}: shorthand for {@link SpecBinder#bind(String,
     * RegularizerCatalog)}.
     *
     * @throws SpecException with the column of the first problem
     */
    public static Regularization of(String spec, RegularizerCatalog catalog) {
        return SpecBinder.bind(spec, catalog);
    }

    /** No regularization at all. */
    public static Regularization none() {
        return NONE;
    }

    /** Every term in spec order. */
    public List<BoundTerm> terms() {
        return terms;
    }

    /** The terms of one kind, in spec order. */
    public List<BoundTerm> terms(Kind kind) {
        List<BoundTerm> out = new ArrayList<>();
        for (BoundTerm t : terms) {
            if (t.kind() == kind) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The same regularization without its terms of {@code kind}, its canonical spec rewritten to match: e.g. the
     * spec's penalties and constraints without the stopping rule, which a trainer follows itself.
     *
     * <pre>{@code
     * Regularization.of("l2(lambda=0.1) + early_stopping", catalog).without(Kind.STOPPING_RULE).toSpec();
     * // "l2(lambda=0.1)"
     * }</pre>
     */
    public Regularization without(Kind kind) {
        List<BoundTerm> kept = new ArrayList<>();
        List<SpecTerm> canonical = new ArrayList<>();
        for (BoundTerm t : terms) {
            if (t.kind() != kind) {
                kept.add(t);
                canonical.add(SpecBinder.canonicalTerm(t));
            }
        }
        if (kept.size() == terms.size()) {
            return this;
        }
        return kept.isEmpty() ? NONE : new Regularization(new Spec("", canonical).toString(), kept);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The canonical spec text; parsing and binding it again gives an equal regularization. */
    public String toSpec() {
        return spec;
    }

    @Override
    public String toString() {
        return spec;
    }
}
