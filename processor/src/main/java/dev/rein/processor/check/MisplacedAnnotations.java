package dev.rein.processor.check;

import dev.rein.processor.model.JavaNames;
import java.util.List;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reports Rein annotations that sit where they have no effect: {@code @Penalty}, {@code @Gradient},
 * {@code @Proximal} or {@code @ClosedForm} in a class without {@code @Regularizer}, and {@code @Param} anywhere but on a {@code @Penalty}
 * method or a {@code @Regularizer} class's constructor.
 *
 * <pre>{@code
 * new MisplacedAnnotations(elements, reporter).check(roundEnvironment);
 * }</pre>
 */
public final class MisplacedAnnotations {
    private static final List<String> METHOD_ANNOTATIONS =
            List.of(Annotations.PENALTY, Annotations.GRADIENT, Annotations.PROXIMAL, Annotations.CLOSED_FORM);

    private final Elements elements;
    private final ErrorReporter reporter;

    public MisplacedAnnotations(Elements elements, ErrorReporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    public void check(RoundEnvironment round) {
        for (String annotation : METHOD_ANNOTATIONS) {
            TypeElement type = elements.getTypeElement(annotation);
            if (type == null) {
                continue;
            }
            for (Element method : round.getElementsAnnotatedWith(type)) {
                Element owner = method.getEnclosingElement();
                if (!Annotations.has(owner, Annotations.REGULARIZER)) {
                    reporter.error(Messages.misplacedMethodAnnotation(Annotations.simpleName(annotation),
                                    method.getSimpleName().toString(), qualifiedName(owner),
                                    JavaNames.toSnakeCase(owner.getSimpleName().toString())),
                            method, Annotations.find(method, annotation).orElseThrow());
                }
            }
        }
        TypeElement param = elements.getTypeElement(Annotations.PARAM);
        if (param == null) {
            return;
        }
        for (Element parameter : round.getElementsAnnotatedWith(param)) {
            Element executable = parameter.getEnclosingElement();
            if (!(executable instanceof ExecutableElement) || isRegularizerParameterList(executable)) {
                continue;
            }
            reporter.error(Messages.misplacedParam(parameter.getSimpleName().toString(),
                            SourceTypes.describe((ExecutableElement) executable)),
                    parameter, Annotations.find(parameter, Annotations.PARAM).orElseThrow());
        }
    }

    private static boolean isRegularizerParameterList(Element executable) {
        if (executable.getKind() == ElementKind.CONSTRUCTOR) {
            return Annotations.has(executable.getEnclosingElement(), Annotations.REGULARIZER);
        }
        // A @Penalty method outside a @Regularizer class is reported once, for @Penalty.
        return Annotations.has(executable, Annotations.PENALTY);
    }

    private static String qualifiedName(Element e) {
        return e instanceof TypeElement ? ((TypeElement) e).getQualifiedName().toString() : e.toString();
    }
}
