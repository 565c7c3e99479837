package dev.rein.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.rein.processor.check.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Successful compilations: what is generated for penalties and each hook kind, rounds, and failure safety. */
class ReinProcessorTest {
    private static final String SERVICES = "META-INF/services/dev.rein.api.spi.RegularizerProvider";

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new ReinProcessor()).compile(sources);
    }

    @Test
    void penaltyClassGetsProviderGlueAndServicesEntry() {
        Compilation c = compile(Sources.SHRINK);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.example.Shrink_ReinProvider").contentsAsUtf8String().contains(
                "@Generated(\"dev.rein.processor.ReinProcessor\")\n"
                + "public final class Shrink_ReinProvider implements RegularizerProvider {\n"
                + "  private static final RegularizerDescriptor DESCRIPTOR = "
                + "RegularizerDescriptor.builder(\"shrink\", Kind.PENALTY)\n"
                + "      .description(\"Soft shrinkage\")\n"
                + "      .aliases(List.of(\"soft\", \"shrinkage\"))\n"
                + "      .addParam(ParamDescriptor.builder(\"lambda\", ParamType.DOUBLE)\n"
                + "          .defaultValue(\"0.5\")\n"
                + "          .min(0.0, false)\n"
                + "          .description(\"Strength\")\n"
                + "          .build())\n"
                + "      .addParam(ParamDescriptor.builder(\"power\", ParamType.INT)\n"
                + "          .defaultValue(\"2\")\n"
                + "          .min(1.0, false)\n"
                + "          .max(10.0, true)\n"
                + "          .description(\"\")\n"
                + "          .build())\n"
                + "      .addParam(ParamDescriptor.builder(\"halve\", ParamType.BOOLEAN)\n"
                + "          .defaultValue(\"false\")\n"
                + "          .description(\"\")\n"
                + "          .build())\n"
                + "      .addParam(ParamDescriptor.builder(\"curve\", ParamType.ENUM)\n"
                + "          .defaultValue(\"linear\")\n"
                + "          .enumeration(\"com.example.Shrink$Shape\", List.of(\"LINEAR\", \"SQUARED\"))\n"
                + "          .description(\"\")\n"
                + "          .build())\n"
                + "      .apiVersion(ReinApi.VERSION)\n"
                + "      .implementation(\"com.example.Shrink\")\n"
                + "      .build();\n");
        assertThat(c).generatedSourceFile("com.example.Shrink_ReinProvider").contentsAsUtf8String().contains(
                "  public ElementwisePenalty create(Arguments arguments) {\n"
                + "    return new Shrink_ReinPenalty(\n"
                + "        arguments.getDouble(\"lambda\"),\n"
                + "        arguments.getInt(\"power\"),\n"
                + "        arguments.getBoolean(\"halve\"),\n"
                + "        arguments.getEnum(\"curve\", Shrink.Shape.class));\n");
        assertThat(c).generatedSourceFile("com.example.Shrink_ReinProvider").contentsAsUtf8String()
                .contains("  public Shrink_ReinProvider() {\n");

        assertThat(c).generatedSourceFile("com.example.Shrink_ReinPenalty").contentsAsUtf8String().contains(
                "@Generated(\"dev.rein.processor.ReinProcessor\")\n"
                + "final class Shrink_ReinPenalty implements ElementwisePenalty {\n"
                + "  private final double lambda;\n");
        assertThat(c).generatedSourceFile("com.example.Shrink_ReinPenalty").contentsAsUtf8String().contains(
                "  public double proximal(double w, double step) {\n"
                + "    return Shrink.prox(w, step, this.lambda, this.power, this.halve, this.shape);\n");
        assertThat(c).generatedSourceFile("com.example.Shrink_ReinPenalty").contentsAsUtf8String().contains(
                "  public void addGradient(double[] w, int from, int to, double[] gradient, double scale) {\n"
                + "    double lambda = this.lambda;\n"
                + "    int power = this.power;\n"
                + "    boolean halve = this.halve;\n"
                + "    Shrink.Shape shape = this.shape;\n"
                + "    for (int i = from; i < to; i++) {\n"
                + "      gradient[i] += scale * Shrink.gradient(w[i], lambda, power, halve, shape);\n"
                + "    }\n"
                + "  }\n");
        assertThat(c).generatedSourceFile("com.example.Shrink_ReinPenalty").contentsAsUtf8String()
                .contains("  public boolean hasProximal() {\n    return true;\n  }\n");
        assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "", SERVICES).contentsAsUtf8String()
                .isEqualTo("com.example.Shrink_ReinProvider\n");
    }

    @Test
    void closedFormBecomesAnOverrideOfTheGlue() {
        Compilation c = compile(Sources.BRIDGE);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.example.Bridge_ReinPenalty").contentsAsUtf8String().contains(
                "import dev.rein.api.hook.ElasticCoefficients;\n"
                + "import dev.rein.api.hook.ElementwisePenalty;\n");
        assertThat(c).generatedSourceFile("com.example.Bridge_ReinPenalty").contentsAsUtf8String()
                .contains("import java.util.Optional;\n");
        assertThat(c).generatedSourceFile("com.example.Bridge_ReinPenalty").contentsAsUtf8String().contains(
                "  @Override\n"
                + "  public Optional<ElasticCoefficients> closedForm() {\n"
                + "    return Optional.ofNullable(Bridge.closedForm(this.lambda, this.power));\n"
                + "  }\n"
                + "}\n");
        assertThat(c).generatedSourceFile("com.example.Bridge_ReinProvider").contentsAsUtf8String().contains(
                "    return new Bridge_ReinPenalty(\n"
                + "        arguments.getDouble(\"lambda\"),\n"
                + "        arguments.getInt(\"power\"));\n");
    }

    @Test
    void withoutClosedFormTheGlueKeepsTheInterfacesDefault() {
        Compilation c = compile(Sources.SHRINK);
        assertThat(c).succeededWithoutWarnings();
        String glue = contents(c, "com.example.Shrink_ReinPenalty");
        assertEquals(false, glue.contains("closedForm"), glue);
    }

    private static String contents(Compilation c, String className) {
        try {
            return c.generatedSourceFile(className).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void parameterNamedLikeALoopVariableGetsAFreshLocal() {
        Compilation c = compile(Sources.CAUCHY);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.example.Cauchy_ReinPenalty").contentsAsUtf8String().contains(
                "    double scale_ = this.scale;\n"
                + "    for (int i = from; i < to; i++) {\n"
                + "      gradient[i] += scale * Cauchy.gradient(w[i], lambda, scale_);\n");
        assertThat(c).generatedSourceFile("com.example.Cauchy_ReinPenalty").contentsAsUtf8String().contains(
                "  public double proximal(double w, double step) {\n"
                + "    throw new UnsupportedOperationException("
                + "\"Regularizer 'cauchy' (com.example.Cauchy) has no @Proximal method\");\n");
    }

    @Test
    void everyHookKindGetsAProviderThatCallsItsConstructor() {
        Compilation c = compile(Sources.MAX_NORM, Sources.GROUP_LASSO, Sources.DROPOUT, Sources.BATCH_NORM,
                Sources.EARLY_STOPPING);
        assertThat(c).succeededWithoutWarnings();
        assertProvider(c, "com.example.Constraints_MaxNorm_ReinProvider", "Kind.CONSTRAINT",
                "public Constraint create(Arguments arguments) {\n"
                + "    return new Constraints.MaxNorm(arguments.getDouble(\"c\"));\n");
        assertThat(c).generatedSourceFile("com.example.Constraints_MaxNorm_ReinProvider").contentsAsUtf8String()
                .contains(".implementation(\"com.example.Constraints$MaxNorm\")");
        assertProvider(c, "com.example.GroupLasso_ReinProvider", "Kind.BLOCK_PENALTY",
                "public BlockPenalty create(Arguments arguments) {\n"
                + "    return new GroupLasso(arguments.getDouble(\"lambda\"));\n");
        assertProvider(c, "com.example.Dropout_ReinProvider", "Kind.ACTIVATION",
                "public ActivationRegularizer create(Arguments arguments) {\n"
                + "    return new Dropout(arguments.getDouble(\"p\"));\n");
        assertProvider(c, "com.example.BatchNorm_ReinProvider", "Kind.NORMALIZATION",
                "public Normalization create(Arguments arguments) {\n"
                + "    return new BatchNorm(\n"
                + "        arguments.getDouble(\"epsilon\"),\n"
                + "        arguments.getLong(\"warm_up\"));\n");
        assertProvider(c, "com.example.EarlyStopping_ReinProvider", "Kind.STOPPING_RULE",
                "public StoppingRule create(Arguments arguments) {\n"
                + "    return new EarlyStopping(\n"
                + "        arguments.getInt(\"patience\"),\n"
                + "        arguments.getString(\"metric\"),\n"
                + "        arguments.getEnum(\"restore\", EarlyStopping.Restore.class));\n");
        assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "", SERVICES).contentsAsUtf8String().isEqualTo(
                "com.example.BatchNorm_ReinProvider\n"
                + "com.example.Constraints_MaxNorm_ReinProvider\n"
                + "com.example.Dropout_ReinProvider\n"
                + "com.example.EarlyStopping_ReinProvider\n"
                + "com.example.GroupLasso_ReinProvider\n");
        assertEquals(List.of(), c.generatedSourceFiles().stream()
                .filter(f -> f.getName().endsWith("_ReinPenalty.java")).toList(), "hook classes get no glue");
    }

    private static void assertProvider(Compilation c, String provider, String kind, String create) {
        assertThat(c).generatedSourceFile(provider).contentsAsUtf8String().contains(kind);
        assertThat(c).generatedSourceFile(provider).contentsAsUtf8String().contains(create);
    }

    @Test
    void nothingToRegisterWritesNoServicesFile() {
        Compilation c = compile(JavaFileObjects.forSourceLines("com.example.Plain", "package com.example;",
                "class Plain {}"));
        assertThat(c).succeededWithoutWarnings();
        assertEquals(false, c.generatedFile(StandardLocation.CLASS_OUTPUT, "", SERVICES).isPresent());
    }

    /** Generates the enum {@code com.example.Curve} in the first round, as another processor might. */
    private static final class CurveGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer w = processingEnv.getFiler().createSourceFile("com.example.Curve").openWriter()) {
                    w.write("package com.example; public enum Curve { FLAT, STEEP }");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    private static final JavaFileObject USES_CURVE = JavaFileObjects.forSourceLines("com.example.Curved",
            "package com.example;",
            "",
            "import dev.rein.api.*;",
            "",
            "@Regularizer(name = \"curved\")",
            "public final class Curved {",
            "    @Penalty",
            "    static double penalty(double w, @Param(defaultValue = \"steep\") Curve curve) { return w; }",
            "    @Gradient",
            "    static double gradient(double w, Curve curve) { return 1; }",
            "}");

    @Test
    void classUsingATypeGeneratedLaterIsProcessedInTheNextRound() {
        Compilation c = Compiler.javac().withProcessors(new ReinProcessor(), new CurveGenerator())
                .compile(USES_CURVE);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.example.Curved_ReinProvider").contentsAsUtf8String().contains(
                ".enumeration(\"com.example.Curve\", List.of(\"FLAT\", \"STEEP\"))");
        assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "", SERVICES).contentsAsUtf8String()
                .isEqualTo("com.example.Curved_ReinProvider\n");
    }

    @Test
    void typeThatNeverAppearsIsReportedAtTheEnd() {
        Compilation c = compile(USES_CURVE);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("@Regularizer class com.example.Curved uses the type Curve, which does not"
                        + " exist; fix the compile errors about it (or the processor that should generate it)")
                .inFile(USES_CURVE).onLineContaining("public final class Curved");
    }

    @Test
    void unexpectedExceptionBecomesAnErrorOnTheElement() {
        ReinProcessor failing = new ReinProcessor((env, setup) -> (type, last) -> {
            throw new IllegalStateException("boom");
        });
        Compilation c = Compiler.javac().withProcessors(failing).compile(Sources.CAUCHY);
        String message = Messages.unexpectedFailure("com.example.Cauchy", new IllegalStateException("boom"));
        assertEquals("Rein processor failed unexpectedly on com.example.Cauchy: java.lang.IllegalStateException:"
                + " boom; please report this", message);
        assertThat(c).hadErrorContaining(message).inFile(Sources.CAUCHY).onLineContaining("public final class Cauchy");
    }
}
