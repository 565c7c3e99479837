package dev.rein.processor.derive;

import dev.rein.processor.derive.Expr.Binary;
import dev.rein.processor.derive.Expr.Neg;
import dev.rein.processor.derive.Expr.Num;
import dev.rein.processor.derive.Expr.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds expressions already simplified, so a derivative reads as a person would write it: no {@code 0 * x}, no
 * {@code 1 * x}, no {@code x + 0}, no {@code --x}, and numbers folded.
 *
 * <pre>{@code
 * Algebra.mul(Num.of(1), new Var("w"));        // w
 * Algebra.add(Num.of(0), new Var("w"));        // w
 * Algebra.mul(Num.of(2), Num.of(3));           // 6
 * Algebra.add(x, x);                           // 2 * x
 * Algebra.add(mul(2, mul(a, w)), mul(a, w));   // 3 * a * w
 * Algebra.sub(new Var("a"), Algebra.neg(b));   // a + b
 * }</pre>
 *
 * <p>Folding follows Java: two {@code int} literals divide as integers ({@code 1 / 2} is 0, as javac computes it),
 * anything else as doubles. Numbers that differentiation introduces are doubles.
 */
public final class Algebra {
    private Algebra() {
    }

    /** A number that differentiation introduces: a double, never integer-divided. */
    public static Num number(double value) {
        return new Num(value, false);
    }

    static boolean isZero(Expr e) {
        return e instanceof Num n && n.is(0);
    }

    private static boolean isOne(Expr e) {
        return e instanceof Num n && n.is(1);
    }

    public static Expr neg(Expr e) {
        if (e instanceof Num n) {
            return new Num(n.value() == 0 ? 0 : -n.value(), n.integral());
        }
        if (e instanceof Neg n) {
            return n.operand();
        }
        return new Neg(e);
    }

    public static Expr add(Expr a, Expr b) {
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        if (a instanceof Num x && b instanceof Num y) {
            return new Num(x.value() + y.value(), x.integral() && y.integral());
        }
        if (b instanceof Neg n) {
            return sub(a, n.operand());
        }
        if (a instanceof Neg n) {
            return sub(b, n.operand());
        }
        Expr sum = likeTerms(a, b, 1);
        return sum != null ? sum : new Binary(Op.ADD, a, b);
    }

    public static Expr sub(Expr a, Expr b) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return neg(b);
        }
        if (a instanceof Num x && b instanceof Num y) {
            return new Num(x.value() - y.value(), x.integral() && y.integral());
        }
        if (b instanceof Neg n) {
            return add(a, n.operand());
        }
        Expr difference = likeTerms(a, b, -1);
        return difference != null ? difference : new Binary(Op.SUB, a, b);
    }

    /**
     * {@code a * b} as one product: numeric factors multiplied into a leading coefficient, signs pulled out, the
     * other factors kept in order and grouped from the left ({@code 2 * (0.5 * lambda) * w} is {@code lambda * w}).
     */
    public static Expr mul(Expr a, Expr b) {
        Term t = Term.of(List.of(a, b));
        if (t.coefficient == 0) {
            return number(0);
        }
        if (t.factors.isEmpty()) {
            return new Num(t.coefficient, t.integral);
        }
        Expr product = Math.abs(t.coefficient) == 1 ? t.factors.get(0)
                : new Binary(Op.MUL, new Num(Math.abs(t.coefficient), t.integral), t.factors.get(0));
        for (int i = 1; i < t.factors.size(); i++) {
            product = new Binary(Op.MUL, product, t.factors.get(i));
        }
        return t.coefficient < 0 ? new Neg(product) : product;
    }

    /** A product split into its numeric coefficient and its other factors, in order. */
    private record Term(double coefficient, boolean integral, List<Expr> factors) {
        static Term of(List<Expr> exprs) {
            List<Expr> factors = new ArrayList<>();
            double coefficient = 1;
            boolean integral = true;
            for (Expr f : exprs) {
                for (Expr factor : flatten(f)) {
                    Expr plain = factor;
                    if (plain instanceof Neg n) {
                        coefficient = -coefficient;
                        plain = n.operand();
                    }
                    if (plain instanceof Num n) {
                        coefficient *= n.value();
                        integral &= n.integral();
                    } else {
                        factors.add(plain);
                    }
                }
            }
            return new Term(coefficient, integral, factors);
        }
    }

    /** {@code c·x ± d·x} as {@code (c ± d)·x}, or null when the two are not multiples of one product. */
    private static Expr likeTerms(Expr a, Expr b, double sign) {
        Term x = Term.of(List.of(a));
        Term y = Term.of(List.of(b));
        if (x.factors.isEmpty() || !x.factors.equals(y.factors)) {
            return null;
        }
        Expr product = x.factors.get(0);
        for (int i = 1; i < x.factors.size(); i++) {
            product = new Binary(Op.MUL, product, x.factors.get(i));
        }
        return mul(number(x.coefficient + sign * y.coefficient), product);
    }

    private static List<Expr> flatten(Expr e) {
        if (e instanceof Binary b && b.op() == Op.MUL) {
            List<Expr> out = new ArrayList<>(flatten(b.left()));
            out.addAll(flatten(b.right()));
            return out;
        }
        if (e instanceof Neg n && n.operand() instanceof Binary b && b.op() == Op.MUL) {
            List<Expr> out = new ArrayList<>(flatten(b));
            out.add(0, number(-1));
            return out;
        }
        return List.of(e);
    }

    public static Expr div(Expr a, Expr b) {
        if (isZero(a)) {
            return number(0);
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Num x && b instanceof Num y && !y.is(0)) {
            if (x.integral() && y.integral()) {
                return new Num((long) x.value() / (long) y.value(), true);
            }
            return new Num(x.value() / y.value(), false);
        }
        if (a instanceof Neg n) {
            return neg(div(n.operand(), b));
        }
        return new Binary(Op.DIV, a, b);
    }

    public static Expr call(MathFunction f, Expr... args) {
        return Expr.call(f, args);
    }

    /** {@code c ? a : b}, or just {@code a} when both branches are the same. */
    public static Expr conditional(Condition c, Expr a, Expr b) {
        return a.equals(b) ? a : new Expr.Conditional(c, a, b);
    }
}
