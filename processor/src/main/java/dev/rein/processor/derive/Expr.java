package dev.rein.processor.derive;

import java.util.List;

/**
 * A real-valued expression of a penalty body: numbers, variables, arithmetic, {@code Math} functions and
 * conditionals. Records, so two equal subtrees are {@code equals} (the differentiator writes {@code z * z}'s
 * derivative as {@code 2 * z * dz} because of that).
 *
 * <pre>{@code
 * Expr e = Expr.binary(Expr.Op.MUL, new Expr.Var("lambda"), Expr.call(MathFunction.ABS, new Expr.Var("w")));
 * JavaSource.of(e);   // "lambda * Math.abs(w)"
 * }</pre>
 */
public sealed interface Expr {
    /** The four arithmetic operators, with Java's precedence. */
    enum Op {
        ADD("+", 1), SUB("-", 1), MUL("*", 2), DIV("/", 2);

        final String symbol;
        final int precedence;

        Op(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }
    }

    /** A literal or a compile-time constant; {@code integral} for an {@code int} or {@code long} literal. */
    record Num(double value, boolean integral) implements Expr {
        public static Num of(double value) {
            return new Num(value, value == Math.rint(value) && Math.abs(value) < 1e15);
        }

        boolean is(double v) {
            return value == v;
        }
    }

    /** A parameter ({@code w} among them) or a local variable. */
    record Var(String name) implements Expr {
    }

    /** {@code -operand}. */
    record Neg(Expr operand) implements Expr {
    }

    /** {@code left op right}. */
    record Binary(Op op, Expr left, Expr right) implements Expr {
    }

    /** {@code Math.f(args...)}. */
    record Call(MathFunction function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code condition ? then : otherwise}. */
    record Conditional(Condition condition, Expr then, Expr otherwise) implements Expr {
    }

    static Expr binary(Op op, Expr left, Expr right) {
        return new Binary(op, left, right);
    }

    static Expr call(MathFunction function, Expr... args) {
        return new Call(function, List.of(args));
    }
}
