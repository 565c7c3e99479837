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
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates a body in doubles, as the compiled Java would: what lets the processor compare a written
 * {@code @Gradient} with the derived one before either is compiled.
 *
 * <pre>{@code
 * Evaluator.run(cauchy, Map.of("w", 2.0, "lambda", 1.0, "scale", 1.0));   // log1p(4) = 1.6094...
 * }</pre>
 */
public final class Evaluator {
    private final Map<String, Double> values;

    private Evaluator(Map<String, Double> values) {
        this.values = values;
    }

    /**
     * The value {@code body} returns for these parameter values.
     *
     * @throws IllegalArgumentException if it reads a variable that has no value
     */
    public static double run(Body body, Map<String, Double> parameters) {
        Evaluator e = new Evaluator(new HashMap<>(parameters));
        for (Body.Local local : body.locals()) {
            e.values.put(local.name(), e.value(local.value()));
        }
        return e.value(body.result());
    }

    private double value(Expr e) {
        if (e instanceof Num n) {
            return n.value();
        }
        if (e instanceof Var v) {
            Double x = values.get(v.name());
            if (x == null) {
                throw new IllegalArgumentException("no value for " + v.name());
            }
            return x;
        }
        if (e instanceof Neg n) {
            return -value(n.operand());
        }
        if (e instanceof Binary b) {
            double l = value(b.left());
            double r = value(b.right());
            return switch (b.op()) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> l / r;
            };
        }
        if (e instanceof Call c) {
            double[] args = new double[c.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = value(c.args().get(i));
            }
            return c.function().apply(args);
        }
        Conditional c = (Conditional) e;
        return test(c.condition()) ? value(c.then()) : value(c.otherwise());
    }

    private boolean test(Condition c) {
        if (c instanceof Compare k) {
            return k.relation().test(value(k.left()), value(k.right()));
        }
        if (c instanceof And a) {
            return test(a.left()) && test(a.right());
        }
        if (c instanceof Or o) {
            return test(o.left()) || test(o.right());
        }
        return !test(((Not) c).operand());
    }
}
