package dev.rein.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.rein.processor.model.ParamModel;

/** The Java type of a parameter and how a provider reads it from {@code Arguments}. */
final class ParamTypes {
    private ParamTypes() {
    }

    /** {@code double}, {@code int}, ..., {@code String} or the enum class. */
    static TypeName javaType(ParamModel p) {
        switch (p.type()) {
            case DOUBLE:
                return TypeName.DOUBLE;
            case INT:
                return TypeName.INT;
            case LONG:
                return TypeName.LONG;
            case BOOLEAN:
                return TypeName.BOOLEAN;
            case STRING:
                return TypeName.get(String.class);
            case ENUM:
                return GeneratedNames.className(p.enumType().orElseThrow());
            default:
                throw new AssertionError(p.type());
        }
    }

    /** E.g. {@code arguments.getDouble("lambda")} or {@code arguments.getEnum("metric", Metric.class)}. */
    static CodeBlock read(ParamModel p, String arguments) {
        switch (p.type()) {
            case DOUBLE:
                return CodeBlock.of("$N.getDouble($S)", arguments, p.specName());
            case INT:
                return CodeBlock.of("$N.getInt($S)", arguments, p.specName());
            case LONG:
                return CodeBlock.of("$N.getLong($S)", arguments, p.specName());
            case BOOLEAN:
                return CodeBlock.of("$N.getBoolean($S)", arguments, p.specName());
            case STRING:
                return CodeBlock.of("$N.getString($S)", arguments, p.specName());
            case ENUM:
                return CodeBlock.of("$N.getEnum($S, $T.class)", arguments, p.specName(), javaType(p));
            default:
                throw new AssertionError(p.type());
        }
    }
}
