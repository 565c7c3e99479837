package dev.rein.processor.derive;

import static dev.rein.processor.derive.Algebra.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rein.processor.derive.Expr.Binary;
import dev.rein.processor.derive.Expr.Num;
import dev.rein.processor.derive.Expr.Op;
import dev.rein.processor.derive.Expr.Var;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Differentiation, simplification, printing and evaluation without a compiler. */
class DifferentiatorTest {
    private static final Var W = new Var("w");
    private static final Var A = new Var("a");

    private static Expr bin(Op op, Expr l, Expr r) {
        return new Binary(op, l, r);
    }

    private static String gradientOf(Expr penalty) {
        return String.join("; ", JavaSource.statements(Differentiator.derive(new Body(List.of(), penalty), "w",
                Set.of("w", "a"))));
    }

    @Test
    void theChainRuleThroughLocalsNamesEachDerivative() {
        // double z = w / a; double unused = a; return a * Math.log1p(z * z);
        Body cauchy = new Body(List.of(new Body.Local("z", bin(Op.DIV, W, A)), new Body.Local("unused", A)),
                bin(Op.MUL, A, Expr.call(MathFunction.LOG1P, bin(Op.MUL, new Var("z"), new Var("z")))));
        Body gradient = Differentiator.derive(cauchy, "w", Set.of("w", "a", "dz"));
        // "dz" is taken, so the derivative of z is dz_; "unused" is dropped
        assertEquals(List.of("double z = w / a", "double dz_ = 1 / a", "return a * (2 * z * dz_ / (1 + z * z))"),
                JavaSource.statements(gradient));
        double w = 0.8;
        double a = 1.7;
        assertEquals(a * 2 * (w / a) / (a * (1 + (w / a) * (w / a))),
                Evaluator.run(gradient, Map.of("w", w, "a", a)), 1e-15);
    }

    @Test
    void constantLocalsGetNoDerivativeLocal() {
        Body body = new Body(List.of(new Body.Local("c", bin(Op.MUL, A, A))), bin(Op.MUL, new Var("c"), W));
        assertEquals(List.of("double c = a * a", "return c"), JavaSource.statements(
                Differentiator.derive(body, "w", Set.of("w", "a"))));
    }

    @Test
    void productsAndQuotientsAreSimplified() {
        assertEquals("return a", gradientOf(bin(Op.MUL, bin(Op.MUL, number(1), A), bin(Op.ADD, W, number(0)))));
        assertEquals("return -a / (w * w)", gradientOf(bin(Op.DIV, A, W)));
        assertEquals("return (a - w) / a", gradientOf(bin(Op.DIV, bin(Op.SUB, bin(Op.MUL, A, W),
                bin(Op.MUL, new Num(0.5, false), bin(Op.MUL, W, W))), A)));
        assertEquals("return -Math.sin(a * w) * a", gradientOf(Expr.call(MathFunction.COS, bin(Op.MUL, A, W))));
    }

    @Test
    void powersWithAConstantExponentUseThePowerRule() {
        assertEquals("return 3 * Math.pow(w, 2)", gradientOf(Expr.call(MathFunction.POW, W, new Num(3, true))));
        assertEquals("return 2 * w", gradientOf(Expr.call(MathFunction.POW, W, new Num(2, true))));
        assertEquals("return a * Math.pow(w, a - 1)", gradientOf(Expr.call(MathFunction.POW, W, A)));
        assertEquals("return Math.pow(a, w) * Math.log(a)", gradientOf(Expr.call(MathFunction.POW, A, W)));
    }

    @Test
    void printingKeepsTheOrderOfEvaluationAsWritten() {
        assertEquals("a - (w - a)", JavaSource.of(bin(Op.SUB, A, bin(Op.SUB, W, A))));
        assertEquals("a / (w * a)", JavaSource.of(bin(Op.DIV, A, bin(Op.MUL, W, A))));
        assertEquals("a * w / a", JavaSource.of(bin(Op.DIV, bin(Op.MUL, A, W), A)));
        assertEquals("-(-w)", JavaSource.of(new Expr.Neg(new Expr.Neg(W))));
        assertEquals("a * (w > 0 ? 1 : -1)", JavaSource.of(bin(Op.MUL, A, new Expr.Conditional(
                new Condition.Compare(Condition.Relation.GT, W, new Num(0, true)), new Num(1, true), new Num(-1, true)))));
        assertEquals("1.0E-4", JavaSource.number(1e-4));
    }

    @Test
    void numbersFoldAsJavaFoldsConstants() {
        assertEquals(new Num(0, true), Algebra.div(new Num(1, true), new Num(2, true)));
        assertEquals(new Num(0.5, false), Algebra.div(new Num(1, true), new Num(2, false)));
        assertEquals(new Num(6, true), Algebra.mul(new Num(2, true), new Num(3, true)));
    }

    @Test
    void evaluatingAnUnboundVariableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Evaluator.run(new Body(List.of(), A), Map.of()));
    }
}
