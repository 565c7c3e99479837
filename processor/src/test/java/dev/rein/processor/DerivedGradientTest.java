package dev.rein.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.numeric.GradientTolerance;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.processor.check.Messages;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Gradients the processor derives from a {@code @Penalty} body: the generated source, every supported construct
 * against finite differences of the compiled penalty, every unsupported construct as an error on its exact
 * sub-expression, and a written {@code @Gradient} compared with the derived one.
 */
class DerivedGradientTest {
    private static final String SUGGESTION = "@Gradient static double gradient(double w, double a)";

    private static Compilation compile(JavaFileObject... files) {
        return Compiler.javac().withProcessors(new ReinProcessor()).compile(files);
    }

    /** {@code @Regularizer} class {@code name} whose penalty of {@code w} and {@code a} (default 0.7) is {@code body}. */
    private static JavaFileObject penalty(String name, String... body) {
        List<String> lines = new ArrayList<>(List.of(
                "@Regularizer(name = \"" + name.toLowerCase(Locale.ROOT) + "\")",
                "public final class " + name + " {",
                "    static final double HALF = 0.5;",
                "    static int count;",
                "    static double helper(double x) { return x; }",
                "    @Penalty",
                "    static double penalty(double w, @Param(defaultValue = \"0.7\") double a) {"));
        for (String line : body) {
            lines.add("        " + line);
        }
        lines.add("    }");
        lines.add("}");
        return DiagnosticsTest.source(name, lines.toArray(new String[0]));
    }

    @Test
    void cauchyGetsAReadableGradientNextToItsGlue() {
        JavaFileObject cauchy = DiagnosticsTest.source("Cauchy",
                "@Regularizer(name = \"cauchy\")",
                "public final class Cauchy {",
                "    @Penalty",
                "    static double penalty(double w, @Param(defaultValue = \"1e-4\", min = 0) double lambda,",
                "            @Param(defaultValue = \"1\", min = 0, exclusiveMin = true) double scale) {",
                "        double z = w / scale;",
                "        return lambda * Math.log1p(z * z);",
                "    }",
                "}");
        Compilation c = compile(cauchy);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.example.Cauchy_ReinGradient").contentsAsUtf8String().contains(
                "final class Cauchy_ReinGradient {\n"
                + "  private Cauchy_ReinGradient() {\n"
                + "  }\n"
                + "\n"
                + "  /**\n"
                + "   * {@code dR/dw} of {@link Cauchy#penalty}, derived from its body.\n"
                + "   */\n"
                + "  static double gradient(double w, double lambda, double scale) {\n"
                + "    double z = w / scale;\n"
                + "    double dz = 1 / scale;\n"
                + "    return lambda * (2 * z * dz / (1 + z * z));\n"
                + "  }\n"
                + "}");
        assertThat(c).generatedSourceFile("com.example.Cauchy_ReinPenalty").contentsAsUtf8String().contains(
                "gradient[i] += scale * Cauchy_ReinGradient.gradient(w[i], lambda, scale_);");
    }

    @Test
    void simplifiedFormsHaveNoZeroOrUnitFactors() {
        String[][] cases = {
            {"return 0.5 * a * w * w;", "return a * w"},
            {"return a * Math.abs(w);", "return a * Math.signum(w)"},
            {"return a * w * w * w;", "return 3 * a * w * w"},
            {"return Math.pow(w, 2) - w / 4;", "return 2 * w - 0.25"},
            {"return w > a ? w - a : 0;", "return w > a ? 1 : 0"},
            {"return 1 / 2 * w + HALF * w;", "return 0.5"},
            {"return (1 + 2.5) * w - -w;", "return 4.5"},
            {"return -Math.exp(-w);", "return Math.exp(-w)"},
            {"return Math.max(w, -w);", "return w >= -w ? 1 : -1"},
        };
        for (int i = 0; i < cases.length; i++) {
            JavaFileObject file = penalty("S" + i, cases[i][0]);
            Compilation c = compile(file);
            assertThat(c).succeededWithoutWarnings();
            assertThat(c).generatedSourceFile("com.example.S" + i + "_ReinGradient").contentsAsUtf8String()
                    .contains("static double gradient(double w, double a) {\n    " + cases[i][1] + ";\n  }");
        }
    }

    /** Every supported construct; each gradient is checked against finite differences of the compiled penalty. */
    private static final String[][] SUPPORTED = {
        {"return a * w * w;"},
        {"return -(w - a) / (1 + w * w) + +w;"},
        {"double z = w / a;", "final double s = z * z;", "double unused = 3;", "return a * Math.log1p(s);"},
        {"return w > 0 ? a * w : -0.5 * a * w;"},
        {"return Math.abs(w) + Math.sqrt(1 + w * w) + Math.cbrt(w + 5);"},
        {"return Math.exp(a * w) + Math.expm1(w) + Math.log(1 + w * w) + Math.log1p(w * w);"},
        {"return Math.pow(w, 2) + Math.pow(w * w + 1, 0.5) + Math.pow(a, w) + Math.pow(w * w + 1, w);"},
        {"return Math.hypot(w, a) + Math.sin(w) + Math.cos(a * w) + Math.tan(w / 4);"},
        {"return Math.tanh(w) + Math.atan(w) + Math.sinh(w / 3) + Math.cosh(w / 3);"},
        {"return Math.max(w * w, a) + Math.min(w, -a) + a * Math.signum(w) * w;"},
        {"return Math.PI * w + HALF * w * w + 1 / 2 * w + 3L * w;"},
        {"return (w < -1 || w > 1) && !(a == 0) ? a * (Math.abs(w) - 0.5) : 0.5 * a * w * w;"},
        {"return StrictMath.exp(-w * w / (2 * a));"},
    };

    @Test
    void everySupportedConstructDerivesTheExactGradient() throws Exception {
        List<JavaFileObject> files = new ArrayList<>();
        for (int i = 0; i < SUPPORTED.length; i++) {
            files.add(penalty("P" + i, SUPPORTED[i]));
        }
        Compilation c = compile(files.toArray(new JavaFileObject[0]));
        assertThat(c).succeededWithoutWarnings();
        CompiledClasses classes = new CompiledClasses(c);
        for (int i = 0; i < SUPPORTED.length; i++) {
            Method value = classes.loadClass("com.example.P" + i).getDeclaredMethod("penalty", double.class,
                    double.class);
            Method gradient = classes.loadClass("com.example.P" + i + "_ReinGradient").getDeclaredMethod("gradient",
                    double.class, double.class);
            value.setAccessible(true);
            gradient.setAccessible(true);
            for (double w : new double[] {-2.9, -1.7, -0.3, 0.3, 1.7, 2.9}) {
                double derived = (double) gradient.invoke(null, w, 0.7);
                double h = GradientTolerance.step(w);
                double numeric = ((double) value.invoke(null, w + h, 0.7) - (double) value.invoke(null, w - h, 0.7))
                        / (2 * h);
                assertTrue(Math.abs(derived - numeric) <= 1e-6 * Math.max(1, Math.abs(numeric)),
                        String.join(" ", SUPPORTED[i]) + " at w = " + w + ": derived " + derived + ", numeric "
                                + numeric);
            }
        }
    }

    @Test
    void theGlueOfADerivedGradientAddsItOverArrays() throws Exception {
        Compilation c = compile(penalty("Quartic", "return a * w * w * w * w;"));
        CompiledClasses classes = new CompiledClasses(c);
        RegularizerProvider provider = (RegularizerProvider) classes.loadClass("com.example.Quartic_ReinProvider")
                .getDeclaredConstructor().newInstance();
        ElementwisePenalty p = (ElementwisePenalty) provider.create(Arguments.of(Map.of("a", 2.0)));
        double[] w = {-1, 0.5, 2};
        double[] g = {10, 10, 10};
        p.addGradient(w, 0, 3, g, 0.5);
        // d(2w⁴)/dw = 8w³, scaled by 0.5
        assertEquals(List.of(10 - 4.0, 10 + 0.5, 10 + 32.0), List.of(g[0], g[1], g[2]));
        assertEquals(8 * 0.125, p.gradient(0.5));
    }

    @Test
    void subgradientsAtKinksAreTheDocumentedOnes() throws Exception {
        Compilation c = compile(penalty("K0", "return a * Math.abs(w);"), penalty("K1", "return Math.max(w, 0);"),
                penalty("K2", "return Math.min(w, 0);"), penalty("K3", "return Math.hypot(w, 0);"));
        CompiledClasses classes = new CompiledClasses(c);
        double[] expectedAtZero = {0, 1, 1, 0};   // signum(0)·a; the first argument's slope at a tie; hypot's 0
        for (int i = 0; i < expectedAtZero.length; i++) {
            Method gradient = classes.loadClass("com.example.K" + i + "_ReinGradient").getDeclaredMethod("gradient",
                    double.class, double.class);
            gradient.setAccessible(true);
            assertEquals(expectedAtZero[i], (double) gradient.invoke(null, 0.0, 0.7), "K" + i);
        }
    }

    @Test
    void aDerivedGradientThatIsNaNAtZeroIsAWarningOnThePenalty() {
        JavaFileObject root = penalty("Root", "return a * Math.sqrt(w * w);");
        Compilation c = compile(root);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining(Messages.derivedGradientNaN("penalty", "w = 0, a = 0.7", SUGGESTION))
                .inFile(root).onLine(FIRST_BODY_LINE - 1);
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        // the derived code is still generated: 2·w/(2·sqrt(w·w)) is right everywhere but at 0
        assertThat(c).generatedSourceFile("com.example.Root_ReinGradient").contentsAsUtf8String()
                .contains("Math.sqrt(w * w)");
        // the fixes the message names compile without a warning; so does a penalty NaN at 0 itself (nothing to
        // blame on derivation), and one whose gradient is only NaN away from the parameters' defaults
        assertThat(compile(penalty("Abs", "return a * Math.abs(w);"))).succeededWithoutWarnings();
        assertThat(compile(DiagnosticsTest.source("Written", "@Regularizer(name = \"written\")",
                "public final class Written {",
                "    @Penalty",
                "    static double penalty(double w, @Param(defaultValue = \"0.7\") double a) {",
                "        return a * Math.sqrt(w * w);",
                "    }",
                "    @Gradient",
                "    static double gradient(double w, double a) {",
                "        return a * Math.signum(w);",
                "    }", "}"))).succeededWithoutWarnings();
        assertThat(compile(penalty("Shy", "return a * Math.sqrt(w - 1);"))).succeededWithoutWarnings();
        assertThat(compile(penalty("Shifted", "return Math.sqrt((w - a) * (w - a));"))).succeededWithoutWarnings();
    }

    /** The line of {@code body[0]} in a {@link #penalty} source. */
    private static final int FIRST_BODY_LINE = 13;

    /** {@code what} must be the only error, at {@code column} of the body's line {@code index}. */
    private static void assertDerivationError(String what, int index, int column, String... body) {
        JavaFileObject file = penalty("Bad", body);
        Compilation c = compile(file);
        String message = Messages.cannotDerive("penalty", what, SUGGESTION);
        assertThat(c).hadErrorContaining(message).inFile(file).onLine(FIRST_BODY_LINE + index).atColumn(column);
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
            errors.add(d.getMessage(Locale.ROOT));
        }
        assertEquals(List.of(message), errors);
    }

    @Test
    void aLoopIsAnErrorOnTheLoop() {
        assertDerivationError("a loop", 1, 9,
                "double s = 0;", "for (int i = 0; i < 3; i++) { s += w; }", "return s;");
    }

    @Test
    void aCallToAnotherMethodIsAnErrorOnTheCall() {
        assertDerivationError("the call `helper(...)` (derivation reads only this method's body and the functions"
                + " of Math)", 0, 26, "return a * helper(w);");
    }

    @Test
    void aFieldWriteIsAnErrorOnTheAssignment() {
        assertDerivationError("the assignment `count = 1` (a penalty must not change state)", 0, 27,
                "return w * (count = 1);");
        assertDerivationError("the statement `count++;` (assignments and calls change state; locals must be assigned"
                + " once, where they are declared)", 0, 9, "count++;", "return w;");
    }

    @Test
    void otherUnsupportedConstructsAreErrorsWhereTheyAre() {
        assertDerivationError("the call `Math.floor(...)`, a Math function derivation does not know (it knows abs,"
                + " sqrt, cbrt, exp, expm1, log, log1p, pow, hypot, sin, cos, tan, tanh, atan, sinh, cosh, max, min,"
                + " signum, on doubles)", 0, 30, "return a * Math.floor(w);");
        assertDerivationError("an if statement (a conditional expression `c ? a : b` is supported)", 0, 9,
                "if (w > 0) { return w; }", "return -w;");
        assertDerivationError("the field 'count' (only parameters, locals and compile-time constants can be read)",
                0, 20, "return w * count;");
        assertDerivationError("the remainder `w % 2`", 0, 23, "return a * (w % 2);");
        assertDerivationError("the local 'n', which is not a double", 0, 13, "int n = 2;", "return w * n;");
        assertDerivationError("the statement `z = w;` (assignments and calls change state; locals must be assigned"
                + " once, where they are declared)", 1, 9, "double z = 1;", "z = w;", "return z;");
    }

    @Test
    void aParameterThatIsNotADoubleIsAnError() {
        JavaFileObject file = DiagnosticsTest.source("Bad", "@Regularizer(name = \"bad\")",
                "public final class Bad {",
                "    @Penalty",
                "    static double penalty(double w, @Param(defaultValue = \"2\") int k) {",
                "        return Math.pow(w, k);",
                "    }", "}");
        Compilation c = compile(file);
        assertThat(c).hadErrorContaining(Messages.cannotDerive("penalty", "the parameter 'k', which is not a double",
                "@Gradient static double gradient(double w, int k)")).inFile(file).onLine(10).atColumn(28);
    }

    @Test
    void aWrittenGradientThatDisagreesIsAWarningOnTheMethod() {
        JavaFileObject file = DiagnosticsTest.source("Half", "@Regularizer(name = \"half\")",
                "public final class Half {",
                "    @Penalty",
                "    static double penalty(double w, @Param(defaultValue = \"0.7\") double a) {",
                "        return a * w * w;",
                "    }",
                "    @Gradient",
                "    static double gradient(double w, double a) {",
                "        return a * w;",
                "    }", "}");
        Compilation c = compile(file);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining(Messages.gradientDisagrees("gradient", "penalty", "w = 0.0137, a = 0.7",
                "0.00959000", "0.0191800")).inFile(file).onLine(13);
    }

    @Test
    void aWrittenGradientOffByOnePerCentIsCaughtAndAnExactOneIsNot() {
        for (String[] written : new String[][] {{"return 1.01 * a * 2 * w;", "1"}, {"return 2 * a * w;", "0"},
                {"double twice = 2 * w;", "return a * twice;", "0"}}) {
            List<String> lines = new ArrayList<>(List.of("@Regularizer(name = \"sq\")", "public final class Sq {",
                    "    @Penalty",
                    "    static double penalty(double w, @Param(defaultValue = \"0.7\") double a) {",
                    "        return a * w * w;", "    }",
                    "    @Gradient", "    static double gradient(double w, double a) {"));
            for (int i = 0; i < written.length - 1; i++) {
                lines.add("        " + written[i]);
            }
            lines.add("    }");
            lines.add("}");
            Compilation c = compile(DiagnosticsTest.source("Sq", lines.toArray(new String[0])));
            assertThat(c).succeeded();
            assertEquals(Integer.parseInt(written[written.length - 1]), c.warnings().size(), c.warnings().toString());
        }
    }

    @Test
    void aWrittenGradientOfACancellingPenaltyIsNotCalledWrong() {
        JavaFileObject file = DiagnosticsTest.source("Smooth", "@Regularizer(name = \"smooth\")",
                "public final class Smooth {",
                "    @Penalty",
                "    static double penalty(double w, @Param(defaultValue = \"1\") double a) {",
                "        return a * (Math.abs(w) + Math.log1p(Math.exp(-2 * Math.abs(w))) - Math.log(2));",
                "    }",
                "    @Gradient",
                "    static double gradient(double w, double a) {",
                "        return a * Math.tanh(w);",
                "    }", "}");
        assertThat(compile(file)).succeededWithoutWarnings();
    }

    /** Runs the Rein processor behind an environment that is not javac's, as Gradle's incremental mode gives. */
    private static final class WithoutSourceTrees extends AbstractProcessor {
        private final ReinProcessor rein = new ReinProcessor();

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            rein.init((ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> method.invoke(env, args)));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return rein.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return rein.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return rein.process(annotations, round);
        }
    }

    @Test
    void withoutSourceTreesAPenaltyWithoutGradientIsAnErrorSayingSo() {
        JavaFileObject file = penalty("Plain", "return a * w * w;");
        Compilation c = Compiler.javac().withProcessors(new WithoutSourceTrees()).compile(file);
        assertThat(c).hadErrorContaining(Messages.noSourceTrees("penalty", SUGGESTION)).inFile(file).onLine(11);
        assertEquals(1, c.errors().size(), c.errors().toString());
        // with a written @Gradient the same compiler is fine: nothing is derived, nothing compared
        Compilation written = Compiler.javac().withProcessors(new WithoutSourceTrees()).compile(Sources.CAUCHY);
        assertThat(written).succeededWithoutWarnings();
    }

    @Test
    void anEmptyDescriptionIsTheClassJavadocsFirstSentence() {
        JavaFileObject file = DiagnosticsTest.source("Quad",
                "/**",
                " * Quadratic penalty {@code a·w²}, written without a gradient. The processor derives it.",
                " */",
                "@Regularizer(name = \"quad\")",
                "public final class Quad {",
                "    @Penalty",
                "    static double penalty(double w, @Param(defaultValue = \"0.7\") double a) { return a * w * w; }",
                "}");
        Compilation c = compile(file);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.example.Quad_ReinProvider").contentsAsUtf8String().contains(
                ".description(\"Quadratic penalty a·w², written without a gradient.\")");
    }

    @Test
    void theGradientKeepsTheWeightsNameAndEveryParameterEvenUnusedOnes() throws Exception {
        JavaFileObject file = DiagnosticsTest.source("Named", "@Regularizer(name = \"named\")",
                "public final class Named {",
                "    enum Shape { FLAT, STEEP }",
                "    @Penalty",
                "    static double penalty(double x, @Param(defaultValue = \"2\") double dx,",
                "            @Param(defaultValue = \"3\") int unused, @Param(defaultValue = \"flat\") Shape shape) {",
                "        double y = dx * x;",
                "        return y * y;",
                "    }", "}");
        Compilation c = compile(file);
        assertThat(c).succeededWithoutWarnings();
        // y's derivative is the plain parameter dx: used as it is, without a local of its own
        assertThat(c).generatedSourceFile("com.example.Named_ReinGradient").contentsAsUtf8String().contains(
                "static double gradient(double x, double dx, int unused, Named.Shape shape) {\n"
                + "    double y = dx * x;\n"
                + "    return 2 * y * dx;\n"
                + "  }");
    }
}
