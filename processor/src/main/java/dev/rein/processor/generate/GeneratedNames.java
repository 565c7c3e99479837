package dev.rein.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.rein.processor.model.QualifiedName;

/**
 * How generated classes are named and marked: top-level classes in the author's package, named after the
 * author's class with nesting flattened by {@code _}.
 *
 * <pre>{@code
 * provider(QualifiedName.of("com.example", "Cauchy"));            // com.example.Cauchy_ReinProvider
 * penaltyGlue(QualifiedName.of("com.example", "Outer", "Inner"));  // com.example.Outer_Inner_ReinPenalty
 * derivedGradient(QualifiedName.of("com.example", "Cauchy"));     // com.example.Cauchy_ReinGradient
 * }</pre>
 */
public final class GeneratedNames {
    /** Appended to the flattened class name for the provider. */
    public static final String PROVIDER_SUFFIX = "_ReinProvider";

    /** Appended to the flattened class name for the element-wise penalty glue. */
    public static final String PENALTY_SUFFIX = "_ReinPenalty";

    /** Appended to the flattened class name for a gradient derived from the penalty's body. */
    public static final String GRADIENT_SUFFIX = "_ReinGradient";

    /** The value of {@code @Generated} on every generated class. */
    public static final String GENERATOR = "dev.rein.processor.ReinProcessor";

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private GeneratedNames() {
    }

    public static QualifiedName provider(QualifiedName author) {
        return author.sibling(PROVIDER_SUFFIX);
    }

    public static QualifiedName penaltyGlue(QualifiedName author) {
        return author.sibling(PENALTY_SUFFIX);
    }

    public static QualifiedName derivedGradient(QualifiedName author) {
        return author.sibling(GRADIENT_SUFFIX);
    }

    /** {@code @Generated("dev.rein.processor.ReinProcessor")}. */
    static AnnotationSpec generatedAnnotation() {
        return AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build();
    }

    /** The JavaPoet name of {@code name}, nested classes included. */
    static ClassName className(QualifiedName name) {
        String outer = name.simpleNames().get(0);
        String[] nested = name.simpleNames().subList(1, name.simpleNames().size()).toArray(new String[0]);
        return ClassName.get(name.packageName(), outer, nested);
    }
}
