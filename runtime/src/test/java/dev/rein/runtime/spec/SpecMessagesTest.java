package dev.rein.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.runtime.ReinMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact words of every spec message: the other spec tests assert tags, columns and fragments only. */
class SpecMessagesTest {
    @Test
    void readingTheText() {
        assertMessage("[spec-expected-plus] expected '+' or the end of the spec after 'l1(...)', found '$'",
                SpecMessages.expectedPlus("l1(...)", "'$'"));
        assertMessage("[spec-expected-name] expected a regularizer name after '+', found the end of the spec",
                SpecMessages.expectedName(true, "the end of the spec"));
        assertMessage("[spec-expected-name] expected a regularizer name, found '3'",
                SpecMessages.expectedName(false, "'3'"));
        assertMessage("[spec-none-not-alone] expected a regularizer name, found 'none', which may only stand alone"
                + " to mean no regularization", SpecMessages.noneInSpec());
        assertMessage("[spec-expected-comma] expected ',' or ')' after the value of 'lambda', found the end of the"
                + " spec ('(' at column 3 is never closed)",
                SpecMessages.expectedCommaOrClose("lambda", "the end of the spec", 3));
        assertMessage("[spec-expected-comma] expected ',' or ')' after the value of 'lambda', found '$'",
                SpecMessages.expectedCommaOrClose("lambda", "'$'", 0));
        assertMessage("[spec-expected-parameter] expected a parameter name after ',', found ')'",
                SpecMessages.expectedParameter("after ','", "')'", 0));
        assertMessage("[spec-duplicate-parameter] parameter 'lambda' is given twice in 'l1' (first at column 4);"
                + " give each parameter once", SpecMessages.duplicateParameter("lambda", "l1", 4));
        assertMessage("[spec-expected-equals] expected '=' after parameter 'lambda', found ')'",
                SpecMessages.expectedEquals("lambda", "')'"));
        assertMessage("[spec-expected-value] expected a value for 'lambda' (a number, a word or a quoted text),"
                + " found ','", SpecMessages.expectedValue("lambda", "','"));
        assertMessage("[spec-unclosed-quote] expected a closing ' for the value of 'after' that starts here, found"
                + " the end of the spec", SpecMessages.unclosedQuote('\'', "after"));
        assertMessage("[spec-dangling-escape] expected an escaped character after '\\', found the end of the spec",
                SpecMessages.danglingEscape());
        assertMessage("[spec-unknown-escape] expected one of \\\\ \\' \\\" \\n \\r \\t, found '\\q'",
                SpecMessages.unknownEscape('q'));
        assertMessage("[spec-not-snake-case] expected a lower_snake_case regularizer name, found 'maxNorm' (did you"
                + " mean 'max_norm'?)", SpecMessages.notSnakeCase("regularizer name", "maxNorm", "max_norm"));
        assertMessage("[spec-not-snake-case] expected a lower_snake_case parameter name, found 'X1'",
                SpecMessages.notSnakeCase("parameter name", "X1", null));
    }

    @Test
    void bindingToPlugins() {
        assertMessage("[spec-unknown-regularizer] unknown regularizer 'l3'; did you mean l1, l2? (rein list shows"
                + " all)", SpecMessages.unknownRegularizer("l3", " did you mean l1, l2?"));
        assertMessage("[spec-unknown-regularizer] unknown regularizer 'xyzzy' (rein list shows all)",
                SpecMessages.unknownRegularizer("xyzzy", ""));
        assertMessage("[spec-missing-parameter] missing required parameter 'c' of max_norm (a number > 0): write"
                + " max_norm(c=...)", SpecMessages.missingParameter("c", "max_norm", "a number > 0"));
        assertMessage("[spec-unknown-parameter] l1 has no parameter 'lamda'; did you mean lambda? l1 takes: lambda,"
                + " on, mode", SpecMessages.unknownParameter("l1", "lamda", " did you mean lambda?",
                        List.of("lambda", "on", "mode")));
        assertMessage("[spec-unknown-parameter] odd has no parameter 'x'; odd takes no parameters",
                SpecMessages.unknownParameter("odd", "x", "", List.of()));
        assertMessage("[spec-invalid-value] invalid value in l1: '-1' is out of range: lambda must be a number >= 0",
                SpecMessages.invalidValue("l1", "'-1' is out of range: lambda must be a number >= 0"));
        assertMessage("[spec-infinite-value] invalid value in l1: '1e999' is infinite, and l1 does not take an"
                + " infinite lambda: lambda must be a number >= 0 and finite",
                SpecMessages.infiniteValue("l1", "lambda", "1e999", "a number >= 0"));
        assertMessage("[spec-repeated-term] 'l1' is already in the spec at column 1; each regularizer may appear"
                + " once: merge the two terms into one, e.g. l1(...) with the strength you want",
                SpecMessages.repeatedTerm("l1", "l1", "l1", 1));
        assertMessage("[spec-repeated-term] 'weight_decay' (l2, as 'ridge') is already in the spec at column 1;"
                + " each regularizer may appear once: merge the two terms into one, e.g. l2(...) with the strength"
                + " you want", SpecMessages.repeatedTerm("l2", "weight_decay", "ridge", 1));
        assertMessage("[spec-invalid-option] invalid value in l2: 'bias' is not one of the allowed values: on must"
                + " be one of weights, all", SpecMessages.invalidOption("l2", "bias", "on", "weights, all"));
        assertMessage("[spec-option-not-applicable] option 'mode' does not apply to max_norm (kind constraint); it"
                + " is only for penalty and block_penalty terms; max_norm takes: c, on",
                SpecMessages.optionNotApplicable("mode", "max_norm", "constraint", "penalty and block_penalty",
                        List.of("c", "on")));
        assertMessage("[spec-proximal-without-prox] mode=proximal needs a proximal operator, which l2 does not"
                + " have: mode must be one of auto, coupled, decoupled", SpecMessages.proximalWithoutProx("l2"));
        assertMessage("[spec-plugin-failed] plugin exploding (from plugins/exploding.jar) failed to build with {}:"
                + " IllegalStateException: no GPU found", SpecMessages.pluginFailed("exploding",
                        "plugins/exploding.jar", "{}", new IllegalStateException("no GPU found")));
        assertMessage("[spec-plugin-failed] plugin exploding (from built-in) failed to build with {}:"
                + " NullPointerException", SpecMessages.pluginFailed("exploding", "built-in", "{}",
                        new NullPointerException()));
        assertMessage("[spec-plugin-wrong-hook] Plugin 'odd' (built-in) is declared a constraint but built"
                + " java.lang.String, which does not implement Constraint",
                SpecMessages.wrongHook("odd", "built-in", "constraint", "text", dev.rein.api.hook.Constraint.class));
    }

    @Test
    void aSpecExceptionPutsTheColumnAndACaretAroundTheProblemAndKeepsItsTag() {
        SpecException e = new SpecException("l1(lambda)", 10, SpecMessages.expectedEquals("lambda", "')'"));
        assertEquals("[spec-expected-equals] Spec error at column 10: expected '=' after parameter 'lambda', found"
                + " ')'\n  l1(lambda)\n           ^", e.getMessage());
        assertEquals("spec-expected-equals", e.tag());
        assertEquals("expected '=' after parameter 'lambda', found ')'", e.problem());
    }

    private static void assertMessage(String expected, ReinMessage actual) {
        assertEquals(expected, actual.toString());
    }
}
