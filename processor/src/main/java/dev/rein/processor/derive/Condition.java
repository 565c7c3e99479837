package dev.rein.processor.derive;

/**
 * The condition of a conditional expression: comparisons of expressions joined by {@code &&}, {@code ||} and
 * {@code !}. A condition is not differentiated; the branch it picks is.
 *
 * <pre>{@code
 * Condition positive = new Condition.Compare(Condition.Relation.GT, new Expr.Var("w"), Expr.Num.of(0));
 * JavaSource.of(positive);   // "w > 0"
 * }</pre>
 */
public sealed interface Condition {
    /** Java's six comparisons. */
    enum Relation {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        boolean test(double a, double b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }

    /** {@code left relation right}. */
    record Compare(Relation relation, Expr left, Expr right) implements Condition {
    }

    /** {@code left && right}. */
    record And(Condition left, Condition right) implements Condition {
    }

    /** {@code left || right}. */
    record Or(Condition left, Condition right) implements Condition {
    }

    /** {@code !operand}. */
    record Not(Condition operand) implements Condition {
    }
}
