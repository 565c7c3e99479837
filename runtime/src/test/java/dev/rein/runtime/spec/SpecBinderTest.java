package dev.rein.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.registry.RegularizerCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecBinderTest {
    private final RegularizerCatalog catalog = TestCatalog.create();

    @Test
    void bindsTermsInOrderWithDefaultsFilledIn() {
        Regularization r = SpecBinder.bind("l1 + max_norm(c=3)", catalog);
        assertEquals(2, r.terms().size());
        BoundTerm l1 = r.terms().get(0);
        assertEquals("l1", l1.name());
        assertEquals(Arguments.of(Map.of("lambda", 1e-4)), l1.arguments());
        assertEquals(Target.WEIGHTS, l1.target());
        assertEquals(PenaltyMode.AUTO, l1.mode());
        assertEquals(Optional.empty(), l1.after());
        assertEquals(0.5e-4, l1.hook(ElementwisePenalty.class).value(0.5), 1e-18);
        BoundTerm maxNorm = r.terms(Kind.CONSTRAINT).get(0);
        assertEquals(Arguments.of(Map.of("c", 3.0)), maxNorm.arguments());
        assertInstanceOf(Constraint.class, maxNorm.hook());
        assertEquals("l1(lambda=1.0E-4) + max_norm(c=3.0)", r.toSpec());
    }

    @Test
    void aliasesBindToTheCanonicalName() {
        Regularization r = Regularization.of("ridge(lambda=0.1) + l1", catalog);
        assertEquals("l2(lambda=0.1) + l1(lambda=1.0E-4)", r.toSpec());
        assertEquals(List.of("l2", "l1"), r.terms().stream().map(BoundTerm::name).toList());
        assertEquals("l2(lambda=1.0E-4)", Regularization.of("weight_decay", catalog).toSpec());
    }

    @Test
    void withoutDropsTheTermsOfAKindAndRewritesTheSpec() {
        Regularization r = SpecBinder.bind("l2(lambda=0.1) + early_stopping(patience=3) + max_norm(c=2)", catalog);
        Regularization penalties = r.without(Kind.STOPPING_RULE);
        assertEquals("l2(lambda=0.1) + max_norm(c=2.0)", penalties.toSpec());
        assertEquals(List.of("l2", "max_norm"), penalties.terms().stream().map(BoundTerm::name).toList());
        assertSame(penalties, penalties.without(Kind.STOPPING_RULE), "nothing to drop: the same object");
        assertSame(Regularization.none(), SpecBinder.bind("early_stopping", catalog).without(Kind.STOPPING_RULE));
    }

    @Test
    void aRegularizerMayAppearOnlyOnce() {
        assertEquals("[spec-repeated-term] Spec error at column 6: 'l1' is already in the spec at column 1; each"
                + " regularizer may appear once: merge the two terms into one, e.g. l1(...) with the strength you"
                + " want\n"
                + "  l1 + l1\n"
                + "       ^", error("l1 + l1").getMessage());
        assertError("ridge(lambda=0.1) + max_norm(c=1) + weight_decay", 37, "spec-repeated-term",
                "'weight_decay' (l2, as 'ridge') is already in the spec at column 1");
        assertError("max_norm(c=1) + max_norm(c=2)", 17, "spec-repeated-term", "'max_norm'", "e.g. max_norm(...)");
    }

    @Test
    void anInfiniteValueNeedsABoundThatIncludesInfinity() {
        assertError("l1(lambda=1e999)", 11, "spec-infinite-value", "in l1", "'1e999' is infinite",
                "lambda must be a number >= 0 and finite");
        assertError("l2 + max_norm(c=Infinity)", 17, "spec-infinite-value", "'Infinity' is infinite",
                "c must be a number > 0 and finite");
        Regularization unbounded = SpecBinder.bind("clip(c=Infinity)", catalog);
        assertEquals(Double.POSITIVE_INFINITY, unbounded.terms().get(0).arguments().getDouble("c"), 0.0);
        assertEquals("clip(c=Infinity)", unbounded.toSpec());
        assertEquals(unbounded.toSpec(), SpecBinder.bind(unbounded.toSpec(), catalog).toSpec());
        assertError("clip(c=-1e999)", 8, "spec-invalid-value", "out of range");
    }

    @Test
    void readsReinsOwnOptions() {
        Regularization r = SpecBinder.bind("l1(lambda=1e-5, on=all, mode=proximal) + max_norm(c=3, on=ALL)"
                + " + group_lasso(mode=proximal) + dropout(p=0.2, after='dense 1') + l2(mode=Decoupled)", catalog);
        List<BoundTerm> t = r.terms();
        assertEquals(List.of(Target.ALL, Target.ALL, Target.WEIGHTS, Target.WEIGHTS, Target.WEIGHTS),
                t.stream().map(BoundTerm::target).toList());
        assertEquals(List.of(PenaltyMode.PROXIMAL, PenaltyMode.AUTO, PenaltyMode.PROXIMAL, PenaltyMode.AUTO,
                PenaltyMode.DECOUPLED), t.stream().map(BoundTerm::mode).toList());
        assertEquals(Optional.of("dense 1"), t.get(3).after());
        assertInstanceOf(ActivationRegularizer.class, t.get(3).hook());
        assertEquals("l1(lambda=1.0E-5, on=all, mode=proximal) + max_norm(c=3.0, on=all)"
                + " + group_lasso(lambda=1.0E-4, mode=proximal) + dropout(p=0.2, after='dense 1')"
                + " + l2(lambda=1.0E-4, mode=decoupled)", r.toSpec());
    }

    @Test
    void canonicalValuesOfEveryType() {
        Regularization r = SpecBinder.bind("early_stopping(metric=Accuracy, restore_best=FALSE, patience=7)",
                catalog);
        assertEquals("early_stopping(patience=7, metric=accuracy, restore_best=false, label='best run')",
                r.toSpec());
        assertEquals(Arguments.of(Map.of("patience", 7, "metric", "ACCURACY", "restore_best", false,
                "label", "best run")), r.terms().get(0).arguments());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "l1",
        "ridge(lambda=0.5, on=all) + max_norm(c=1e+2)",
        "l1(lambda=0, mode=proximal) + group_lasso(lambda=3, on=all, mode=coupled)",
        "dropout(after=\"it's \\\\ here\") + batch_norm(eps=1e-3, after=dense_1) + early_stopping(label='')",
    })
    void canonicalTextBindsToAnEqualRegularization(String text) {
        Regularization first = SpecBinder.bind(text, catalog);
        Regularization second = SpecBinder.bind(first.toSpec(), catalog);
        assertEquals(first.toSpec(), second.toSpec());
        assertEquals(SpecParser.parse(first.toSpec()), SpecParser.parse(second.toSpec()));
        for (int i = 0; i < first.terms().size(); i++) {
            BoundTerm a = first.terms().get(i);
            BoundTerm b = second.terms().get(i);
            assertEquals(a.arguments(), b.arguments());
            assertEquals(List.of(a.name(), a.target(), a.mode(), a.after()),
                    List.of(b.name(), b.target(), b.mode(), b.after()));
        }
    }

    @Test
    void noneIsNoRegularization() {
        assertSame(Regularization.none(), SpecBinder.bind("none", catalog));
        assertSame(Regularization.none(), SpecBinder.bind(" ", catalog));
        assertEquals("none", SpecBinder.bind("", catalog).toSpec());
    }

    @Test
    void bindsSpecsBuiltInCode() {
        Spec spec = Spec.of(List.of(SpecTerm.of("l2"), SpecTerm.of("max_norm")));
        SpecException e = assertThrows(SpecException.class, () -> SpecBinder.bind(spec, catalog));
        assertEquals("spec-missing-parameter", e.tag());
        assertEquals(6, e.column(), "the column of the term in the canonical text");
        assertTrue(e.getMessage().endsWith("\n  l2 + max_norm\n       ^"), e.getMessage());
    }

    @Test
    void unknownRegularizer() {
        assertError("l1 + l3(lambda=1)", 6, "spec-unknown-regularizer", "'l3'", "did you mean l1, l2?");
        assertError("dorpout", 1, "spec-unknown-regularizer", "'dorpout'", "did you mean dropout?");
        assertError("xyzzy", 1, "spec-unknown-regularizer", "'xyzzy'");
        assertTrue(!error("xyzzy").problem().contains("did you mean"), "nothing is close to xyzzy");
    }

    @Test
    void unknownParameter() {
        assertError("l1(lamda=1)", 4, "spec-unknown-parameter", "'lamda'", "did you mean lambda?",
                "l1 takes: lambda, on, mode");
        assertError("max_norm(c=3, zzz=1)", 15, "spec-unknown-parameter", "'zzz'", "max_norm takes: c, on");
        assertError("odd(x=1)", 5, "spec-unknown-parameter", "'x'", "odd takes: on");
    }

    @Test
    void wrongTypeOrOutOfBounds() {
        assertError("l1(lambda=abc)", 11, "spec-invalid-value", "in l1", "'abc' is not a number",
                "lambda must be a number >= 0");
        assertError("l1(lambda=-1)", 11, "spec-invalid-value", "'-1' is out of range", "lambda must be a number >= 0");
        assertError("dropout(p=1)", 11, "spec-invalid-value", "in dropout", "p must be a number in [0, 1)");
        assertError("early_stopping(patience=2.5)", 25, "spec-invalid-value", "'2.5' is not a whole number",
                "patience must be an integer >= 1");
        assertError("early_stopping(metric=f1)", 23, "spec-invalid-value", "'f1'",
                "metric must be one of accuracy, loss");
        assertError("early_stopping(restore_best=yes)", 29, "spec-invalid-value", "'yes' is not true or false");
    }

    @Test
    void missingRequiredParameter() {
        assertError("l2 + max_norm(on=all)", 6, "spec-missing-parameter", "'c' of max_norm", "a number > 0",
                "write max_norm(c=...)");
    }

    @Test
    void optionsOnlyWhereTheyApply() {
        assertError("dropout(on=all)", 9, "spec-option-not-applicable", "'on'", "(kind activation)",
                "dropout takes: p, after");
        assertError("max_norm(c=3, mode=coupled)", 15, "spec-option-not-applicable", "'mode'",
                "only for penalty and block_penalty terms", "max_norm takes: c, on");
        assertError("l1(after=dense)", 4, "spec-option-not-applicable", "'after'",
                "only for activation and normalization terms");
        assertError("early_stopping(on=all)", 16, "spec-option-not-applicable", "(kind stopping_rule)",
                "early_stopping takes: patience, metric, restore_best, label");
    }

    @Test
    void optionValuesAreChecked() {
        assertError("l2(on=bias)", 7, "spec-invalid-option", "'bias'", "on must be one of weights, all");
        assertError("l2(mode=lazy)", 9, "spec-invalid-option", "'lazy'",
                "mode must be one of auto, coupled, decoupled, proximal, cumulative");
        assertError("l2(lambda=1, mode=proximal)", 19, "spec-proximal-without-prox", "which l2 does not have");
    }

    @Test
    void pluginsThatFailToBuildAreNamedWithTheirSource() {
        SpecException e = error("l1 + exploding");
        assertEquals(6, e.column());
        assertEquals("spec-plugin-failed", e.tag());
        assertEquals("plugin exploding (from " + java.nio.file.Path.of("plugins", "exploding.jar")
                + ") failed to build with {}: IllegalStateException: no GPU found", e.problem());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertError("odd", 1, "spec-plugin-wrong-hook", "'odd' (built-in)", "java.lang.String",
                "does not implement Constraint");
    }

    @Test
    void parseErrorsComeThroughUnchanged() {
        assertError("l1(lambda)", 10, "spec-expected-equals", "'lambda'");
    }

    @Test
    void errorsShowTheTagThenTheSpecWithACaret() {
        assertEquals("[spec-unknown-regularizer] Spec error at column 6: unknown regularizer 'l3'; did you mean l1,"
                + " l2? (rein list shows all)\n"
                + "  l1 + l3(lambda=1)\n"
                + "       ^", error("l1 + l3(lambda=1)").getMessage());
        assertTrue(error("l1 + l3").spec().equals("l1 + l3"));
        assertEquals(Optional.of("spec-unknown-regularizer"), ReinMessage.tagOf(error("l1 + l3")));
    }

    /** The error's tag and column, and the fragments its problem must name. */
    private void assertError(String text, int column, String tag, String... fragments) {
        SpecException e = error(text);
        assertEquals(tag, e.tag(), text);
        assertEquals(column, e.column(), text);
        for (String fragment : fragments) {
            assertTrue(e.problem().contains(fragment), () -> text + ": '" + fragment + "' not in " + e.problem());
        }
    }

    private SpecException error(String text) {
        return assertThrows(SpecException.class, () -> SpecBinder.bind(text, catalog), text);
    }
}
