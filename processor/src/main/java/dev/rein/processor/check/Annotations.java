package dev.rein.processor.check;

import dev.rein.api.ClosedForm;
import dev.rein.api.Gradient;
import dev.rein.api.Param;
import dev.rein.api.Penalty;
import dev.rein.api.Proximal;
import dev.rein.api.Regularizer;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads Rein's annotations as javac mirrors, so that a diagnostic can point at the annotation or at one of its
 * values.
 *
 * <pre>{@code
 * Optional<AnnotationMirror> p = Annotations.find(parameter, Annotations.PARAM);
 * String text = (String) annotations.value(p.get(), "defaultValue").getValue();
 * }</pre>
 */
public final class Annotations {
    public static final String REGULARIZER = Regularizer.class.getCanonicalName();
    public static final String PENALTY = Penalty.class.getCanonicalName();
    public static final String GRADIENT = Gradient.class.getCanonicalName();
    public static final String PROXIMAL = Proximal.class.getCanonicalName();
    public static final String CLOSED_FORM = ClosedForm.class.getCanonicalName();
    public static final String PARAM = Param.class.getCanonicalName();

    private final Elements elements;

    public Annotations(Elements elements) {
        this.elements = elements;
    }

    /** The annotation named {@code annotationName} (canonical name) on {@code element}, if present. */
    public static Optional<AnnotationMirror> find(Element element, String annotationName) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) m.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(annotationName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public static boolean has(Element element, String annotationName) {
        return find(element, annotationName).isPresent();
    }

    /** The simple name for messages, e.g. {@code "Penalty"} for {@link #PENALTY}. */
    public static String simpleName(String annotationName) {
        return annotationName.substring(annotationName.lastIndexOf('.') + 1);
    }

    /** The value of {@code member}, its default if not written. */
    public AnnotationValue value(AnnotationMirror annotation, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(annotation).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("No member " + member + " in " + annotation);
    }

    /** The value of {@code member} only if the source writes it: where a diagnostic about it should point. */
    public static AnnotationValue written(AnnotationMirror annotation, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : annotation.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue();
            }
        }
        return null;
    }
}
