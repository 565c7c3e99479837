package dev.rein.runtime.spec;

import java.util.Objects;

/**
 * A spec that cannot be read or bound, with the 1-based column of the problem. The message is one paragraph a
 * command line can print as it is: what was expected and found, then the spec with a caret under the column.
 *
 * <pre>{@code
 * try {
 *     SpecParser.parse("l1(lambda)");
 * } catch (SpecException e) {
 *     e.column();    // 10
 *     e.problem();   // "expected '=' after parameter 'lambda', found ')'"
 *     e.getMessage();
 *     // Spec error at column 10: expected '=' after parameter 'lambda', found ')'
 *     //   l1(lambda)
 *     //            ^
 * }
 * }</pre>
 */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String spec;
    private final int column;
    private final String problem;

    /**
     * @param spec    the whole spec text
     * @param column  1-based; {@code spec.length() + 1} points just past the end
     * @param problem what was wrong, in words, without the column
     */
    public SpecException(String spec, int column, String problem) {
        this(spec, column, problem, null);
    }

    /** As {@link #SpecException(String, int, String)}, keeping the exception that caused the problem. */
    public SpecException(String spec, int column, String problem, Throwable cause) {
        super(render(spec, column, problem), cause);
        this.spec = spec;
        this.column = column;
        this.problem = problem;
    }

    /** The 1-based column the problem is at. */
    public int column() {
        return column;
    }

    /** The spec text the column refers to. */
    public String spec() {
        return spec;
    }

    /** What was wrong, without the column and the caret picture. */
    public String problem() {
        return problem;
    }

    private static String render(String spec, int column, String problem) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(problem, "problem");
        // Line breaks and tabs in the spec would push the caret out of line: show them as spaces.
        String shown = spec.replaceAll("[\\t\\n\\r\\f]", " ");
        return "Spec error at column " + column + ": " + problem + "\n  " + shown + "\n  "
                + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
