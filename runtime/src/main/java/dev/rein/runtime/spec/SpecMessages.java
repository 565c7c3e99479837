package dev.rein.runtime.spec;

import dev.rein.runtime.ReinMessage;
import java.util.List;

/**
 * Every problem the spec package reports, worded in one place: what was expected, what was found instead and what
 * would be valid. Each has a tag starting with {@code spec-} ({@code docs/messages.md} lists them); a
 * {@link SpecException} puts the column and the spec around it. Tests assert the tags, and
 * {@code SpecMessagesTest} the exact words.
 *
 * <pre>{@code
 * SpecMessages.expectedEquals("lambda", "')'");
 * // [spec-expected-equals] expected '=' after parameter 'lambda', found ')'
 * new SpecException("l1(lambda)", 10, SpecMessages.expectedEquals("lambda", "')'")).getMessage();
 * // [spec-expected-equals] Spec error at column 10: expected '=' after parameter 'lambda', found ')'
 * //   l1(lambda)
 * //            ^
 * }</pre>
 *
 * <p>{@code found} arguments are already in words: {@code "'x'"} for a character, {@code "the end of the spec"}.
 */
final class SpecMessages {
    private SpecMessages() {
    }

    /** The whole text of a {@link SpecException}: the problem at its column, then the spec with a caret. */
    static ReinMessage rendered(String spec, int column, ReinMessage problem) {
        // Line breaks and tabs in the spec would push the caret out of line: show them as spaces.
        String shown = spec.replaceAll("[\\t\\n\\r\\f]", " ");
        return ReinMessage.of(problem.tag(), "Spec error at column " + column + ": " + problem.text() + "\n  "
                + shown + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^");
    }

    // --- reading the text (SpecParser) ---

    /** {@code term} as written so far, e.g. {@code "l1(...)"}. */
    static ReinMessage expectedPlus(String term, String found) {
        return ReinMessage.of("spec-expected-plus", "expected '+' or the end of the spec after '" + term + "', found "
                + found);
    }

    static ReinMessage expectedName(boolean afterPlus, String found) {
        return ReinMessage.of("spec-expected-name", "expected a regularizer name" + (afterPlus ? " after '+'" : "")
                + ", found " + found);
    }

    static ReinMessage noneInSpec() {
        return ReinMessage.of("spec-none-not-alone", "expected a regularizer name, found 'none', which may only stand"
                + " alone to mean no regularization");
    }

    /** {@code unclosedAt} is the column of a '(' the spec never closes, or 0. */
    static ReinMessage expectedCommaOrClose(String lastKey, String found, int unclosedAt) {
        return ReinMessage.of("spec-expected-comma", "expected ',' or ')' after the value of '" + lastKey + "', found "
                + found + neverClosed(unclosedAt));
    }

    /** {@code after} is {@code "after '('"} or {@code "after ','"}; {@code unclosedAt} as above. */
    static ReinMessage expectedParameter(String after, String found, int unclosedAt) {
        return ReinMessage.of("spec-expected-parameter", "expected a parameter name " + after + ", found " + found
                + neverClosed(unclosedAt));
    }

    static ReinMessage duplicateParameter(String key, String term, int firstColumn) {
        return ReinMessage.of("spec-duplicate-parameter", "parameter '" + key + "' is given twice in '" + term
                + "' (first at column " + firstColumn + "); give each parameter once");
    }

    static ReinMessage expectedEquals(String key, String found) {
        return ReinMessage.of("spec-expected-equals", "expected '=' after parameter '" + key + "', found " + found);
    }

    static ReinMessage expectedValue(String key, String found) {
        return ReinMessage.of("spec-expected-value", "expected a value for '" + key + "' (a number, a word or a"
                + " quoted text), found " + found);
    }

    static ReinMessage unclosedQuote(char quote, String key) {
        return ReinMessage.of("spec-unclosed-quote", "expected a closing " + quote + " for the value of '" + key
                + "' that starts here, found the end of the spec");
    }

    static ReinMessage danglingEscape() {
        return ReinMessage.of("spec-dangling-escape", "expected an escaped character after '\\', found the end of"
                + " the spec");
    }

    static ReinMessage unknownEscape(char escaped) {
        return ReinMessage.of("spec-unknown-escape", "expected one of \\\\ \\' \\\" \\n \\r \\t, found '\\" + escaped
                + "'");
    }

    /**
     * {@code what} is {@code "regularizer name"} or {@code "parameter name"}; {@code suggestion} is the
     * lower_snake_case spelling, or null when there is none.
     */
    static ReinMessage notSnakeCase(String what, String id, String suggestion) {
        return ReinMessage.of("spec-not-snake-case", "expected a lower_snake_case " + what + ", found '" + id + "'"
                + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
    }

    private static String neverClosed(int openColumn) {
        return openColumn > 0 ? " ('(' at column " + openColumn + " is never closed)" : "";
    }

    // --- binding it to plugins (SpecBinder, BoundTerm) ---

    /** {@code didYouMean} is {@link Suggestions#didYouMean}'s text, or empty. */
    static ReinMessage unknownRegularizer(String name, String didYouMean) {
        return ReinMessage.of("spec-unknown-regularizer", "unknown regularizer '" + name + "'"
                + (didYouMean.isEmpty() ? "" : ";" + didYouMean) + " (rein list shows all)");
    }

    /** {@code validRange} in words, e.g. {@code "a number > 0"}. */
    static ReinMessage missingParameter(String parameter, String regularizer, String validRange) {
        return ReinMessage.of("spec-missing-parameter", "missing required parameter '" + parameter + "' of "
                + regularizer + " (" + validRange + "): write " + regularizer + "(" + parameter + "=...)");
    }

    /** {@code validKeys}: the plugin's parameters and the options its kind takes, in order. */
    static ReinMessage unknownParameter(String regularizer, String key, String didYouMean, List<String> validKeys) {
        return ReinMessage.of("spec-unknown-parameter", regularizer + " has no parameter '" + key + "'"
                + (didYouMean.isEmpty() ? "; " : ";" + didYouMean + " ") + takes(regularizer, validKeys));
    }

    /** {@code why} is the parameter's own complaint, e.g. {@code "lambda must be >= 0, got -1"}. */
    static ReinMessage invalidValue(String regularizer, String why) {
        return ReinMessage.of("spec-invalid-value", "invalid value in " + regularizer + ": " + why);
    }

    /** A value that parsed to an infinity which the parameter's declared bounds do not include. */
    static ReinMessage infiniteValue(String regularizer, String parameter, String written, String validRange) {
        return ReinMessage.of("spec-infinite-value", "invalid value in " + regularizer + ": '" + written + "' is"
                + " infinite, and " + regularizer + " does not take an infinite " + parameter + ": " + parameter
                + " must be " + validRange + " and finite");
    }

    /**
     * A regularizer given a second time: {@code canonical} is its name, {@code written} and {@code firstWritten} how
     * the two terms spell it (a name or an alias).
     */
    static ReinMessage repeatedTerm(String canonical, String written, String firstWritten, int firstColumn) {
        String same = written.equals(firstWritten) ? "'" + written + "'"
                : "'" + written + "' (" + canonical + ", as '" + firstWritten + "')";
        return ReinMessage.of("spec-repeated-term", same + " is already in the spec at column " + firstColumn
                + "; each regularizer may appear once: merge the two terms into one, e.g. " + canonical
                + "(...) with the strength you want");
    }

    /** An option Rein reads itself ({@code on}, {@code mode}) with a value it does not know. */
    static ReinMessage invalidOption(String regularizer, String value, String option, String valid) {
        return ReinMessage.of("spec-invalid-option", "invalid value in " + regularizer + ": '" + value
                + "' is not one of the allowed values: " + option + " must be one of " + valid);
    }

    /** {@code kindsInWords} e.g. {@code "penalty and block_penalty"}. */
    static ReinMessage optionNotApplicable(String option, String regularizer, String kind, String kindsInWords,
            List<String> validKeys) {
        return ReinMessage.of("spec-option-not-applicable", "option '" + option + "' does not apply to " + regularizer
                + " (kind " + kind + "); it is only for " + kindsInWords + " terms; " + takes(regularizer, validKeys));
    }

    static ReinMessage proximalWithoutProx(String regularizer) {
        return ReinMessage.of("spec-proximal-without-prox", "mode=proximal needs a proximal operator, which "
                + regularizer + " does not have: mode must be one of auto, coupled, decoupled");
    }

    /** {@code arguments} as {@code Arguments.toString()} writes them; {@code thrown} what the provider threw. */
    static ReinMessage pluginFailed(String regularizer, String source, Object arguments, Throwable thrown) {
        return ReinMessage.of("spec-plugin-failed", "plugin " + regularizer + " (from " + source + ") failed to build"
                + " with " + arguments + ": " + thrown.getClass().getSimpleName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
    }

    /** A provider whose hook is not of the kind its descriptor declares. */
    static ReinMessage wrongHook(String regularizer, Object source, String kind, Object hook, Class<?> hookType) {
        return ReinMessage.of("spec-plugin-wrong-hook", "Plugin '" + regularizer + "' (" + source + ") is declared a "
                + kind + " but built " + (hook == null ? "null" : hook.getClass().getName()) + ", which does not"
                + " implement " + hookType.getSimpleName());
    }

    private static String takes(String regularizer, List<String> validKeys) {
        return validKeys.isEmpty() ? regularizer + " takes no parameters"
                : regularizer + " takes: " + String.join(", ", validKeys);
    }
}
