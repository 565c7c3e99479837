package dev.rein.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.rein.processor.model.DerivedGradient;
import dev.rein.processor.model.ParamModel;
import dev.rein.processor.model.PenaltyMethods;
import dev.rein.processor.model.RegularizerModel;
import javax.lang.model.element.Modifier;

/**
 * Generates the class that holds a gradient derived from a penalty's body: one static method with the penalty's
 * parameters, which the glue calls as it would call a written {@code @Gradient}.
 *
 * <pre>{@code
 * JavaFile file = new DerivedGradientGenerator().generate(model);   // com.example.Cauchy_ReinGradient
 * // final class Cauchy_ReinGradient {
 * //   static double gradient(double w, double lambda, double scale) {
 * //     double z = w / scale;
 * //     double dz = 1 / scale;
 * //     return lambda * (2 * z * dz / (1 + z * z));
 * //   }
 * // }
 * }</pre>
 */
public final class DerivedGradientGenerator {
    /**
     * The derived gradient of {@code model}, in the author's package.
     *
     * @throws IllegalArgumentException if {@code model} has no derived gradient
     */
    public JavaFile generate(RegularizerModel model) {
        PenaltyMethods methods = model.penaltyMethods().orElseThrow(() -> new IllegalArgumentException(
                model + " is a hook class"));
        DerivedGradient gradient = methods.derivedGradient().orElseThrow(() -> new IllegalArgumentException(
                model + " has a written @Gradient"));
        ClassName self = GeneratedNames.className(GeneratedNames.derivedGradient(model.type()));
        ClassName author = GeneratedNames.className(model.type());
        MethodSpec.Builder method = MethodSpec.methodBuilder(methods.gradient())
                .addJavadoc("{@code dR/d$L} of {@link $T#$L}, derived from its body.\n", gradient.weight(), author,
                        methods.penalty())
                .addModifiers(Modifier.STATIC)
                .returns(double.class)
                .addParameter(double.class, gradient.weight());
        for (ParamModel p : model.params()) {
            method.addParameter(ParamTypes.javaType(p), p.javaName());
        }
        gradient.statements().forEach(s -> method.addStatement("$L", s));
        TypeSpec type = TypeSpec.classBuilder(self)
                .addJavadoc("The gradient of {@code $L}, derived by the Rein processor: the penalty has no"
                        + " {@code @Gradient}.\n", model.name())
                .addAnnotation(GeneratedNames.generatedAnnotation())
                .addModifiers(Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(method.build())
                .build();
        return JavaFile.builder(self.packageName(), type).build();
    }
}
