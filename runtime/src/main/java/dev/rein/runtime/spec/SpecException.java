package dev.rein.runtime.spec;

import dev.rein.runtime.ReinMessage;
import java.util.Objects;

/**
 * A spec that cannot be read or bound, with the 1-based column of the problem. The message is one paragraph a
 * command line can print as it is: the problem's tag, what was expected and found, then the spec with a caret under
 * the column.
 *
 * <pre>{@code
 * try {
 *     SpecParser.parse("l1(lambda)");
 * } catch (SpecException e) {
 *     e.tag();       // "spec-expected-equals"
 *     e.column();    // 10
 *     e.problem();   // "expected '=' after parameter 'lambda', found ')'"
 *     e.getMessage();
 *     // [spec-expected-equals] Spec error at column 10: expected '=' after parameter 'lambda', found ')'
 *     //   l1(lambda)
 *     //            ^
 * }
 * }</pre>
 *
 * <p>Every tag starts with {@code spec-}; {@code docs/messages.md} lists them.
 */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String spec;
    private final int column;
    private final String tag;
    private final String problem;

    /**
     * @param spec    the whole spec text
     * @param column  1-based; {@code spec.length() + 1} points just past the end
     * @param problem what was wrong, in words, without the column, and its tag
     */
    public SpecException(String spec, int column, ReinMessage problem) {
        this(spec, column, problem, null);
    }

    /** As {@link #SpecException(String, int, ReinMessage)}, keeping the exception that caused the problem. */
    public SpecException(String spec, int column, ReinMessage problem, Throwable cause) {
        super(render(spec, column, problem), cause);
        this.spec = spec;
        this.column = column;
        this.tag = problem.tag();
        this.problem = problem.text();
    }

    /** The problem's tag, e.g. {@code "spec-unknown-regularizer"}. */
    public String tag() {
        return tag;
    }

    /** The 1-based column the problem is at. */
    public int column() {
        return column;
    }

    /** The spec text the column refers to. */
    public String spec() {
        return spec;
    }

    /** What was wrong, without the tag, the column and the caret picture. */
    public String problem() {
        return problem;
    }

    private static String render(String spec, int column, ReinMessage problem) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(problem, "problem");
        return SpecMessages.rendered(spec, column, problem).toString();
    }
}
