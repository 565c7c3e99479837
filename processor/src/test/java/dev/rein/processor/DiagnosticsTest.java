package dev.rein.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.rein.processor.check.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic: the exact message, the file and the line it points at, and that it is the only error
 * (no cascade of follow-up errors).
 */
class DiagnosticsTest {
    /** A source in com.example that imports dev.rein.api.* and dev.rein.api.hook.*. */
    static JavaFileObject source(String simpleName, String... body) {
        List<String> lines = new ArrayList<>(List.of("package com.example;", "",
                "import dev.rein.api.*;", "import dev.rein.api.hook.*;", ""));
        lines.addAll(List.of(body));
        return JavaFileObjects.forSourceLines("com.example." + simpleName, lines);
    }

    static Compilation compile(JavaFileObject... files) {
        return Compiler.javac().withProcessors(new ReinProcessor()).compile(files);
    }

    static List<String> errors(Compilation c) {
        List<String> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            out.add(d.getMessage(Locale.ROOT));
        }
        return out;
    }

    /** Compiles {@code file} alone and checks that {@code message} is its only error, on the given line. */
    private static void assertOnlyError(String message, String lineContaining, JavaFileObject file) {
        Compilation c = compile(file);
        assertThat(c).hadErrorContaining(message).inFile(file).onLineContaining(lineContaining);
        assertEquals(List.of(message), errors(c));
    }

    /** A valid @Penalty body, for tests whose subject is elsewhere. */
    private static final String[] L2_BODY = {
        "    @Penalty",
        "    static double penalty(double w, @Param(defaultValue = \"1\") double lambda) {",
        "        return 0.5 * lambda * w * w;",
        "    }",
        "    @Gradient",
        "    static double gradient(double w, double lambda) {",
        "        return lambda * w;",
        "    }",
    };

    private static String[] penaltyClass(String header, String... more) {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.add("public final class Bad {");
        lines.addAll(List.of(L2_BODY));
        lines.addAll(List.of(more));
        lines.add("}");
        return lines.toArray(new String[0]);
    }

    // --- names ---

    @Test
    void nameNotSnakeCase() {
        assertOnlyError("Regularizer name 'MaxNorm' is not lower_snake_case ([a-z][a-z0-9_]*); write 'max_norm'"
                        + " instead",
                "name = \"MaxNorm\"",
                source("Bad", penaltyClass("@Regularizer(name = \"MaxNorm\")")));
    }

    @Test
    void aliasNotSnakeCase() {
        assertOnlyError("Regularizer alias 'Ridge-2' is not lower_snake_case ([a-z][a-z0-9_]*); write 'ridge_2'"
                        + " instead",
                "Ridge-2",
                source("Bad", penaltyClass("@Regularizer(name = \"l2\", aliases = {\"ok\", \"Ridge-2\"})")));
    }

    @Test
    void nameUsedTwice() {
        JavaFileObject first = source("First", penaltyClass("@Regularizer(name = \"l2\")")[0],
                "public final class First {", String.join("\n", L2_BODY), "}");
        JavaFileObject second = source("Second", penaltyClass("@Regularizer(name = \"l2\")")[0],
                "public final class Second {", String.join("\n", L2_BODY), "}");
        Compilation c = compile(first, second);
        String message = "Regularizer name 'l2' is already used by com.example.First; choose another name";
        assertThat(c).hadErrorContaining(message).inFile(second).onLineContaining("@Regularizer");
        assertEquals(List.of(message), errors(c));
    }

    @Test
    void aliasUsedByAnotherRegularizer() {
        JavaFileObject first = source("First", "@Regularizer(name = \"l2\", aliases = \"ridge\")",
                "public final class First {", String.join("\n", L2_BODY), "}");
        JavaFileObject second = source("Second", "@Regularizer(name = \"weight_decay\", aliases = \"ridge\")",
                "public final class Second {", String.join("\n", L2_BODY), "}");
        Compilation c = compile(first, second);
        String message = "Regularizer alias 'ridge' is already used by com.example.First; choose another alias";
        assertThat(c).hadErrorContaining(message).inFile(second).onLineContaining("weight_decay");
        assertEquals(List.of(message), errors(c));
    }

    // --- the class ---

    @Test
    void privateNestedClass() {
        assertOnlyError("@Regularizer class com.example.Outer.Bad is private; make it package-private or public so"
                        + " that the generated provider can use it",
                "class Bad",
                source("Outer", "public class Outer {", "    @Regularizer(name = \"l2\")",
                        "    private static final class Bad {", String.join("\n", L2_BODY), "    }", "}"));
    }

    @Test
    void classInsidePrivateClass() {
        assertOnlyError("@Regularizer class com.example.Outer.Hidden.Bad is inside the private class"
                        + " com.example.Outer.Hidden; make com.example.Outer.Hidden package-private or public so"
                        + " that the generated provider can use it",
                "class Bad",
                source("Outer", "public class Outer {", "  private static class Hidden {",
                        "    @Regularizer(name = \"l2\")", "    static final class Bad {",
                        String.join("\n", L2_BODY), "    }", "  }", "}"));
    }

    @Test
    void innerClass() {
        assertOnlyError("@Regularizer class com.example.Outer.Bad is an inner class; declare it static so that the"
                        + " generated provider can create it without an enclosing instance",
                "class Bad",
                source("Outer", "public class Outer {", "    @Regularizer(name = \"l2\")", "    final class Bad {",
                        String.join("\n", L2_BODY), "    }", "}"));
    }

    @Test
    void penaltyAndHookAtOnce() {
        assertOnlyError("@Regularizer class com.example.Bad has a @Penalty method and also implements Constraint;"
                        + " keep one of the two, since a regularizer is either an element-wise penalty or a hook"
                        + " class",
                "class Bad",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad implements Constraint {",
                        String.join("\n", L2_BODY),
                        "    public void project(ParameterBlock block) {}", "}"));
    }

    @Test
    void neitherPenaltyNorHook() {
        assertOnlyError("@Regularizer class com.example.Bad has no @Penalty method and implements no hook"
                        + " interface; add a `@Penalty static double penalty(double w, ...)` method or implement"
                        + " one of BlockPenalty, Constraint, ActivationRegularizer, Normalization or StoppingRule",
                "class Bad",
                source("Bad", "@Regularizer(name = \"nothing\")", "public final class Bad {", "}"));
    }

    @Test
    void twoHookInterfaces() {
        assertOnlyError("@Regularizer class com.example.Bad implements Constraint and StoppingRule; implement"
                        + " exactly one hook interface and move the others into separate regularizers",
                "class Bad",
                source("Bad", "@Regularizer(name = \"both\")",
                        "public final class Bad implements Constraint, StoppingRule {",
                        "    public void project(ParameterBlock block) {}",
                        "    public String metric() { return \"loss\"; }",
                        "    public EpochDecision afterEpoch(EpochScore s) { return null; }",
                        "    public void reset() {}",
                        "}"));
    }

    @Test
    void hookViaSuperclassCountsToo() {
        Compilation c = compile(
                source("Base", "public abstract class Base implements Constraint {}"),
                source("Good", "@Regularizer(name = \"good\")", "public final class Good extends Base {",
                        "    public void project(ParameterBlock block) {}", "}"));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.example.Good_ReinProvider").contentsAsUtf8String()
                .contains("RegularizerDescriptor.builder(\"good\", Kind.CONSTRAINT)");
    }

    @Test
    void secondPenaltyMethod() {
        assertOnlyError("@Penalty method 'again' is the second one in its class after 'penalty'; keep exactly one"
                        + " @Penalty method",
                "again",
                source("Bad", penaltyClass("@Regularizer(name = \"l2\")",
                        "    @Penalty static double again(double w) { return w; }")));
    }

    @Test
    void gradientInHookClass() {
        assertOnlyError("@Gradient method 'gradient' has no @Penalty method in its class to belong to; remove"
                        + " @Gradient or add the @Penalty method",
                "gradient(",
                source("Bad", "@Regularizer(name = \"clip\")", "public final class Bad implements Constraint {",
                        "    public void project(ParameterBlock block) {}",
                        "    @Gradient static double gradient(double w) { return w; }", "}"));
    }

    // --- hook classes ---

    @Test
    void hookNotPublic() {
        assertOnlyError("Hook class com.example.Bad is not public; declare it public so that Rein can create it",
                "class Bad",
                source("Bad", "@Regularizer(name = \"clip\")", "final class Bad implements Constraint {",
                        "    public Bad() {}", "    public void project(ParameterBlock block) {}", "}"));
    }

    @Test
    void hookAbstract() {
        assertOnlyError("Hook class com.example.Bad is abstract; make it a concrete class, since the generated"
                        + " provider creates it with `new`",
                "class Bad",
                source("Bad", "@Regularizer(name = \"clip\")", "public abstract class Bad implements Constraint {",
                        "}"));
    }

    @Test
    void hookInterface() {
        assertOnlyError("Hook class com.example.Bad is an interface; make it a concrete class, since the generated"
                        + " provider creates it with `new`",
                "interface Bad",
                source("Bad", "@Regularizer(name = \"clip\")", "public interface Bad extends Constraint {", "}"));
    }

    @Test
    void hookWithTwoPublicConstructors() {
        assertOnlyError("Hook class com.example.Bad has 2 public constructors; give it exactly one, whose @Param"
                        + " parameters Rein fills from the spec",
                "class Bad",
                source("Bad", "@Regularizer(name = \"clip\")", "public final class Bad implements Constraint {",
                        "    public Bad() {}",
                        "    public Bad(@Param(defaultValue = \"1\") double c) {}",
                        "    public void project(ParameterBlock block) {}", "}"));
    }

    @Test
    void hookConstructorParameterWithoutParam() {
        assertOnlyError("Constructor parameter 'c' of com.example.Bad has no @Param; annotate it with @Param so"
                        + " that Rein can fill it from a spec",
                "double c",
                source("Bad", "@Regularizer(name = \"clip\")", "public final class Bad implements Constraint {",
                        "    public Bad(",
                        "            double c) {}",
                        "    public void project(ParameterBlock block) {}", "}"));
    }

    // --- @Penalty, @Gradient, @Proximal ---

    @Test
    void penaltyNotStatic() {
        assertOnlyError("@Penalty method 'penalty' is not static; declare it `static double penalty(double w,"
                        + " double lambda)`",
                "@Penalty",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    double penalty(double w, @Param(defaultValue = \"1\") double lambda) { return w; }",
                        "    @Gradient static double gradient(double w, double lambda) { return w; }", "}"));
    }

    @Test
    void penaltyPrivate() {
        assertOnlyError("@Penalty method 'penalty' is private; make it package-private so that the generated code"
                        + " can call it",
                "@Penalty",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    private static double penalty(double w) { return w; }",
                        "    @Gradient static double gradient(double w) { return w; }", "}"));
    }

    @Test
    void gradientReturnsFloat() {
        assertOnlyError("@Gradient method 'gradient' returns float; declare it `static double gradient(double w,"
                        + " double lambda)`",
                "@Gradient",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w, @Param(defaultValue = \"1\") double lambda) { return w; }",
                        "    @Gradient",
                        "    static float gradient(double w, double lambda) { return 0; }", "}"));
    }

    @Test
    void penaltyWithoutWeight() {
        assertOnlyError("@Penalty method 'penalty' has no parameters; its first parameter must be the weight,"
                        + " `double w`",
                "@Penalty",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty() { return 0; }",
                        "    @Gradient static double gradient(double w) { return w; }", "}"));
    }

    @Test
    void weightNotDouble() {
        assertOnlyError("The first parameter of @Penalty method 'penalty' is `float w`; make it `double w`, the"
                        + " weight",
                "float w",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(float w) { return w; }",
                        "    @Gradient static double gradient(double w) { return w; }", "}"));
    }

    @Test
    void proximalStepNotDouble() {
        assertOnlyError("The second parameter of @Proximal method 'prox' is `int step`; make it `double step`, the"
                        + " step size",
                "int step",
                source("Bad", penaltyClass("@Regularizer(name = \"l2\")",
                        "    @Proximal",
                        "    static double prox(double w, int step, double lambda) { return w; }")));
    }

    @Test
    void penaltyParameterWithoutParam() {
        assertOnlyError("Parameter 'lambda' of @Penalty method 'penalty' has no @Param; annotate it with @Param so"
                        + " that Rein can fill it from a spec",
                "            double lambda) {",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            double lambda) { return w; }",
                        "    @Gradient static double gradient(double w, double lambda) { return w; }", "}"));
    }

    @Test
    void gradientWithWrongParameterCount() {
        assertOnlyError("@Gradient method 'grad' takes 1 parameter; declare it `static double grad(double w,"
                        + " double lambda)` to match the @Penalty method",
                "@Gradient",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w, @Param(defaultValue = \"1\") double lambda) { return w; }",
                        "    @Gradient",
                        "    static double grad(double w) { return w; }", "}"));
    }

    @Test
    void gradientParameterWithAnotherName() {
        assertOnlyError("Parameter `double lam` of @Gradient method 'gradient' should be `double lambda` as in the"
                        + " @Penalty method; rename or retype it to match",
                "double lam)",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w, @Param(defaultValue = \"1\") double lambda) { return w; }",
                        "    @Gradient",
                        "    static double gradient(double w,",
                        "            double lam) { return w; }", "}"));
    }

    @Test
    void proximalParameterWithAnotherType() {
        assertOnlyError("Parameter `int lambda` of @Proximal method 'prox' should be `double lambda` as in the"
                        + " @Penalty method; rename or retype it to match",
                "int lambda",
                source("Bad", penaltyClass("@Regularizer(name = \"l2\")",
                        "    @Proximal",
                        "    static double prox(double w, double step, int lambda) { return w; }")));
    }

    // --- @ClosedForm ---

    /** A class with {@link #L2_BODY} and the given {@code @ClosedForm} lines. */
    private static JavaFileObject withClosedForm(String... closedForm) {
        return source("Bad", penaltyClass("@Regularizer(name = \"l2\")", closedForm));
    }

    @Test
    void closedFormIsAccepted() {
        Compilation c = compile(withClosedForm(
                "    @ClosedForm",
                "    static ElasticCoefficients closedForm(double lambda) { return ElasticCoefficients.ridge(lambda); }"));
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void closedFormNotStatic() {
        assertOnlyError("@ClosedForm method 'closedForm' is not static; declare it `static ElasticCoefficients"
                        + " closedForm(double lambda)`",
                "@ClosedForm",
                withClosedForm(
                        "    @ClosedForm",
                        "    ElasticCoefficients closedForm(double lambda) { return null; }"));
    }

    @Test
    void closedFormPrivate() {
        assertOnlyError("@ClosedForm method 'closedForm' is private; make it package-private so that the generated"
                        + " code can call it",
                "@ClosedForm",
                withClosedForm(
                        "    @ClosedForm",
                        "    private static ElasticCoefficients closedForm(double lambda) { return null; }"));
    }

    @Test
    void closedFormReturnsAnArray() {
        assertOnlyError("@ClosedForm method 'coefficients' returns double[]; declare it `static ElasticCoefficients"
                        + " coefficients(double lambda)`",
                "@ClosedForm",
                withClosedForm(
                        "    @ClosedForm",
                        "    static double[] coefficients(double lambda) { return new double[] {0, lambda}; }"));
    }

    @Test
    void closedFormReturnsAnOptional() {
        assertOnlyError("@ClosedForm method 'closedForm' returns Optional; declare it `static ElasticCoefficients"
                        + " closedForm(double lambda)`",
                "@ClosedForm",
                withClosedForm(
                        "    @ClosedForm",
                        "    static java.util.Optional<ElasticCoefficients> closedForm(double lambda) {",
                        "        return java.util.Optional.empty();",
                        "    }"));
    }

    @Test
    void closedFormTakesTheWeight() {
        assertOnlyError("@ClosedForm method 'closedForm' takes the weight `double w`, but λ₁ and λ₂ may depend on"
                        + " the parameters only; declare it `static ElasticCoefficients closedForm(double lambda)`",
                "            double w, double lambda) { return null; }",
                withClosedForm(
                        "    @ClosedForm",
                        "    static ElasticCoefficients closedForm(",
                        "            double w, double lambda) { return null; }"));
    }

    @Test
    void closedFormWithWrongParameterCount() {
        assertOnlyError("@ClosedForm method 'closedForm' takes 0 parameters; declare it `static ElasticCoefficients"
                        + " closedForm(double lambda)` to match the @Penalty method",
                "@ClosedForm",
                withClosedForm(
                        "    @ClosedForm",
                        "    static ElasticCoefficients closedForm() { return null; }"));
    }

    @Test
    void closedFormParameterWithAnotherName() {
        assertOnlyError("Parameter `double strength` of @ClosedForm method 'closedForm' should be `double lambda` as"
                        + " in the @Penalty method; rename or retype it to match",
                "double strength)",
                withClosedForm(
                        "    @ClosedForm",
                        "    static ElasticCoefficients closedForm(",
                        "            double strength) { return null; }"));
    }

    @Test
    void closedFormParameterWithAnotherType() {
        assertOnlyError("Parameter `float lambda` of @ClosedForm method 'closedForm' should be `double lambda` as in"
                        + " the @Penalty method; rename or retype it to match",
                "float lambda",
                withClosedForm(
                        "    @ClosedForm",
                        "    static ElasticCoefficients closedForm(float lambda) { return null; }"));
    }

    @Test
    void secondClosedForm() {
        assertOnlyError("@ClosedForm method 'again' is the second one in its class after 'closedForm'; keep exactly"
                        + " one @ClosedForm method",
                "again",
                withClosedForm(
                        "    @ClosedForm",
                        "    static ElasticCoefficients closedForm(double lambda) { return null; }",
                        "    @ClosedForm static ElasticCoefficients again(double lambda) { return null; }"));
    }

    @Test
    void closedFormInHookClass() {
        assertOnlyError("@ClosedForm method 'closedForm' has no @Penalty method in its class to belong to; remove"
                        + " @ClosedForm or add the @Penalty method",
                "closedForm(",
                source("Bad", "@Regularizer(name = \"clip\")", "public final class Bad implements Constraint {",
                        "    public void project(ParameterBlock block) {}",
                        "    @ClosedForm static ElasticCoefficients closedForm() { return null; }", "}"));
    }

    @Test
    void closedFormOutsideRegularizer() {
        assertOnlyError("@ClosedForm method 'ridge' is in com.example.Forms, which has no @Regularizer; annotate the"
                        + " class with @Regularizer(name = \"forms\") or remove @ClosedForm",
                "@ClosedForm",
                source("Forms", "public final class Forms {", "    @ClosedForm",
                        "    static ElasticCoefficients ridge(double lambda) { return null; }", "}"));
    }

    // --- @Param ---

    @Test
    void unsupportedParamType() {
        assertOnlyError("@Param 'lambda' has type float; use double, int, long, boolean, String or an enum",
                "@Param(defaultValue = \"1\") float lambda",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(defaultValue = \"1\") float lambda) { return w; }",
                        "    @Gradient static double gradient(double w, float lambda) { return w; }", "}"));
    }

    @Test
    void explicitParamNameNotSnakeCase() {
        assertOnlyError("@Param name 'L1Ratio' is not lower_snake_case ([a-z][a-z0-9_]*); set name = \"l1_ratio\"",
                "L1Ratio",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(name = \"L1Ratio\", defaultValue = \"1\") double r) { return w; }",
                        "    @Gradient static double gradient(double w, double r) { return w; }", "}"));
    }

    @Test
    void derivedParamNameNotSnakeCase() {
        assertOnlyError("@Param name '_lambda' is not lower_snake_case ([a-z][a-z0-9_]*); set name = \"lambda\"",
                "@Param(defaultValue = \"1\") double _lambda",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(defaultValue = \"1\") double _lambda) { return w; }",
                        "    @Gradient static double gradient(double w, double _lambda) { return w; }", "}"));
    }

    @Test
    void reservedParamName() {
        assertOnlyError("@Param name 'mode' is reserved because Rein reads the spec keys on, after and mode itself;"
                        + " choose another with @Param(name = \"...\")",
                "@Param(defaultValue = \"1\") double mode",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(defaultValue = \"1\") double mode) { return w; }",
                        "    @Gradient static double gradient(double w, double mode) { return w; }", "}"));
    }

    @Test
    void everyReservedKeyIsRefusedWhenWrittenAsTheParamName() {
        for (String key : List.of("on", "after", "mode")) {
            assertOnlyError("@Param name '" + key + "' is reserved because Rein reads the spec keys on, after and mode"
                            + " itself; choose another with @Param(name = \"...\")",
                    "name = \"" + key + "\"",
                    source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                            "    @Penalty",
                            "    static double penalty(double w,",
                            "            @Param(name = \"" + key + "\", defaultValue = \"1\") double x) { return w; }",
                            "    @Gradient static double gradient(double w, double x) { return w; }", "}"));
        }
    }

    @Test
    void paramNameUsedTwice() {
        assertOnlyError("@Param name 'lambda' is already used by parameter 'lambda' of this regularizer; give one of"
                        + " them another name with @Param(name = \"...\")",
                "@Param(name = \"lambda\"",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w, @Param(defaultValue = \"1\") double lambda,",
                        "            @Param(name = \"lambda\", defaultValue = \"1\") double strength) { return w; }",
                        "    @Gradient static double gradient(double w, double lambda, double strength) { return w; }",
                        "}"));
    }

    @Test
    void boundsOnBoolean() {
        assertOnlyError("@Param 'halve' is a boolean, which takes no bounds; remove min, max, exclusiveMin and"
                        + " exclusiveMax",
                "@Param(defaultValue = \"true\", min = 0) boolean halve",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(defaultValue = \"true\", min = 0) boolean halve) { return w; }",
                        "    @Gradient static double gradient(double w, boolean halve) { return w; }", "}"));
    }

    @Test
    void nanBound() {
        assertOnlyError("@Param 'lambda' has a NaN bound; give a number, or leave the bound out",
                "Double.NaN",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(defaultValue = \"1\", max = Double.NaN) double lambda) { return w; }",
                        "    @Gradient static double gradient(double w, double lambda) { return w; }", "}"));
    }

    @Test
    void minAboveMax() {
        assertOnlyError("@Param 'lambda' has min 5 above max 1.5; swap them or correct one",
                "min = 5",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(defaultValue = \"1\", min = 5, max = 1.5) double lambda) { return w; }",
                        "    @Gradient static double gradient(double w, double lambda) { return w; }", "}"));
    }

    @Test
    void enumWithoutConstants() {
        assertOnlyError("@Param 'shape' has type Shape, an enum without constants; add constants to it or use"
                        + " another type",
                "@Param Shape shape",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    enum Shape {}",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param Shape shape) { return w; }",
                        "    @Gradient static double gradient(double w, Shape shape) { return w; }", "}"));
    }

    @Test
    void defaultOutOfRange() {
        assertOnlyError("@Param 'lambda' has an invalid defaultValue ('-1' is out of range: lambda must be a number"
                        + " >= 0); change the default or the bounds",
                "defaultValue = \"-1\"",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(defaultValue = \"-1\", min = 0) double lambda) { return w; }",
                        "    @Gradient static double gradient(double w, double lambda) { return w; }", "}"));
    }

    @Test
    void defaultNotAnEnumConstant() {
        assertOnlyError("@Param 'shape' has an invalid defaultValue ('round' is not one of the allowed values:"
                        + " shape must be one of linear, squared); change the default or the bounds",
                "defaultValue = \"round\"",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    enum Shape { LINEAR, SQUARED }",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(defaultValue = \"round\") Shape shape) { return w; }",
                        "    @Gradient static double gradient(double w, Shape shape) { return w; }", "}"));
    }

    @Test
    void paramOnGradient() {
        assertOnlyError("@Param on parameter 'lambda' of method 'gradient' has no effect; remove it, since only"
                        + " parameters of a @Penalty method or of a @Regularizer class's constructor are regularizer"
                        + " parameters",
                "@Param double lambda",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    @Penalty",
                        "    static double penalty(double w, @Param(defaultValue = \"1\") double lambda) { return w; }",
                        "    @Gradient",
                        "    static double gradient(double w,",
                        "            @Param double lambda) { return w; }", "}"));
    }

    @Test
    void privateEnumParameter() {
        assertOnlyError("@Param 'shape' has type Shape, which is private; make the enum package-private or public"
                        + " so that the generated provider can name it",
                "@Param(defaultValue = \"flat\") Shape shape",
                source("Bad", "@Regularizer(name = \"l2\")", "public final class Bad {",
                        "    private enum Shape { FLAT }",
                        "    @Penalty",
                        "    static double penalty(double w,",
                        "            @Param(defaultValue = \"flat\") Shape shape) { return w; }",
                        "    @Gradient static double gradient(double w, Shape shape) { return w; }", "}"));
    }

    @Test
    void generatedNamesThatCollide() {
        JavaFileObject nested = source("Outer", "public class Outer {", "    @Regularizer(name = \"first\")",
                "    public static final class Inner {", String.join("\n", L2_BODY), "    }", "}");
        JavaFileObject flat = source("Outer_Inner", "@Regularizer(name = \"second\")",
                "public final class Outer_Inner {", String.join("\n", L2_BODY), "}");
        Compilation c = compile(nested, flat);
        String message = "The generated class com.example.Outer_Inner_ReinProvider for com.example.Outer_Inner is"
                + " already generated for com.example.Outer.Inner; rename one of the two classes";
        assertThat(c).hadErrorContaining(message).inFile(flat).onLineContaining("class Outer_Inner");
        assertEquals(List.of(message), errors(c));
    }

    // --- annotations elsewhere ---

    @Test
    void penaltyOutsideRegularizer() {
        assertOnlyError("@Penalty method 'penalty' is in com.example.MyL2, which has no @Regularizer; annotate the"
                        + " class with @Regularizer(name = \"my_l2\") or remove @Penalty",
                "@Penalty",
                source("MyL2", "public final class MyL2 {", "    @Penalty",
                        "    static double penalty(double w, @Param(defaultValue = \"1\") double lambda) { return w; }",
                        "}"));
    }

    @Test
    void proximalOutsideRegularizer() {
        assertOnlyError("@Proximal method 'prox' is in com.example.Helpers, which has no @Regularizer; annotate the"
                        + " class with @Regularizer(name = \"helpers\") or remove @Proximal",
                "@Proximal",
                source("Helpers", "public final class Helpers {", "    @Proximal",
                        "    static double prox(double w, double step) { return w; }", "}"));
    }

    @Test
    void messagesAreSingleSentencesWithAFix() {
        // The services warning cannot be provoked through compile-testing (its class output starts empty).
        assertEquals("META-INF/services/dev.rein.api.spi.RegularizerProvider lists com.example.Gone, which is not"
                        + " on the class path; left it out of the generated file, so remove the line from your"
                        + " resources or add the class",
                Messages.staleServiceEntry("META-INF/services/dev.rein.api.spi.RegularizerProvider",
                        "com.example.Gone"));
    }
}
