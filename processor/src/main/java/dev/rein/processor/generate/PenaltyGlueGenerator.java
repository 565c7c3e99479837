package dev.rein.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.rein.api.hook.ElasticCoefficients;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.processor.model.ParamModel;
import dev.rein.processor.model.PenaltyMethods;
import dev.rein.processor.model.RegularizerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates the {@link ElementwisePenalty} of a {@code @Penalty} class: the parameter values in final fields and
 * every method a direct call of the author's static functions.
 *
 * <pre>{@code
 * JavaFile glue = new PenaltyGlueGenerator().generate(model);   // com.example.Cauchy_ReinPenalty
 * }</pre>
 *
 * <p>The array methods are what trainers call in their inner loops, so they copy the fields to locals once and
 * then loop over a static call: no reflection, no boxing, no virtual call per element. For example:
 *
 * <pre>{@code
 * public double value(double[] w, int from, int to) {
 *     double lambda = this.lambda;
 *     double sum = 0.0;
 *     for (int i = from; i < to; i++) {
 *         sum += Cauchy.penalty(w[i], lambda);
 *     }
 *     return sum;
 * }
 * }</pre>
 *
 * <p>A class with a {@code @ClosedForm} method also gets the override that declares it; without one the glue keeps
 * {@link ElementwisePenalty#closedForm()}'s default, empty:
 *
 * <pre>{@code
 * public Optional<ElasticCoefficients> closedForm() {
 *     return Optional.ofNullable(ElasticNet.closedForm(this.lambda, this.l1Ratio));
 * }
 * }</pre>
 */
public final class PenaltyGlueGenerator {
    /** Names the array methods use themselves; a parameter's local copy is renamed away from them. */
    private static final List<String> LOOP_NAMES = List.of("w", "from", "to", "gradient", "scale", "step", "i", "sum");

    /**
     * The glue for {@code model}, in the author's package.
     *
     * @throws IllegalArgumentException if {@code model} is not a penalty class
     */
    public JavaFile generate(RegularizerModel model) {
        PenaltyMethods methods = model.penaltyMethods().orElseThrow(() -> new IllegalArgumentException(
                model + " is a hook class; only @Penalty classes get penalty glue"));
        ClassName self = GeneratedNames.className(GeneratedNames.penaltyGlue(model.type()));
        ClassName author = GeneratedNames.className(model.type());
        // a derived gradient lives in its own generated class; a written one in the author's
        ClassName gradientOwner = methods.derivedGradient().isPresent()
                ? GeneratedNames.className(GeneratedNames.derivedGradient(model.type())) : author;
        Names names = new Names(model.params());

        TypeSpec.Builder glue = TypeSpec.classBuilder(self)
                .addJavadoc("The element-wise penalty {@code $L}, calling {@link $T} with bound parameters.\n",
                        model.name(), author)
                .addAnnotation(GeneratedNames.generatedAnnotation())
                .addModifiers(Modifier.FINAL)
                .addSuperinterface(ElementwisePenalty.class);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (ParamModel p : model.params()) {
            TypeName type = ParamTypes.javaType(p);
            glue.addField(FieldSpec.builder(type, p.javaName(), Modifier.PRIVATE, Modifier.FINAL).build());
            constructor.addParameter(type, p.javaName())
                    .addStatement("this.$N = $N", p.javaName(), p.javaName());
        }
        glue.addMethod(constructor.build());

        String fields = names.fields();
        String locals = names.locals();
        String proximal = methods.proximal().orElse(null);
        String unsupported = "Regularizer '" + model.name() + "' (" + model.type().canonicalName()
                + ") has no @Proximal method";

        glue.addMethod(scalar("value", "w")
                .addStatement("return $T.$N(w$L)", author, methods.penalty(), fields).build());
        glue.addMethod(scalar("gradient", "w")
                .addStatement("return $T.$N(w$L)", gradientOwner, methods.gradient(), fields).build());
        glue.addMethod(override("hasProximal", TypeName.BOOLEAN)
                .addStatement("return $L", proximal != null).build());
        MethodSpec.Builder proximalScalar = scalar("proximal", "w", "step");
        glue.addMethod((proximal == null
                ? proximalScalar.addStatement("throw new $T($S)", UnsupportedOperationException.class, unsupported)
                : proximalScalar.addStatement("return $T.$N(w, step$L)", author, proximal, fields)).build());

        glue.addMethod(arrayMethod("value", TypeName.DOUBLE, names)
                .addStatement("double sum = 0.0")
                .beginControlFlow("for (int i = from; i < to; i++)")
                .addStatement("sum += $T.$N(w[i]$L)", author, methods.penalty(), locals)
                .endControlFlow()
                .addStatement("return sum")
                .build());
        glue.addMethod(arrayMethod("addGradient", TypeName.VOID, names)
                .addParameter(double[].class, "gradient")
                .addParameter(double.class, "scale")
                .beginControlFlow("for (int i = from; i < to; i++)")
                .addStatement("gradient[i] += scale * $T.$N(w[i]$L)", gradientOwner, methods.gradient(), locals)
                .endControlFlow()
                .build());
        MethodSpec.Builder proximalArray = override("proximal", TypeName.VOID)
                .addParameter(double[].class, "w")
                .addParameter(int.class, "from")
                .addParameter(int.class, "to")
                .addParameter(double.class, "step");
        if (proximal == null) {
            proximalArray.addStatement("throw new $T($S)", UnsupportedOperationException.class, unsupported);
        } else {
            proximalArray.addCode(names.copyToLocals())
                    .beginControlFlow("for (int i = from; i < to; i++)")
                    .addStatement("w[i] = $T.$N(w[i], step$L)", author, proximal, locals)
                    .endControlFlow();
        }
        glue.addMethod(proximalArray.build());

        methods.closedForm().ifPresent(closedForm -> glue.addMethod(
                override("closedForm", ParameterizedTypeName.get(Optional.class, ElasticCoefficients.class))
                        .addStatement("return $T.ofNullable($T.$N($L))", Optional.class, author, closedForm,
                                names.arguments())
                        .build()));

        return JavaFile.builder(self.packageName(), glue.build()).build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }

    private static MethodSpec.Builder scalar(String name, String... doubleParams) {
        MethodSpec.Builder b = override(name, TypeName.DOUBLE);
        for (String p : doubleParams) {
            b.addParameter(double.class, p);
        }
        return b;
    }

    /** {@code name(double[] w, int from, int to)} with the fields already copied to locals. */
    private static MethodSpec.Builder arrayMethod(String name, TypeName returns, Names names) {
        return override(name, returns)
                .addParameter(double[].class, "w")
                .addParameter(int.class, "from")
                .addParameter(int.class, "to")
                .addCode(names.copyToLocals());
    }

    /** The parameters as call arguments: {@code this.x} in scalar methods, local copies in loops. */
    private static final class Names {
        private final List<ParamModel> params;
        private final List<String> localNames = new ArrayList<>();

        Names(List<ParamModel> params) {
            this.params = params;
            NameAllocator allocator = new NameAllocator();
            LOOP_NAMES.forEach(allocator::newName);
            for (ParamModel p : params) {
                localNames.add(allocator.newName(p.javaName()));
            }
        }

        /** {@code ", this.lambda, this.scale"}, or empty without parameters. */
        String fields() {
            StringBuilder s = new StringBuilder();
            params.forEach(p -> s.append(", this.").append(p.javaName()));
            return s.toString();
        }

        /** {@code "this.lambda, this.scale"}, or empty without parameters: the fields as the only arguments. */
        String arguments() {
            List<String> out = new ArrayList<>();
            params.forEach(p -> out.add("this." + p.javaName()));
            return String.join(", ", out);
        }

        /** {@code ", lambda, scale_"}: the local copies. */
        String locals() {
            StringBuilder s = new StringBuilder();
            localNames.forEach(n -> s.append(", ").append(n));
            return s.toString();
        }

        CodeBlock copyToLocals() {
            CodeBlock.Builder b = CodeBlock.builder();
            for (int i = 0; i < params.size(); i++) {
                b.addStatement("$T $N = this.$N", ParamTypes.javaType(params.get(i)), localNames.get(i),
                        params.get(i).javaName());
            }
            return b.build();
        }
    }
}
