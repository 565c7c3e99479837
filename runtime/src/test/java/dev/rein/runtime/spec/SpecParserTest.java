package dev.rein.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecParserTest {

    @Test
    void readsTermsArgumentsAndColumns() {
        Spec spec = SpecParser.parse("l1(lambda=1e-5) + max_norm(c=3)");
        assertEquals(List.of(
                new SpecTerm("l1", List.of(new SpecArgument("lambda", "1e-5", 4, 11)), 1),
                new SpecTerm("max_norm", List.of(new SpecArgument("c", "3", 28, 30)), 19)), spec.terms());
        SpecTerm maxNorm = spec.terms().get(1);
        assertEquals(19, maxNorm.column());
        assertEquals(28, maxNorm.arguments().get(0).keyColumn());
        assertEquals(30, maxNorm.arguments().get(0).valueColumn());
        assertEquals("3", maxNorm.argument("c").get().value());
    }

    @Test
    void whitespaceIsFreeAndDoesNotChangeTheSpec() {
        Spec tight = SpecParser.parse("l1(lambda=1e-5)+max_norm(c=3)+batch_norm");
        Spec loose = SpecParser.parse("\n  l1 ( lambda = 1e-5 )\t+ max_norm( c=3 ) +\n batch_norm()  ");
        assertEquals(tight, loose);
        assertEquals(tight.hashCode(), loose.hashCode());
        assertEquals("l1(lambda=1e-5) + max_norm(c=3) + batch_norm", loose.toString());
        assertEquals(4, loose.terms().get(0).column());
    }

    @Test
    void emptyBlankAndNoneMeanNoTerms() {
        for (String text : new String[] {"", "   ", "\n\t", "none", "  none "}) {
            Spec spec = SpecParser.parse(text);
            assertTrue(spec.isEmpty(), text);
            assertEquals(Spec.empty(), spec);
            assertEquals("none", spec.toString());
        }
    }

    @Test
    void readsNumbersWordsAndQuotedValues() {
        Spec spec = SpecParser.parse("x(a=-3, b=.5, c=1e+5, d=2.5E-3, e=relu_6, f=layer-1.out, g='dense 1', "
                + "h=\"say \\\"hi\\\"\", i='it\\'s', j='back\\\\slash\\n', k='', l=+1, m=-Infinity)");
        List<String> values = spec.terms().get(0).arguments().stream().map(SpecArgument::value).toList();
        assertEquals(List.of("-3", ".5", "1e+5", "2.5E-3", "relu_6", "layer-1.out", "dense 1", "say \"hi\"",
                "it's", "back\\slash\n", "", "+1", "-Infinity"), values);
        assertEquals("x(a=-3, b=.5, c=1e+5, d=2.5E-3, e=relu_6, f=layer-1.out, g='dense 1', h='say \"hi\"', "
                + "i='it\\'s', j='back\\\\slash\\n', k='', l=+1, m=-Infinity)", spec.toString());
    }

    @Test
    void buildsSpecsInCodeWithColumnsOfTheirCanonicalText() {
        Spec spec = Spec.of(List.of(SpecTerm.of("l2"), SpecTerm.of("dropout", SpecArgument.of("after", "dense 1"))));
        assertEquals("l2 + dropout(after='dense 1')", spec.text());
        assertEquals(6, spec.terms().get(1).column());
        assertEquals(SpecParser.parse("l2+dropout(after=\"dense 1\")"), spec);
    }

    @Test
    void missingEquals() {
        assertError("l1(lambda)", 10, "spec-expected-equals", "'lambda'", "found ')'");
        assertEquals("[spec-expected-equals] Spec error at column 10: expected '=' after parameter 'lambda', found"
                + " ')'\n"
                + "  l1(lambda)\n"
                + "           ^", error("l1(lambda)").getMessage());
    }

    @Test
    void unexpectedCharacters() {
        assertError("l1(lambda=1e-5) $", 17, "spec-expected-plus", "after 'l1(...)'", "found '$'");
        assertError("l1 lambda", 4, "spec-expected-plus", "after 'l1'", "found 'l'");
        assertError("l1(lambda=$)", 11, "spec-expected-value", "'lambda'", "found '$'");
        assertError("l1(lambda=1$)", 12, "spec-expected-comma", "'lambda'", "found '$'");
        assertError("l1(lambda=1 + 2)", 13, "spec-expected-comma", "'lambda'", "found '+'");
        assertError("3l", 1, "spec-expected-name", "found '3'");
        assertError("x(s='a\\qb')", 8, "spec-unknown-escape", "found '\\q'");
    }

    @Test
    void missingClosingParenthesis() {
        assertError("l1(lambda=1e-5", 15, "spec-expected-comma", "found the end of the spec",
                "'(' at column 3 is never closed");
        assertError("l1(", 4, "spec-expected-parameter", "after '('", "'(' at column 3 is never closed");
        assertTrue(!error("l1(lambda=1e-5 x").problem().contains("never closed"), "only said at the end");
    }

    @Test
    void trailingPlus() {
        assertError("l1 + ", 6, "spec-expected-name", "after '+'", "found the end of the spec");
    }

    @Test
    void emptyTerms() {
        assertError("l1 + + l2", 6, "spec-expected-name", "after '+'", "found '+'");
        assertError("+ l1", 1, "spec-expected-name", "found '+'");
        assertError("l1(lambda=1,)", 13, "spec-expected-parameter", "after ','", "found ')'");
        assertError("none + l1", 1, "spec-none-not-alone", "'none'");
    }

    @Test
    void missingValue() {
        assertError("l1(lambda=)", 11, "spec-expected-value", "'lambda'", "found ')'");
        assertError("l1(lambda=", 11, "spec-expected-value", "'lambda'", "found the end of the spec");
        assertError("l1(lambda=, c=1)", 11, "spec-expected-value", "'lambda'", "found ','");
    }

    @Test
    void duplicateKey() {
        assertError("l1(lambda=1, lambda=2)", 14, "spec-duplicate-parameter", "'lambda'", "in 'l1'",
                "first at column 4");
    }

    @Test
    void unterminatedQuote() {
        assertError("dropout(after='dense)", 15, "spec-unclosed-quote", "closing '", "'after'");
        assertError("x(s=\"abc\\\")", 5, "spec-unclosed-quote", "closing \"", "'s'");
        assertError("x(s='abc\\", 10, "spec-dangling-escape");
    }

    @Test
    void namesAndKeysMustBeLowerSnakeCase() {
        assertError("L1(lambda=1)", 1, "spec-not-snake-case", "regularizer name", "'L1'", "did you mean 'l1'?");
        assertError("l2 + maxNorm(c=3)", 6, "spec-not-snake-case", "'maxNorm'", "did you mean 'max_norm'?");
        assertError("max-norm", 1, "spec-not-snake-case", "'max-norm'", "did you mean 'max_norm'?");
        assertError("l1(Lambda=1)", 4, "spec-not-snake-case", "parameter name", "'Lambda'", "did you mean 'lambda'?");
        assertError("_x", 1, "spec-not-snake-case", "'_x'", "did you mean 'x'?");
    }

    @Test
    void caretStaysUnderTheColumnWhenTheSpecSpansLines() {
        SpecException e = error("l1(lambda=1)\n+ l2(");
        assertEquals(19, e.column());
        assertEquals("l1(lambda=1)\n+ l2(", e.spec());
        assertEquals("[spec-expected-parameter] Spec error at column 19: expected a parameter name after '(', found"
                + " the end of the spec ('(' at column 18 is never closed)\n"
                + "  l1(lambda=1) + l2(\n"
                + "  " + " ".repeat(18) + "^", e.getMessage());
    }

    /** The error's tag and column, the fragments its problem must name, and the caret under the column. */
    private static void assertError(String text, int column, String tag, String... fragments) {
        SpecException e = error(text);
        assertEquals(tag, e.tag(), text);
        assertEquals(column, e.column(), text);
        for (String fragment : fragments) {
            assertTrue(e.problem().contains(fragment), () -> text + ": '" + fragment + "' not in " + e.problem());
        }
        assertEquals("[" + tag + "] Spec error at column " + column + ": " + e.problem() + "\n  " + text + "\n  "
                + " ".repeat(column - 1) + "^", e.getMessage());
    }

    private static SpecException error(String text) {
        return assertThrows(SpecException.class, () -> SpecParser.parse(text), text);
    }
}
