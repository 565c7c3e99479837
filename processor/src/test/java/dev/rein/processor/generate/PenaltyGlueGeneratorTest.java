package dev.rein.processor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.ParamType;
import dev.rein.processor.model.ParamModel;
import dev.rein.processor.model.PenaltyMethods;
import dev.rein.processor.model.QualifiedName;
import dev.rein.processor.model.RegularizerModel;
import org.junit.jupiter.api.Test;

/** The glue generator on hand-built models, without javac. */
class PenaltyGlueGeneratorTest {
    private final PenaltyGlueGenerator generator = new PenaltyGlueGenerator();

    private static RegularizerModel l1(PenaltyMethods methods) {
        return RegularizerModel.builder("l1", Kind.PENALTY, QualifiedName.of("p", "L1"))
                .addParam(ParamModel.builder("lambda", "lambda", ParamType.DOUBLE).defaultValue("1").build())
                .penaltyMethods(methods)
                .build();
    }

    @Test
    void loopsCallTheAuthorsMethodsWithLocalCopies() {
        JavaFile file = generator.generate(l1(PenaltyMethods.of("r", "dr", "soft")));
        String source = file.toString();
        assertEquals("L1_ReinPenalty", file.typeSpec().name());
        assertTrue(source.contains("  public double value(double[] w, int from, int to) {\n"
                + "    double lambda = this.lambda;\n"
                + "    double sum = 0.0;\n"
                + "    for (int i = from; i < to; i++) {\n"
                + "      sum += L1.r(w[i], lambda);\n"
                + "    }\n"
                + "    return sum;\n"
                + "  }\n"), source);
        assertTrue(source.contains("  public void proximal(double[] w, int from, int to, double step) {\n"
                + "    double lambda = this.lambda;\n"
                + "    for (int i = from; i < to; i++) {\n"
                + "      w[i] = L1.soft(w[i], step, lambda);\n"), source);
        assertTrue(source.contains("  public double gradient(double w) {\n    return L1.dr(w, this.lambda);\n"),
                source);
        assertFalse(source.contains("public L1_ReinPenalty"), "package-private: only its provider creates it");
    }

    @Test
    void withoutProximalBothProximalMethodsThrow() {
        String source = generator.generate(l1(PenaltyMethods.of("r", "dr", null))).toString();
        assertTrue(source.contains("  public boolean hasProximal() {\n    return false;\n  }"), source);
        String thrown = "throw new UnsupportedOperationException("
                + "\"Regularizer 'l1' (p.L1) has no @Proximal method\");";
        assertEquals(2, source.split(java.util.regex.Pattern.quote(thrown), -1).length - 1, source);
    }

    @Test
    void parameterNamesThatClashWithTheLoopGetFreshLocals() {
        RegularizerModel model = RegularizerModel.builder("odd", Kind.PENALTY, QualifiedName.of("p", "Odd"))
                .addParam(ParamModel.builder("i", "i", ParamType.INT).defaultValue("1").build())
                .addParam(ParamModel.builder("sum", "sum", ParamType.DOUBLE).defaultValue("1").build())
                .penaltyMethods(PenaltyMethods.of("r", "dr", null))
                .build();
        String source = generator.generate(model).toString();
        assertTrue(source.contains("    int i_ = this.i;\n    double sum_ = this.sum;\n"), source);
        assertTrue(source.contains("sum += Odd.r(w[i], i_, sum_);"), source);
    }

    @Test
    void aClosedFormBecomesAnOverrideCallingTheAuthorsMethodWithTheFields() {
        String source = generator.generate(l1(PenaltyMethods.of("r", "dr", "soft").withClosedForm("form")))
                .toString();
        assertTrue(source.contains("import dev.rein.api.hook.ElasticCoefficients;\n"), source);
        assertTrue(source.contains("import java.util.Optional;\n"), source);
        assertTrue(source.contains("  @Override\n"
                + "  public Optional<ElasticCoefficients> closedForm() {\n"
                + "    return Optional.ofNullable(L1.form(this.lambda));\n"
                + "  }\n"), source);
    }

    @Test
    void withoutAClosedFormTheDefaultStays() {
        String source = generator.generate(l1(PenaltyMethods.of("r", "dr", "soft"))).toString();
        assertFalse(source.contains("closedForm"), source);
        assertFalse(source.contains("ElasticCoefficients"), source);
    }

    @Test
    void aClosedFormOfAPenaltyWithoutParametersTakesNoArguments() {
        RegularizerModel model = RegularizerModel.builder("unit", Kind.PENALTY, QualifiedName.of("p", "Unit"))
                .penaltyMethods(PenaltyMethods.of("r", "dr", null).withClosedForm("coefficients"))
                .build();
        String source = generator.generate(model).toString();
        assertTrue(source.contains("    return Optional.ofNullable(Unit.coefficients());\n"), source);
    }

    @Test
    void hookClassesHaveNoGlue() {
        RegularizerModel hook = RegularizerModel.builder("cap", Kind.CONSTRAINT, QualifiedName.of("p", "Cap")).build();
        assertThrows(IllegalArgumentException.class, () -> generator.generate(hook));
    }
}
