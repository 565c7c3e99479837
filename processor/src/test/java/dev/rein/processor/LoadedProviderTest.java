package dev.rein.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.rein.api.ReinApi;
import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ElasticCoefficients;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads what the processor generated, exactly as Rein would: providers listed in the services file, their
 * descriptors, and the penalties they create, compared with the author's own static functions.
 */
class LoadedProviderTest {
    private static final double[] WEIGHTS = {-2.5, -1.0, -0.2, 0.0, 0.05, 0.7, 3.0};

    private static CompiledClasses loader;
    private static Map<String, RegularizerProvider> providers;

    @BeforeAll
    static void compileAndLoad() throws Exception {
        Compilation c = Compiler.javac().withProcessors(new ReinProcessor())
                .compile(Sources.SHRINK, Sources.CAUCHY, Sources.MAX_NORM, Sources.BRIDGE);
        assertThat(c).succeededWithoutWarnings();
        loader = new CompiledClasses(c);
        String services;
        try (InputStream in = c.generatedFile(StandardLocation.CLASS_OUTPUT, "",
                "META-INF/services/dev.rein.api.spi.RegularizerProvider").orElseThrow().openInputStream()) {
            services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        providers = new HashMap<>();
        for (String name : services.split("\n")) {
            RegularizerProvider p = (RegularizerProvider) loader.loadClass(name).getConstructor().newInstance();
            providers.put(p.descriptor().name(), p);
        }
        assertEquals(4, providers.size(), services);
    }

    @Test
    void descriptorRecordsEverythingTheAnnotationsSaid() {
        RegularizerDescriptor d = providers.get("shrink").descriptor();
        assertEquals(Kind.PENALTY, d.kind());
        assertEquals("Soft shrinkage", d.description());
        assertEquals(List.of("soft", "shrinkage"), d.aliases());
        assertEquals(ReinApi.VERSION, d.apiVersion());
        assertEquals("com.example.Shrink", d.implementation());
        assertEquals(List.of("lambda", "power", "halve", "curve"), d.params().stream().map(ParamDescriptor::name).toList());

        ParamDescriptor lambda = d.param("lambda").orElseThrow();
        assertEquals(ParamType.DOUBLE, lambda.type());
        assertEquals(Optional.of("0.5"), lambda.defaultValue());
        assertEquals("a number >= 0", lambda.validRange());
        assertEquals("Strength", lambda.description());
        assertEquals("an integer in [1, 10)", d.param("power").orElseThrow().validRange());
        assertEquals(ParamType.BOOLEAN, d.param("halve").orElseThrow().type());
        ParamDescriptor curve = d.param("curve").orElseThrow();
        assertEquals(ParamType.ENUM, curve.type());
        assertEquals("com.example.Shrink$Shape", curve.enumType());
        assertEquals(List.of("LINEAR", "SQUARED"), curve.enumConstants());

        RegularizerDescriptor maxNorm = providers.get("max_norm").descriptor();
        assertEquals(Kind.CONSTRAINT, maxNorm.kind());
        assertEquals("com.example.Constraints$MaxNorm", maxNorm.implementation());
        assertEquals("a number > 0", maxNorm.param("c").orElseThrow().validRange());
        assertEquals(ReinApi.VERSION, maxNorm.apiVersion());
    }

    @Test
    void onlyABoundWrittenAsInfinityMakesInfinityAValue() throws Exception {
        assertFalse(providers.get("max_norm").descriptor().param("c").orElseThrow()
                .allowsInfinity(Double.POSITIVE_INFINITY), "no max written: finite values only");

        Compilation c = Compiler.javac().withProcessors(new ReinProcessor()).compile(
                com.google.testing.compile.JavaFileObjects.forSourceLines("com.example.Cap",
                        "package com.example;",
                        "import dev.rein.api.*;",
                        "import dev.rein.api.hook.*;",
                        "@Regularizer(name = \"cap\", description = \"Caps each row; c=Infinity caps nothing\")",
                        "public final class Cap implements Constraint {",
                        "    public Cap(@Param(defaultValue = \"3\", min = 0, exclusiveMin = true,",
                        "            max = Double.POSITIVE_INFINITY) double c) {",
                        "    }",
                        "    @Override",
                        "    public void project(ParameterBlock block) {",
                        "    }",
                        "}"));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.example.Cap_ReinProvider").contentsAsUtf8String()
                .contains(".max(Double.POSITIVE_INFINITY, false)");
        RegularizerProvider cap = (RegularizerProvider) new CompiledClasses(c).loadClass("com.example.Cap_ReinProvider")
                .getConstructor().newInstance();
        ParamDescriptor capC = cap.descriptor().param("c").orElseThrow();
        assertTrue(capC.allowsInfinity(Double.POSITIVE_INFINITY));
        assertFalse(capC.allowsInfinity(Double.NEGATIVE_INFINITY));
        assertEquals("a number > 0, or Infinity", capC.validRange());
    }

    @Test
    void createdPenaltyGivesTheAuthorsNumbers() throws Exception {
        Map<String, Object> values = Map.of("lambda", 0.3, "power", 3, "halve", true, "curve", "squared");
        ElementwisePenalty penalty = (ElementwisePenalty) providers.get("shrink").create(Arguments.of(values));
        assertTrue(penalty.hasProximal());

        Class<?> author = loader.loadClass("com.example.Shrink");
        Class<?> shape = loader.loadClass("com.example.Shrink$Shape");
        Object squared = shape.getEnumConstants()[1];
        Method value = method(author, "penalty", double.class, double.class, int.class, boolean.class, shape);
        Method gradient = method(author, "gradient", double.class, double.class, int.class, boolean.class, shape);
        Method prox = method(author, "prox", double.class, double.class, double.class, int.class, boolean.class,
                shape);
        for (double w : WEIGHTS) {
            assertEquals((double) value.invoke(null, w, 0.3, 3, true, squared), penalty.value(w), 0.0);
            assertEquals((double) gradient.invoke(null, w, 0.3, 3, true, squared), penalty.gradient(w), 0.0);
            assertEquals((double) prox.invoke(null, w, 0.1, 0.3, 3, true, squared), penalty.proximal(w, 0.1), 0.0);
        }
        // Closed form of the author's function for these arguments: (0.3·|w|³)² / 2.
        assertEquals(Math.pow(0.3 * 8, 2) / 2, penalty.value(-2.0), 1e-12);
    }

    @Test
    void arrayMethodsTouchOnlyTheirRangeAndAgreeWithTheScalarOnes() {
        ElementwisePenalty penalty = (ElementwisePenalty) providers.get("shrink").create(Arguments.of(
                Map.of("lambda", 0.5, "power", 2, "halve", false, "curve", "LINEAR")));
        int from = 1;
        int to = WEIGHTS.length - 1;

        double expectedSum = 0;
        double[] expectedGradient = new double[WEIGHTS.length];
        double[] expectedProx = WEIGHTS.clone();
        for (int i = from; i < to; i++) {
            expectedSum += penalty.value(WEIGHTS[i]);
            expectedGradient[i] = 1.0 + 2.0 * penalty.gradient(WEIGHTS[i]);
            expectedProx[i] = penalty.proximal(WEIGHTS[i], 0.4);
        }
        expectedGradient[0] = 1.0;
        expectedGradient[WEIGHTS.length - 1] = 1.0;
        // For R(w) = 0.5·w² the sum has a closed form too.
        double closedForm = 0;
        for (int i = from; i < to; i++) {
            closedForm += 0.5 * WEIGHTS[i] * WEIGHTS[i];
        }
        assertEquals(closedForm, penalty.value(WEIGHTS, from, to), 1e-12);
        assertEquals(expectedSum, penalty.value(WEIGHTS, from, to), 0.0);

        double[] gradient = new double[WEIGHTS.length];
        java.util.Arrays.fill(gradient, 1.0);
        penalty.addGradient(WEIGHTS, from, to, gradient, 2.0);
        assertArrayEquals(expectedGradient, gradient, 0.0);

        double[] w = WEIGHTS.clone();
        penalty.proximal(w, from, to, 0.4);
        assertArrayEquals(expectedProx, w, 0.0);
        assertEquals(0.0, w[4], 0.0, "soft-thresholding lands small weights exactly on zero");
    }

    @Test
    void penaltyWithoutProximalSaysSo() {
        ElementwisePenalty cauchy = (ElementwisePenalty) providers.get("cauchy").create(Arguments.of(
                Map.of("lambda", 0.2, "scale", 1.5)));
        assertFalse(cauchy.hasProximal());
        UnsupportedOperationException scalar = assertThrows(UnsupportedOperationException.class,
                () -> cauchy.proximal(1.0, 0.1));
        assertEquals("Regularizer 'cauchy' (com.example.Cauchy) has no @Proximal method", scalar.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> cauchy.proximal(new double[3], 0, 3, 0.1));
    }

    @Test
    void declaredClosedFormIsTheAuthorsForTheBoundParameters() {
        ElementwisePenalty l1Like = bridge(0.3, 1);
        ElementwisePenalty l2Like = bridge(0.3, 2);
        ElementwisePenalty cubic = bridge(0.3, 3);
        assertEquals(Optional.of(ElasticCoefficients.lasso(0.3)), l1Like.closedForm());
        assertEquals(Optional.of(ElasticCoefficients.of(0, 0.6)), l2Like.closedForm(), "0.3·w² = (0.6/2)·w²");
        assertEquals(Optional.empty(), cubic.closedForm(), "the author's null: no closed form at power 3");
        for (double w : WEIGHTS) {
            assertEquals(l2Like.value(w), l2Like.closedForm().orElseThrow().value(w), 1e-15 * (1 + w * w));
            assertEquals(l1Like.gradient(w), l1Like.closedForm().orElseThrow().gradient(w), 0.0);
        }
    }

    @Test
    void withoutClosedFormTheInterfacesDefaultIsEmpty() {
        ElementwisePenalty cauchy = (ElementwisePenalty) providers.get("cauchy").create(Arguments.of(
                Map.of("lambda", 0.2, "scale", 1.5)));
        assertEquals(Optional.empty(), cauchy.closedForm());
    }

    private static ElementwisePenalty bridge(double lambda, int power) {
        return (ElementwisePenalty) providers.get("bridge").create(Arguments.of(
                Map.of("lambda", lambda, "power", power)));
    }

    @Test
    void cauchyGradientMatchesFiniteDifferencesOfItsValue() {
        ElementwisePenalty cauchy = (ElementwisePenalty) providers.get("cauchy").create(Arguments.of(
                Map.of("lambda", 0.2, "scale", 1.5)));
        double h = 1e-6;
        for (double w : WEIGHTS) {
            double central = (cauchy.value(w + h) - cauchy.value(w - h)) / (2 * h);
            assertEquals(central, cauchy.gradient(w), 1e-8, "at w = " + w);
        }
        // The parameter "scale" and addGradient's own "scale" must not be confused.
        double[] gradient = new double[WEIGHTS.length];
        cauchy.addGradient(WEIGHTS, 0, WEIGHTS.length, gradient, 3.0);
        for (int i = 0; i < WEIGHTS.length; i++) {
            assertEquals(3.0 * cauchy.gradient(WEIGHTS[i]), gradient[i], 1e-15);
        }
    }

    @Test
    void createdHookIsTheAuthorsClassWithItsArguments() {
        Object created = providers.get("max_norm").create(Arguments.of(Map.of("c", 1.0)));
        Constraint maxNorm = assertInstanceOf(Constraint.class, created);
        assertEquals("com.example.Constraints$MaxNorm", created.getClass().getName());
        double[] values = {3, 4, 0.3, 0.4};   // row norms 5 and 0.5
        maxNorm.project(new ParameterBlock("weights", Role.WEIGHT, 2, 2, values));
        assertArrayEquals(new double[] {0.6, 0.8, 0.3, 0.4}, values, 1e-12);
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) throws Exception {
        Method m = type.getDeclaredMethod(name, parameters);
        m.setAccessible(true);
        return m;
    }
}
