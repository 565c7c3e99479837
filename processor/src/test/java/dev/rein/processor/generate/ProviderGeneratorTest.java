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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider generator on hand-built models, without javac. */
class ProviderGeneratorTest {
    private final ProviderGenerator generator = new ProviderGenerator();

    @Test
    void requiredParameterWithoutBoundsHasNeitherDefaultNorBounds() {
        RegularizerModel model = RegularizerModel.builder("tag", Kind.STOPPING_RULE,
                        QualifiedName.of("org.acme", "Tagged"))
                .addParam(ParamModel.builder("label", "label", ParamType.STRING).build())
                .build();
        JavaFile file = generator.generate(model);
        String source = file.toString();
        assertEquals("org.acme", file.packageName());
        assertEquals("Tagged_ReinProvider", file.typeSpec().name());
        assertTrue(source.contains(".addParam(ParamDescriptor.builder(\"label\", ParamType.STRING)\n"
                + "          .description(\"\")\n"
                + "          .build())"), source);
        assertFalse(source.contains(".defaultValue("), source);
        assertFalse(source.contains(".min("), source);
        assertFalse(source.contains(".aliases("), "no aliases, no call: " + source);
        assertTrue(source.contains("public StoppingRule create(Arguments arguments) {\n"
                + "    return new Tagged(arguments.getString(\"label\"));\n"), source);
    }

    @Test
    void onlyTheBoundsThatAreSetAreWritten() {
        RegularizerModel model = RegularizerModel.builder("cap", Kind.CONSTRAINT, QualifiedName.of("p", "Cap"))
                .addParam(ParamModel.builder("c", "c", ParamType.LONG).defaultValue("0").max(1e-4, true).build())
                .build();
        String source = generator.generate(model).toString();
        assertTrue(source.contains("          .max(1.0E-4, true)\n"), source);
        assertFalse(source.contains(".min("), source);
        assertTrue(source.contains("arguments.getLong(\"c\")"), source);
    }

    @Test
    void penaltyProviderCreatesTheGlueOfANestedClass() {
        RegularizerModel model = RegularizerModel.builder("inner", Kind.PENALTY,
                        QualifiedName.of("p", "Outer", "Inner"))
                .aliases(List.of("a", "b"))
                .addParam(ParamModel.builder("on_off", "onOff", ParamType.BOOLEAN).defaultValue("true").build())
                .penaltyMethods(PenaltyMethods.of("f", "g", null))
                .build();
        JavaFile file = generator.generate(model);
        String source = file.toString();
        assertEquals("Outer_Inner_ReinProvider", file.typeSpec().name());
        assertTrue(source.contains(".aliases(List.of(\"a\", \"b\"))"), source);
        assertTrue(source.contains(".implementation(\"p.Outer$Inner\")"), source);
        assertTrue(source.contains("public ElementwisePenalty create(Arguments arguments) {\n"
                + "    return new Outer_Inner_ReinPenalty(arguments.getBoolean(\"on_off\"));\n"), source);
    }

    @Test
    void boundsHaveJavaLiterals() {
        assertEquals("0.0", ProviderGenerator.doubleLiteral(0));
        assertEquals("-2.5", ProviderGenerator.doubleLiteral(-2.5));
        assertEquals("Double.POSITIVE_INFINITY", ProviderGenerator.doubleLiteral(Double.POSITIVE_INFINITY));
        assertEquals("Double.NEGATIVE_INFINITY", ProviderGenerator.doubleLiteral(Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> ProviderGenerator.doubleLiteral(Double.NaN));
    }
}
