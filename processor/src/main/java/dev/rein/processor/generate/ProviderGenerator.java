package dev.rein.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.rein.api.ReinApi;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.processor.model.ParamModel;
import dev.rein.processor.model.RegularizerModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates the {@link RegularizerProvider} of a regularizer: a public final class with a public no-argument
 * constructor, a constant descriptor and a {@code create} that calls a constructor directly.
 *
 * <pre>{@code
 * JavaFile file = new ProviderGenerator().generate(model);   // com.example.Cauchy_ReinProvider
 * file.writeTo(System.out);
 * }</pre>
 *
 * <p>For a penalty class {@code create} returns {@code new Cauchy_ReinPenalty(arguments.getDouble("lambda"), ...)};
 * for a hook class {@code new MaxNorm(arguments.getDouble("c"))}. The descriptor records
 * {@code ReinApi.VERSION}, which javac inlines, so it names the API version the provider was compiled against.
 */
public final class ProviderGenerator {
    private static final String ARGUMENTS = "arguments";
    private static final String DESCRIPTOR = "DESCRIPTOR";

    /** The provider for {@code model}, in the author's package. */
    public JavaFile generate(RegularizerModel model) {
        ClassName self = GeneratedNames.className(GeneratedNames.provider(model.type()));
        TypeSpec provider = TypeSpec.classBuilder(self)
                .addJavadoc("Finds and builds the regularizer {@code $L} ($L) for Rein.\n",
                        model.name(), model.type().canonicalName())
                .addAnnotation(GeneratedNames.generatedAnnotation())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(RegularizerProvider.class)
                .addField(FieldSpec.builder(RegularizerDescriptor.class, DESCRIPTOR,
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(descriptor(model))
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .build())
                .addMethod(MethodSpec.methodBuilder("descriptor")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(RegularizerDescriptor.class)
                        .addStatement("return $N", DESCRIPTOR)
                        .build())
                .addMethod(create(model))
                .build();
        return JavaFile.builder(self.packageName(), provider).build();
    }

    private static CodeBlock descriptor(RegularizerModel model) {
        CodeBlock.Builder b = CodeBlock.builder()
                .add("$T.builder($S, $T.$L)", RegularizerDescriptor.class, model.name(), Kind.class,
                        model.kind().name())
                .indent().indent()
                .add("\n.description($S)", model.description());
        if (!model.aliases().isEmpty()) {
            b.add("\n.aliases($T.of($L))", List.class, strings(model.aliases()));
        }
        for (ParamModel p : model.params()) {
            b.add("\n.addParam($L)", param(p));
        }
        return b.add("\n.apiVersion($T.VERSION)", ReinApi.class)
                .add("\n.implementation($S)", model.type().binaryName())
                .add("\n.build()")
                .unindent().unindent()
                .build();
    }

    private static CodeBlock param(ParamModel p) {
        CodeBlock.Builder b = CodeBlock.builder()
                .add("$T.builder($S, $T.$L)", ParamDescriptor.class, p.specName(), ParamType.class, p.type().name())
                .indent().indent();
        p.defaultValue().ifPresent(d -> b.add("\n.defaultValue($S)", d));
        if (p.hasMin()) {
            b.add("\n.min($L, $L)", doubleLiteral(p.min()), p.exclusiveMin());
        }
        if (p.hasMax()) {
            b.add("\n.max($L, $L)", doubleLiteral(p.max()), p.exclusiveMax());
        }
        p.enumType().ifPresent(e -> b.add("\n.enumeration($S, $T.of($L))", e.binaryName(), List.class,
                strings(p.enumConstants())));
        return b.add("\n.description($S)", p.description())
                .add("\n.build()")
                .unindent().unindent()
                .build();
    }

    private static MethodSpec create(RegularizerModel model) {
        List<CodeBlock> reads = new ArrayList<>();
        for (ParamModel p : model.params()) {
            reads.add(ParamTypes.read(p, ARGUMENTS));
        }
        ClassName built = model.penaltyMethods().isPresent()
                ? GeneratedNames.className(GeneratedNames.penaltyGlue(model.type()))
                : GeneratedNames.className(model.type());
        return MethodSpec.methodBuilder("create")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ClassName.get(model.kind().hookType()))
                .addParameter(Arguments.class, ARGUMENTS)
                .addStatement(reads.size() <= 1 ? "return new $T($L)" : "return new $T(\n$L)", built,
                        CodeBlock.join(reads, reads.size() <= 1 ? "" : ",\n"))
                .build();
    }

    private static CodeBlock strings(List<String> values) {
        List<CodeBlock> literals = new ArrayList<>();
        for (String v : values) {
            literals.add(CodeBlock.of("$S", v));
        }
        return CodeBlock.join(literals, ", ");
    }

    /** A Java literal for a finite double, e.g. {@code 0.0} or {@code 1.0E-4}. */
    static String doubleLiteral(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("No literal for the bound " + v);
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(v);
    }
}
