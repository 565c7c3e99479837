package dev.rein.processor.check;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.rein.processor.derive.Algebra;
import dev.rein.processor.derive.Body;
import dev.rein.processor.derive.Condition;
import dev.rein.processor.derive.Expr;
import dev.rein.processor.derive.MathFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Reads the body of a {@code @Penalty} method from javac's source trees into a {@link Body} that can be
 * differentiated, or says which sub-expression it cannot read.
 *
 * <pre>{@code
 * PenaltyBodyReader.Reading r = new PenaltyBodyReader(trees).read(penaltyMethod);
 * r.body();       // Optional[double z = w / scale; return lambda * Math.log1p(z * z)]
 * r.problems();   // empty, or e.g. [a `for` loop at line 12]
 * }</pre>
 *
 * <p>What it reads: {@code double} locals declared with a value and never assigned again, then one {@code return};
 * in expressions {@code + - * /}, unary minus and plus, parentheses, the weight and {@code double} parameters,
 * locals, numeric literals, compile-time constants ({@code Math.PI}, a {@code static final double}), conditional
 * expressions whose conditions compare numbers ({@code < <= > >= == !=}, {@code && || !}) and the functions of
 * {@link MathFunction}. Anything else is a {@link Problem} on that exact tree.
 */
public final class PenaltyBodyReader {
    private final Trees trees;

    public PenaltyBodyReader(Trees trees) {
        this.trees = trees;
    }

    /** A sub-tree that is not supported and a phrase saying what it is: {@code "a `for` loop"}. */
    public record Problem(Tree tree, CompilationUnitTree unit, String what) {
    }

    /** The body read, or the problems that stopped it. */
    public record Reading(Optional<Body> body, List<Problem> problems) {
    }

    /** Reads {@code method}; never throws for an unsupported body. */
    public Reading read(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
            return new Reading(Optional.empty(), List.of());
        }
        Scope scope = new Scope(path.getCompilationUnit(), method);
        Body body = scope.block(tree.getBody());
        return new Reading(scope.problems.isEmpty() ? Optional.of(body) : Optional.empty(), scope.problems);
    }

    /** The state of one read: the names in scope and the problems so far. */
    private final class Scope {
        private final CompilationUnitTree unit;
        private final Set<String> doubleParams = new HashSet<>();
        private final Set<String> otherParams = new HashSet<>();
        private final Set<String> locals = new HashSet<>();
        private final List<Problem> problems = new ArrayList<>();

        Scope(CompilationUnitTree unit, ExecutableElement method) {
            this.unit = unit;
            for (VariableElement p : method.getParameters()) {
                (p.asType().getKind() == TypeKind.DOUBLE ? doubleParams : otherParams).add(
                        p.getSimpleName().toString());
            }
        }

        private Expr problem(Tree tree, String what) {
            problems.add(new Problem(tree, unit, what));
            return Expr.Num.of(0);
        }

        Body block(BlockTree block) {
            List<Body.Local> out = new ArrayList<>();
            Expr result = null;
            List<? extends StatementTree> statements = block.getStatements();
            for (int i = 0; i < statements.size(); i++) {
                StatementTree s = statements.get(i);
                boolean last = i == statements.size() - 1;
                if (s instanceof VariableTree v && !last) {
                    local(v).ifPresent(out::add);
                } else if (s instanceof ReturnTree r && last && r.getExpression() != null) {
                    result = expression(r.getExpression());
                } else {
                    problem(s, statement(s, last));
                }
            }
            return new Body(out, result == null ? Expr.Num.of(0) : result);
        }

        private Optional<Body.Local> local(VariableTree v) {
            String name = v.getName().toString();
            locals.add(name);   // reported once, here, not again where it is read
            if (v.getInitializer() == null) {
                problem(v, "the local '" + name + "' declared without a value");
                return Optional.empty();
            }
            Element element = trees.getElement(TreePath.getPath(unit, v));
            if (element == null || element.asType().getKind() != TypeKind.DOUBLE) {
                problem(v, "the local '" + name + "', which is not a double");
                return Optional.empty();
            }
            Expr value = expression(v.getInitializer());
            return Optional.of(new Body.Local(name, value));
        }

        private String statement(StatementTree s, boolean last) {
            return switch (s.getKind()) {
                case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP -> "a loop";
                case IF -> "an if statement (a conditional expression `c ? a : b` is supported)";
                case EXPRESSION_STATEMENT -> "the statement `" + s.toString().strip() + "` (assignments and calls"
                        + " change state; locals must be assigned once, where they are declared)";
                case RETURN -> "a return before the end of the method";
                case VARIABLE -> "the local '" + ((VariableTree) s).getName() + "', declared last where a return must"
                        + " end the method";
                default -> last ? "this last statement, which is not a return" : "this statement ("
                        + s.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
            };
        }

        Expr expression(ExpressionTree e) {
            switch (e.getKind()) {
                case PARENTHESIZED:
                    return expression(((ParenthesizedTree) e).getExpression());
                case UNARY_MINUS:
                    Expr negated = expression(((UnaryTree) e).getExpression());
                    return negated instanceof Expr.Num ? Algebra.neg(negated) : new Expr.Neg(negated);
                case UNARY_PLUS:
                    return expression(((UnaryTree) e).getExpression());
                case PLUS:
                    return arithmetic((BinaryTree) e, Expr.Op.ADD);
                case MINUS:
                    return arithmetic((BinaryTree) e, Expr.Op.SUB);
                case MULTIPLY:
                    return arithmetic((BinaryTree) e, Expr.Op.MUL);
                case DIVIDE:
                    return arithmetic((BinaryTree) e, Expr.Op.DIV);
                case INT_LITERAL:
                case LONG_LITERAL:
                    return new Expr.Num(((Number) ((LiteralTree) e).getValue()).doubleValue(), true);
                case DOUBLE_LITERAL:
                case FLOAT_LITERAL:
                    return new Expr.Num(((Number) ((LiteralTree) e).getValue()).doubleValue(), false);
                case IDENTIFIER:
                    return name((IdentifierTree) e);
                case MEMBER_SELECT:
                    return constant(e, "the field " + e);
                case METHOD_INVOCATION:
                    return call((MethodInvocationTree) e);
                case CONDITIONAL_EXPRESSION:
                    ConditionalExpressionTree c = (ConditionalExpressionTree) e;
                    return new Expr.Conditional(condition(c.getCondition()), expression(c.getTrueExpression()),
                            expression(c.getFalseExpression()));
                case ASSIGNMENT:
                case PLUS_ASSIGNMENT:
                case MINUS_ASSIGNMENT:
                case MULTIPLY_ASSIGNMENT:
                case DIVIDE_ASSIGNMENT:
                case PREFIX_INCREMENT:
                case PREFIX_DECREMENT:
                case POSTFIX_INCREMENT:
                case POSTFIX_DECREMENT:
                    return problem(e, "the assignment `" + e + "` (a penalty must not change state)");
                case REMAINDER:
                    return problem(e, "the remainder `" + e + "`");
                default:
                    return problem(e, "the expression `" + e + "` ("
                            + e.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
            }
        }

        /** {@code a op b}; two numbers are folded as javac folds constants ({@code 1 / 2} is 0). */
        private Expr arithmetic(BinaryTree b, Expr.Op op) {
            Expr left = expression(b.getLeftOperand());
            Expr right = expression(b.getRightOperand());
            if (left instanceof Expr.Num && right instanceof Expr.Num) {
                return switch (op) {
                    case ADD -> Algebra.add(left, right);
                    case SUB -> Algebra.sub(left, right);
                    case MUL -> Algebra.mul(left, right);
                    case DIV -> Algebra.div(left, right);
                };
            }
            return new Expr.Binary(op, left, right);
        }

        private Expr name(IdentifierTree id) {
            String name = id.getName().toString();
            if (doubleParams.contains(name) || locals.contains(name)) {
                return new Expr.Var(name);
            }
            if (otherParams.contains(name)) {
                return problem(id, "the parameter '" + name + "', which is not a double");
            }
            return constant(id, "the field '" + name + "'");
        }

        /** A compile-time constant ({@code Math.PI}, {@code static final double LOG_2 = ...}) as its value. */
        private Expr constant(ExpressionTree e, String what) {
            Element element = trees.getElement(TreePath.getPath(unit, e));
            if (element instanceof VariableElement v && v.getConstantValue() instanceof Number n
                    && v.getKind() == ElementKind.FIELD) {
                return new Expr.Num(n.doubleValue(), n instanceof Integer || n instanceof Long);
            }
            return problem(e, what + " (only parameters, locals and compile-time constants can be read)");
        }

        private Expr call(MethodInvocationTree call) {
            Element element = trees.getElement(TreePath.getPath(unit, call));
            String shown = call.getMethodSelect().toString();
            if (element instanceof ExecutableElement m && element.getEnclosingElement() instanceof TypeElement t
                    && (t.getQualifiedName().contentEquals("java.lang.Math")
                            || t.getQualifiedName().contentEquals("java.lang.StrictMath"))) {
                Optional<MathFunction> f = MathFunction.named(m.getSimpleName().toString());
                boolean doubles = m.getParameters().stream().allMatch(p -> p.asType().getKind() == TypeKind.DOUBLE);
                if (f.isEmpty() || !doubles || f.get().arity() != call.getArguments().size()) {
                    return problem(call, "the call `" + shown + "(...)`, a Math function derivation does not know"
                            + " (it knows " + MathFunction.allNames() + ", on doubles)");
                }
                List<Expr> args = new ArrayList<>();
                call.getArguments().forEach(a -> args.add(expression(a)));
                return new Expr.Call(f.get(), args);
            }
            return problem(call, "the call `" + shown + "(...)` (derivation reads only this method's body and the"
                    + " functions of Math)");
        }

        private Condition condition(ExpressionTree e) {
            switch (e.getKind()) {
                case PARENTHESIZED:
                    return condition(((ParenthesizedTree) e).getExpression());
                case LOGICAL_COMPLEMENT:
                    return new Condition.Not(condition(((UnaryTree) e).getExpression()));
                case CONDITIONAL_AND:
                    BinaryTree and = (BinaryTree) e;
                    return new Condition.And(condition(and.getLeftOperand()), condition(and.getRightOperand()));
                case CONDITIONAL_OR:
                    BinaryTree or = (BinaryTree) e;
                    return new Condition.Or(condition(or.getLeftOperand()), condition(or.getRightOperand()));
                case LESS_THAN:
                    return compare((BinaryTree) e, Condition.Relation.LT);
                case LESS_THAN_EQUAL:
                    return compare((BinaryTree) e, Condition.Relation.LE);
                case GREATER_THAN:
                    return compare((BinaryTree) e, Condition.Relation.GT);
                case GREATER_THAN_EQUAL:
                    return compare((BinaryTree) e, Condition.Relation.GE);
                case EQUAL_TO:
                    return compare((BinaryTree) e, Condition.Relation.EQ);
                case NOT_EQUAL_TO:
                    return compare((BinaryTree) e, Condition.Relation.NE);
                default:
                    problem(e, "the condition `" + e + "` (conditions compare numbers with < <= > >= == != and"
                            + " join them with && || !)");
                    return new Condition.Compare(Condition.Relation.EQ, Expr.Num.of(0), Expr.Num.of(0));
            }
        }

        private Condition compare(BinaryTree b, Condition.Relation relation) {
            return new Condition.Compare(relation, expression(b.getLeftOperand()), expression(b.getRightOperand()));
        }
    }
}
