package dev.rein.processor.check;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds types a {@code @Regularizer} class mentions that javac cannot resolve yet, typically because another
 * processor generates them in a later round. Such a class is checked only once they exist.
 *
 * <pre>{@code
 * Optional<String> missing = UnresolvedTypes.firstIn(type);   // e.g. Optional.of("GeneratedMode")
 * }</pre>
 */
public final class UnresolvedTypes {
    private UnresolvedTypes() {
    }

    /** The first unresolved type among the supertypes and the method and constructor signatures of {@code type}. */
    public static Optional<String> firstIn(TypeElement type) {
        for (TypeElement t = type; t != null; t = superclass(t)) {
            if (t.getSuperclass().getKind() == TypeKind.ERROR) {
                return Optional.of(t.getSuperclass().toString());
            }
            for (TypeMirror i : t.getInterfaces()) {
                if (i.getKind() == TypeKind.ERROR) {
                    return Optional.of(i.toString());
                }
            }
        }
        for (Element e : type.getEnclosedElements()) {
            if (e instanceof ExecutableElement) {
                ExecutableElement executable = (ExecutableElement) e;
                if (executable.getReturnType().getKind() == TypeKind.ERROR) {
                    return Optional.of(executable.getReturnType().toString());
                }
                for (VariableElement p : executable.getParameters()) {
                    if (p.asType().getKind() == TypeKind.ERROR) {
                        return Optional.of(p.asType().toString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static TypeElement superclass(TypeElement type) {
        TypeMirror s = type.getSuperclass();
        return s.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) s).asElement() : null;
    }
}
