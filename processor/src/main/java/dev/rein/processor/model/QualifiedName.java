package dev.rein.processor.model;

import java.util.List;
import java.util.Objects;

/**
 * The name of a class as a package plus the simple names from the outermost class inward, without any javac
 * type behind it.
 *
 * <pre>{@code
 * QualifiedName n = QualifiedName.of("com.example", "Outer", "Inner");
 * n.canonicalName();   // "com.example.Outer.Inner"   (as written in source)
 * n.binaryName();      // "com.example.Outer$Inner"   (as Class.forName wants it)
 * n.flatName();        // "Outer_Inner"               (the stem of generated class names)
 * }</pre>
 */
public final class QualifiedName {
    private final String packageName;
    private final List<String> simpleNames;

    private QualifiedName(String packageName, List<String> simpleNames) {
        this.packageName = Objects.requireNonNull(packageName, "packageName");
        this.simpleNames = List.copyOf(simpleNames);
        if (this.simpleNames.isEmpty()) {
            throw new IllegalArgumentException("A class name needs at least one simple name");
        }
    }

    /** {@code packageName} is empty for the unnamed package. */
    public static QualifiedName of(String packageName, String outermost, String... nested) {
        List<String> names = new java.util.ArrayList<>();
        names.add(outermost);
        names.addAll(List.of(nested));
        return new QualifiedName(packageName, names);
    }

    /** {@code packageName} is empty for the unnamed package. */
    public static QualifiedName of(String packageName, List<String> simpleNames) {
        return new QualifiedName(packageName, simpleNames);
    }

    public String packageName() {
        return packageName;
    }

    /** From the outermost class inward. */
    public List<String> simpleNames() {
        return simpleNames;
    }

    /** The innermost simple name, e.g. {@code "Inner"}. */
    public String simpleName() {
        return simpleNames.get(simpleNames.size() - 1);
    }

    public String canonicalName() {
        return prefix() + String.join(".", simpleNames);
    }

    public String binaryName() {
        return prefix() + String.join("$", simpleNames);
    }

    /** The simple names joined by {@code _}: {@code Outer.Inner} gives {@code "Outer_Inner"}. */
    public String flatName() {
        return String.join("_", simpleNames);
    }

    /** A top-level class in the same package, named {@code flatName() + suffix}. */
    public QualifiedName sibling(String suffix) {
        return new QualifiedName(packageName, List.of(flatName() + suffix));
    }

    private String prefix() {
        return packageName.isEmpty() ? "" : packageName + ".";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QualifiedName
                && ((QualifiedName) o).packageName.equals(packageName)
                && ((QualifiedName) o).simpleNames.equals(simpleNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(packageName, simpleNames);
    }

    @Override
    public String toString() {
        return canonicalName();
    }
}
