package dev.rein.processor.check;

import dev.rein.processor.model.QualifiedName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Small conversions from javac's view of types to what messages and the model need.
 *
 * <pre>{@code
 * SourceTypes.qualifiedName(innerElement);    // QualifiedName "com.example.Outer.Inner"
 * SourceTypes.declaration(parameter);         // "double lambda"
 * SourceTypes.signature("gradient", List.of("double w", "double lambda"));
 *                                             // "static double gradient(double w, double lambda)"
 * }</pre>
 */
public final class SourceTypes {
    private SourceTypes() {
    }

    public static QualifiedName qualifiedName(TypeElement type) {
        Deque<String> names = new ArrayDeque<>();
        Element e = type;
        while (e instanceof TypeElement) {
            names.addFirst(e.getSimpleName().toString());
            e = e.getEnclosingElement();
        }
        while (e != null && !(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        String pkg = e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
        return QualifiedName.of(pkg, new ArrayList<>(names));
    }

    /** How a type is written in a message: primitives as such, classes by simple name. */
    public static String display(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED) {
            return ((DeclaredType) type).asElement().getSimpleName().toString();
        }
        return type.toString();
    }

    /** {@code "double lambda"}. */
    public static String declaration(VariableElement parameter) {
        return display(parameter.asType()) + " " + parameter.getSimpleName();
    }

    /** {@code "static double name(p1, p2)"}. */
    public static String signature(String method, List<String> parameters) {
        return "static double " + method + "(" + String.join(", ", parameters) + ")";
    }

    /** The enum class of {@code type}, if it is one. */
    public static Optional<TypeElement> asEnum(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED) {
            Element e = ((DeclaredType) type).asElement();
            if (e.getKind() == ElementKind.ENUM) {
                return Optional.of((TypeElement) e);
            }
        }
        return Optional.empty();
    }

    public static boolean isString(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.String");
    }

    /** The enum's constants in declaration order. */
    public static List<String> enumConstants(TypeElement enumType) {
        List<String> out = new ArrayList<>();
        for (Element e : enumType.getEnclosedElements()) {
            if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                out.add(e.getSimpleName().toString());
            }
        }
        return out;
    }

    /** The innermost of {@code type} and the classes around it that is private, if any. */
    public static Optional<TypeElement> privateScope(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return Optional.of((TypeElement) e);
            }
        }
        return Optional.empty();
    }

    /** {@code "method 'f'"} or {@code "the constructor of Foo"}, for messages about an executable. */
    public static String describe(ExecutableElement executable) {
        return executable.getKind() == ElementKind.CONSTRUCTOR
                ? "the constructor of " + executable.getEnclosingElement().getSimpleName()
                : "method '" + executable.getSimpleName() + "'";
    }
}
