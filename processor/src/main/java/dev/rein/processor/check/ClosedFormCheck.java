package dev.rein.processor.check;

import dev.rein.api.hook.ElasticCoefficients;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @ClosedForm} method against its class's {@code @Penalty}: it must be
 * {@code static ElasticCoefficients name(params...)}, not private, with the penalty's parameters after the weight,
 * by name and type and in order. Each broken rule is a javac error on the method or the parameter at fault.
 *
 * <pre>{@code
 * // For  @Penalty static double penalty(double w, @Param(...) double lambda)
 * new ClosedFormCheck(elements, types, reporter).check(closedFormMethod, penaltyMethod, List.of(lambdaElement));
 * // accepts  @ClosedForm static ElasticCoefficients closedForm(double lambda)
 * // rejects  @ClosedForm static ElasticCoefficients closedForm(double w, double lambda)
 * }</pre>
 */
final class ClosedFormCheck {
    private static final String SIMPLE = Annotations.simpleName(Annotations.CLOSED_FORM);
    private static final String RETURNS = ElasticCoefficients.class.getSimpleName();

    private final Elements elements;
    private final Types types;
    private final ErrorReporter reporter;

    ClosedFormCheck(Elements elements, Types types, ErrorReporter reporter) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
    }

    /**
     * Reports what is wrong with {@code method}, given the {@code penalty} method and its parameters after the
     * weight; returns whether nothing was.
     */
    boolean check(ExecutableElement method, ExecutableElement penalty, List<VariableElement> penaltyParams) {
        int errorsBefore = reporter.errorCount();
        String name = method.getSimpleName().toString();
        AnnotationMirror mirror = Annotations.find(method, Annotations.CLOSED_FORM).orElseThrow();
        List<String> expected = new ArrayList<>();
        penaltyParams.forEach(p -> expected.add(SourceTypes.declaration(p)));
        String signature = signature(name, expected);

        if (!method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(Messages.methodNotStatic(SIMPLE, name, signature), method, mirror);
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            reporter.error(Messages.methodPrivate(SIMPLE, name), method, mirror);
        }
        if (!returnsCoefficients(method.getReturnType())) {
            reporter.error(Messages.methodReturnType(SIMPLE, name, SourceTypes.display(method.getReturnType()),
                    signature), method, mirror);
        }

        List<? extends VariableElement> actual = method.getParameters();
        if (actual.size() == expected.size() + 1 && isWeight(actual.get(0), penalty)) {
            reporter.error(Messages.closedFormTakesWeight(name, SourceTypes.declaration(actual.get(0)), signature),
                    actual.get(0));
        } else if (actual.size() != expected.size()) {
            reporter.error(Messages.parameterCount(SIMPLE, name, actual.size(), signature), method, mirror);
        } else {
            for (int i = 0; i < penaltyParams.size(); i++) {
                VariableElement want = penaltyParams.get(i);
                VariableElement got = actual.get(i);
                if (!got.getSimpleName().contentEquals(want.getSimpleName())
                        || !types.isSameType(got.asType(), want.asType())) {
                    reporter.error(Messages.parameterMismatch(SIMPLE, name, SourceTypes.declaration(got),
                            SourceTypes.declaration(want)), got);
                }
            }
        }
        return reporter.errorCount() == errorsBefore;
    }

    private boolean returnsCoefficients(TypeMirror type) {
        TypeElement coefficients = elements.getTypeElement(ElasticCoefficients.class.getCanonicalName());
        return coefficients != null && type.getKind() == TypeKind.DECLARED
                && types.isSameType(type, coefficients.asType());
    }

    /** A {@code double} named like the penalty's weight parameter. */
    private static boolean isWeight(VariableElement parameter, ExecutableElement penalty) {
        List<? extends VariableElement> penaltyAll = penalty.getParameters();
        String weight = penaltyAll.isEmpty() ? "w" : penaltyAll.get(0).getSimpleName().toString();
        return parameter.asType().getKind() == TypeKind.DOUBLE && parameter.getSimpleName().contentEquals(weight);
    }

    /** {@code "static ElasticCoefficients name(double lambda)"}. */
    private static String signature(String method, List<String> parameters) {
        return "static " + RETURNS + " " + method + "(" + String.join(", ", parameters) + ")";
    }
}
