package dev.rein.processor.check;

import dev.rein.api.Param;
import dev.rein.api.spi.ParamType;
import dev.rein.api.spi.SpecNames;
import dev.rein.processor.model.JavaNames;
import dev.rein.processor.model.ParamModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Checks one {@code @Param} parameter and turns it into a {@link ParamModel}, reporting each problem on the
 * parameter (on the offending annotation value where there is one).
 *
 * <pre>{@code
 * Optional<ParamModel> lambda = paramReader.read(parameterElement, paramMirror);
 * }</pre>
 *
 * <p>Bounds and the default are finally checked by building the real {@code ParamDescriptor}, so the processor and
 * the runtime accept exactly the same values.
 */
final class ParamReader {
    private final Annotations annotations;
    private final ErrorReporter reporter;

    ParamReader(Annotations annotations, ErrorReporter reporter) {
        this.annotations = annotations;
        this.reporter = reporter;
    }

    /** The model of {@code parameter}, or empty after reporting why it is invalid. */
    Optional<ParamModel> read(VariableElement parameter, AnnotationMirror param) {
        String javaName = parameter.getSimpleName().toString();
        TypeMirror type = parameter.asType();
        Optional<ParamType> paramType = paramType(type);
        if (paramType.isEmpty()) {
            reporter.error(Messages.unsupportedParamType(javaName, type.toString()), parameter, param);
            return Optional.empty();
        }
        int errorsBefore = reporter.errorCount();
        String specName = specName(parameter, param, javaName);

        double min = (Double) annotations.value(param, "min").getValue();
        double max = (Double) annotations.value(param, "max").getValue();
        boolean exclusiveMin = (Boolean) annotations.value(param, "exclusiveMin").getValue();
        boolean exclusiveMax = (Boolean) annotations.value(param, "exclusiveMax").getValue();
        AnnotationValue boundValue = firstWritten(param, "min", "max", "exclusiveMin", "exclusiveMax");
        if (!paramType.get().isNumeric() && boundValue != null) {
            reporter.error(Messages.boundsOnNonNumeric(specName, article(paramType.get(), type)), parameter, param,
                    boundValue);
        } else if (Double.isNaN(min) || Double.isNaN(max)) {
            reporter.error(Messages.boundIsNaN(specName), parameter, param, boundValue);
        } else if (min > max) {
            reporter.error(Messages.boundsCrossed(specName, format(min), format(max)), parameter, param,
                    Annotations.written(param, "min"));
        }

        String defaultValue = (String) annotations.value(param, "defaultValue").getValue();
        ParamModel.Builder model = ParamModel.builder(specName, javaName, paramType.get())
                .defaultValue(Param.REQUIRED.equals(defaultValue) ? null : defaultValue)
                .description((String) annotations.value(param, "description").getValue());
        if (paramType.get().isNumeric()) {
            // Only a written bound is declared: @Param(max = Double.POSITIVE_INFINITY) makes Infinity a valid value.
            if (firstWritten(param, "min", "exclusiveMin") != null) {
                model.min(min, exclusiveMin);
            }
            if (firstWritten(param, "max", "exclusiveMax") != null) {
                model.max(max, exclusiveMax);
            }
        }
        Optional<TypeElement> enumType = SourceTypes.asEnum(type);
        if (enumType.isPresent()) {
            List<String> constants = SourceTypes.enumConstants(enumType.get());
            if (SourceTypes.privateScope(enumType.get()).isPresent()) {
                reporter.error(Messages.privateEnum(specName, SourceTypes.display(type)), parameter, param);
            } else if (constants.isEmpty()) {
                reporter.error(Messages.enumWithoutConstants(specName, SourceTypes.display(type)), parameter, param);
            }
            model.enumeration(SourceTypes.qualifiedName(enumType.get()), constants);
        }
        if (reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        try {
            return Optional.of(model.build());
        } catch (IllegalArgumentException e) {
            reporter.error(Messages.invalidDefault(specName, e.getMessage()), parameter, param,
                    Annotations.written(param, "defaultValue"));
            return Optional.empty();
        }
    }

    /** The written name or the Java name in lower_snake_case, reported if invalid or reserved. */
    private String specName(VariableElement parameter, AnnotationMirror param, String javaName) {
        String written = (String) annotations.value(param, "name").getValue();
        String name = written.isEmpty() ? JavaNames.fromJavaName(javaName) : written;
        AnnotationValue where = Annotations.written(param, "name");
        if (!SpecNames.isValidName(name)) {
            reporter.error(Messages.invalidParamName(name, JavaNames.toSnakeCase(name)), parameter, param, where);
        } else if (SpecNames.isReservedKey(name)) {
            reporter.error(Messages.reservedParamName(name), parameter, param, where);
        }
        return name;
    }

    private static Optional<ParamType> paramType(TypeMirror type) {
        switch (type.getKind()) {
            case DOUBLE:
                return Optional.of(ParamType.DOUBLE);
            case INT:
                return Optional.of(ParamType.INT);
            case LONG:
                return Optional.of(ParamType.LONG);
            case BOOLEAN:
                return Optional.of(ParamType.BOOLEAN);
            default:
                if (SourceTypes.isString(type)) {
                    return Optional.of(ParamType.STRING);
                }
                return SourceTypes.asEnum(type).map(e -> ParamType.ENUM);
        }
    }

    private static AnnotationValue firstWritten(AnnotationMirror param, String... members) {
        for (String m : members) {
            AnnotationValue v = Annotations.written(param, m);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String article(ParamType type, TypeMirror mirror) {
        switch (type) {
            case BOOLEAN:
                return "a boolean";
            case STRING:
                return "a String";
            default:
                return "an enum (" + SourceTypes.display(mirror) + ")";
        }
    }

    /** A bound as people write it: {@code 0}, {@code 1.5}. */
    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
