package dev.rein.processor.derive;

import java.util.List;

/**
 * A method body that derivation reads and writes: locals assigned once, in order, then one returned expression.
 *
 * <pre>{@code
 * // double z = w / scale; return lambda * Math.log1p(z * z);
 * Body cauchy = new Body(List.of(new Body.Local("z", Expr.binary(DIV, new Expr.Var("w"), new Expr.Var("scale")))),
 *         Expr.binary(MUL, new Expr.Var("lambda"), Expr.call(MathFunction.LOG1P, ...)));
 * }</pre>
 */
public record Body(List<Local> locals, Expr result) {
    /** {@code double name = value;}. */
    public record Local(String name, Expr value) {
    }

    public Body {
        locals = List.copyOf(locals);
    }
}
