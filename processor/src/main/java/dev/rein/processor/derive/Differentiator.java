package dev.rein.processor.derive;

import static dev.rein.processor.derive.Algebra.add;
import static dev.rein.processor.derive.Algebra.call;
import static dev.rein.processor.derive.Algebra.conditional;
import static dev.rein.processor.derive.Algebra.div;
import static dev.rein.processor.derive.Algebra.mul;
import static dev.rein.processor.derive.Algebra.neg;
import static dev.rein.processor.derive.Algebra.number;
import static dev.rein.processor.derive.Algebra.sub;

import dev.rein.processor.derive.Condition.Compare;
import dev.rein.processor.derive.Condition.Relation;
import dev.rein.processor.derive.Expr.Binary;
import dev.rein.processor.derive.Expr.Call;
import dev.rein.processor.derive.Expr.Conditional;
import dev.rein.processor.derive.Expr.Neg;
import dev.rein.processor.derive.Expr.Num;
import dev.rein.processor.derive.Expr.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The derivative of a penalty body with respect to its weight, as another body: each local {@code z} whose
 * derivative is an expression gets a local {@code dz} holding it right after it (a number or a plain variable is
 * used where it is needed instead), and the result is the derivative of the returned expression. Locals the
 * derivative no longer needs are dropped.
 *
 * <pre>{@code
 * // double z = w / scale; return lambda * Math.log1p(z * z);
 * Body gradient = Differentiator.derive(cauchy, "w");
 * // double z = w / scale; double dz = 1 / scale; return lambda * (2 * z * dz / (1 + z * z));
 * }</pre>
 *
 * <p>Where the penalty is not differentiable a fixed subgradient is used:
 * <ul>
 *   <li>{@code abs(u)}: {@code signum(u)·u'}, so 0 at {@code u = 0} (any value in {@code [-|u'|, |u'|]} is a
 *       subgradient of {@code |u|} there);
 *   <li>{@code max(a, b)} takes {@code a'} where {@code a >= b}, {@code min(a, b)} takes {@code a'} where
 *       {@code a <= b}: at a tie, the first argument's slope, one of the one-sided derivatives;
 *   <li>{@code hypot(a, b)} is 0 where {@code a = b = 0} (the centre of its subdifferential);
 *   <li>{@code signum(u)} has slope 0 (its jump at 0 has none); a conditional's slope is its taken branch's, so a
 *       jump between branches is not seen.
 * </ul>
 * {@code sqrt}, {@code cbrt}, {@code log} and {@code pow} with a fractional power have infinite slopes at 0; their
 * derivatives are what the formulas give there (infinite or NaN), as they are mathematically.
 */
public final class Differentiator {
    private final String weight;
    /** A local's derivative: its {@code d} local, or a number or a plain variable used as it is. */
    private final Map<String, Expr> derivatives = new HashMap<>();

    private Differentiator(String weight) {
        this.weight = weight;
    }

    /** {@code dR/d weight} of {@code penalty}; {@code taken} names already in use, which new locals avoid. */
    public static Body derive(Body penalty, String weight, Set<String> taken) {
        Differentiator d = new Differentiator(weight);
        Set<String> names = new HashSet<>(taken);
        penalty.locals().forEach(l -> names.add(l.name()));
        List<Body.Local> out = new ArrayList<>();
        for (Body.Local local : penalty.locals()) {
            out.add(local);
            Expr slope = d.of(local.value());
            if (slope instanceof Num || slope instanceof Var) {
                d.derivatives.put(local.name(), slope);   // a number or a plain name needs no local of its own
            } else {
                String name = fresh("d" + local.name(), names);
                out.add(new Body.Local(name, slope));
                d.derivatives.put(local.name(), new Var(name));
            }
        }
        Expr result = d.of(penalty.result());
        return new Body(used(out, result), result);
    }

    private static String fresh(String wanted, Set<String> names) {
        String name = wanted;
        while (!names.add(name)) {
            name = name + "_";
        }
        return name;
    }

    /** The locals that {@code result} needs, directly or through other locals, in their order. */
    private static List<Body.Local> used(List<Body.Local> locals, Expr result) {
        Set<String> needed = new HashSet<>(Variables.of(result));
        List<Body.Local> kept = new ArrayList<>();
        for (int i = locals.size() - 1; i >= 0; i--) {
            Body.Local local = locals.get(i);
            if (needed.contains(local.name())) {
                kept.add(0, local);
                needed.addAll(Variables.of(local.value()));
            }
        }
        return kept;
    }

    /** The derivative of {@code e}. */
    Expr of(Expr e) {
        if (e instanceof Num) {
            return number(0);
        }
        if (e instanceof Var v) {
            if (v.name().equals(weight)) {
                return number(1);
            }
            return derivatives.getOrDefault(v.name(), number(0));
        }
        if (e instanceof Neg n) {
            return neg(of(n.operand()));
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        if (e instanceof Conditional c) {
            return conditional(c.condition(), of(c.then()), of(c.otherwise()));
        }
        return ofCall((Call) e);
    }

    private Expr binary(Binary b) {
        Expr u = b.left();
        Expr v = b.right();
        Expr du = of(u);
        Expr dv = of(v);
        return switch (b.op()) {
            case ADD -> add(du, dv);
            case SUB -> sub(du, dv);
            case MUL -> u.equals(v) ? mul(mul(number(2), u), du) : add(mul(du, v), mul(u, dv));
            case DIV -> Algebra.isZero(dv) ? div(du, v) : div(sub(mul(du, v), mul(u, dv)), mul(v, v));
        };
    }

    private Expr ofCall(Call c) {
        List<Expr> a = c.args();
        Expr u = a.get(0);
        Expr du = of(u);
        return switch (c.function()) {
            case ABS -> mul(call(MathFunction.SIGNUM, u), du);
            case SQRT -> div(du, mul(number(2), c));
            case CBRT -> div(du, mul(number(3), mul(c, c)));
            case EXP -> mul(c, du);
            case EXPM1 -> mul(call(MathFunction.EXP, u), du);
            case LOG -> div(du, u);
            case LOG1P -> div(du, add(number(1), u));
            case POW -> pow(c, u, a.get(1), du);
            case HYPOT -> hypot(c, u, a.get(1), du);
            case SIN -> mul(call(MathFunction.COS, u), du);
            case COS -> neg(mul(call(MathFunction.SIN, u), du));
            case TAN -> div(du, mul(call(MathFunction.COS, u), call(MathFunction.COS, u)));
            case TANH -> mul(sub(number(1), mul(c, c)), du);
            case ATAN -> div(du, add(number(1), mul(u, u)));
            case SINH -> mul(call(MathFunction.COSH, u), du);
            case COSH -> mul(call(MathFunction.SINH, u), du);
            case MAX -> conditional(new Compare(Relation.GE, u, a.get(1)), du, of(a.get(1)));
            case MIN -> conditional(new Compare(Relation.LE, u, a.get(1)), du, of(a.get(1)));
            case SIGNUM -> number(0);
        };
    }

    /** {@code d(a^b)}: {@code b·a^(b-1)·a'} for a constant power, the general rule otherwise. */
    private Expr pow(Call c, Expr a, Expr b, Expr da) {
        Expr db = of(b);
        if (!Algebra.isZero(db)) {
            return mul(c, add(mul(db, call(MathFunction.LOG, a)), div(mul(b, da), a)));
        }
        Expr lower = sub(b, number(1));
        Expr power;
        if (lower instanceof Num n && n.is(1)) {
            power = a;
        } else if (lower instanceof Num n && n.is(0)) {
            power = number(1);
        } else {
            power = call(MathFunction.POW, a, lower);
        }
        return mul(mul(b, power), da);
    }

    /** {@code d hypot(a, b) = (a·a' + b·b') / hypot(a, b)}, and 0 where {@code a = b = 0}. */
    private Expr hypot(Call c, Expr a, Expr b, Expr da) {
        Expr slope = div(add(mul(a, da), mul(b, of(b))), c);
        if (Algebra.isZero(slope)) {
            return slope;
        }
        return conditional(new Compare(Relation.EQ, c, number(0)), number(0), slope);
    }
}
