package dev.rein.processor.derive;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The variables an expression reads, in the order they first appear.
 *
 * <pre>{@code
 * Variables.of(lambda * Math.abs(w));   // [lambda, w]
 * }</pre>
 */
public final class Variables {
    private Variables() {
    }

    public static Set<String> of(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Var v) {
            out.add(v.name());
        } else if (e instanceof Expr.Neg n) {
            collect(n.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(a -> collect(a, out));
        } else if (e instanceof Expr.Conditional c) {
            collect(c.condition(), out);
            collect(c.then(), out);
            collect(c.otherwise(), out);
        }
    }

    private static void collect(Condition c, Set<String> out) {
        if (c instanceof Condition.Compare k) {
            collect(k.left(), out);
            collect(k.right(), out);
        } else if (c instanceof Condition.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (c instanceof Condition.Or o) {
            collect(o.left(), out);
            collect(o.right(), out);
        } else {
            collect(((Condition.Not) c).operand(), out);
        }
    }
}
