package dev.rein.processor.model;

import java.util.List;

/**
 * A gradient the processor derived from a penalty's body: the name of the weight parameter and the statements of
 * the method body, as Java source without semicolons.
 *
 * <pre>{@code
 * DerivedGradient g = DerivedGradient.of("w", List.of("double z = w / scale", "double dz = 1 / scale",
 *         "return lambda * (2 * z * dz / (1 + z * z))"));
 * g.statements().size();   // 3
 * }</pre>
 */
public record DerivedGradient(String weight, List<String> statements) {
    public DerivedGradient {
        statements = List.copyOf(statements);
        if (statements.isEmpty() || !statements.get(statements.size() - 1).startsWith("return ")) {
            throw new IllegalArgumentException("a derived gradient ends with a return: " + statements);
        }
    }

    public static DerivedGradient of(String weight, List<String> statements) {
        return new DerivedGradient(weight, statements);
    }
}
