package dev.rein.processor.derive;

import dev.rein.processor.derive.Condition.And;
import dev.rein.processor.derive.Condition.Compare;
import dev.rein.processor.derive.Condition.Not;
import dev.rein.processor.derive.Condition.Or;
import dev.rein.processor.derive.Expr.Binary;
import dev.rein.processor.derive.Expr.Call;
import dev.rein.processor.derive.Expr.Conditional;
import dev.rein.processor.derive.Expr.Neg;
import dev.rein.processor.derive.Expr.Num;
import dev.rein.processor.derive.Expr.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Java source for expressions and bodies, with only the parentheses Java's precedence needs (and those that keep
 * the order of evaluation as written: {@code a - (b - c)}, {@code a / (b * c)}).
 *
 * <pre>{@code
 * JavaSource.of(Algebra.mul(new Var("lambda"), Algebra.add(new Var("a"), new Var("b"))));  // "lambda * (a + b)"
 * JavaSource.statements(body);   // ["double z = w / scale", "return lambda * Math.log1p(z * z)"]
 * }</pre>
 */
public final class JavaSource {
    private static final int CONDITIONAL = 0;
    private static final int UNARY = 3;
    private static final int PRIMARY = 4;

    private JavaSource() {
    }

    /** The statements of {@code body}, without their semicolons. */
    public static List<String> statements(Body body) {
        List<String> out = new ArrayList<>();
        body.locals().forEach(l -> out.add("double " + l.name() + " = " + of(l.value())));
        out.add("return " + of(body.result()));
        return out;
    }

    public static String of(Expr e) {
        return print(e).text;
    }

    public static String of(Condition c) {
        return condition(c, 0);
    }

    private record Printed(String text, int precedence) {
    }

    private static Printed print(Expr e) {
        if (e instanceof Num n) {
            String text = number(n.value());
            return new Printed(text, text.startsWith("-") ? UNARY : PRIMARY);
        }
        if (e instanceof Var v) {
            return new Printed(v.name(), PRIMARY);
        }
        if (e instanceof Neg n && n.operand() instanceof Binary b && b.op().precedence == 2) {
            // -(x * y) is (-x) * y exactly (a sign flip never rounds), and reads better
            return print(new Binary(b.op(), new Neg(b.left()), b.right()));
        }
        if (e instanceof Neg n) {
            String inner = operand(n.operand(), UNARY);
            return new Printed("-" + (inner.startsWith("-") ? "(" + inner + ")" : inner), UNARY);
        }
        if (e instanceof Binary b) {
            int p = b.op().precedence;
            return new Printed(operand(b.left(), p) + " " + b.op().symbol + " " + operand(b.right(), p + 1), p);
        }
        if (e instanceof Call c) {
            List<String> args = new ArrayList<>();
            c.args().forEach(a -> args.add(of(a)));
            return new Printed("Math." + c.function().javaName() + "(" + String.join(", ", args) + ")", PRIMARY);
        }
        Conditional c = (Conditional) e;
        return new Printed(condition(c.condition(), 1) + " ? " + operand(c.then(), 1) + " : "
                + operand(c.otherwise(), CONDITIONAL), CONDITIONAL);
    }

    /** {@code e}, in parentheses unless it binds at least as tightly as {@code needed}. */
    private static String operand(Expr e, int needed) {
        Printed p = print(e);
        return p.precedence >= needed ? p.text : "(" + p.text + ")";
    }

    /** Conditions: {@code ||} binds loosest (1), then {@code &&} (2), comparisons (3), {@code !} (4). */
    private static String condition(Condition c, int needed) {
        String text;
        int precedence;
        if (c instanceof Compare k) {
            // comparisons bind looser than arithmetic: no operand of one needs parentheses but a conditional
            text = operand(k.left(), 1) + " " + k.relation().symbol + " " + operand(k.right(), 1);
            precedence = 3;
        } else if (c instanceof And a) {
            text = condition(a.left(), 2) + " && " + condition(a.right(), 3);
            precedence = 2;
        } else if (c instanceof Or o) {
            text = condition(o.left(), 1) + " || " + condition(o.right(), 2);
            precedence = 1;
        } else {
            text = "!" + condition(((Not) c).operand(), 4);
            precedence = 4;
        }
        return precedence >= needed ? text : "(" + text + ")";
    }

    /** {@code 2}, {@code 0.5}, {@code 1.0E-4}: whole numbers without a fraction (never divided as integers here). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
