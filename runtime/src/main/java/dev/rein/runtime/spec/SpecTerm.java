package dev.rein.runtime.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One term of a spec: a regularizer name and its arguments, as written.
 *
 * <pre>{@code
 * SpecTerm t = SpecParser.parse("l2 + max_norm(c=3)").terms().get(1);
 * t.name();                 // "max_norm"
 * t.column();               // 6
 * t.argument("c").get();    // c=3
 * t.toString();             // "max_norm(c=3)"
 * SpecTerm.of("dropout", SpecArgument.of("p", "0.2"));   // built in code (column 0)
 * }</pre>
 *
 * <p>The column (1-based, 0 when built in code) is not part of equality.
 *
 * @param name      the regularizer name or alias
 * @param arguments the arguments in the order written
 * @param column    where the name starts
 */
public record SpecTerm(String name, List<SpecArgument> arguments, int column) {
    public SpecTerm {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    /** A term built in code, with no column. */
    public static SpecTerm of(String name, SpecArgument... arguments) {
        return new SpecTerm(name, List.of(arguments), 0);
    }

    /** The argument with key {@code key}, if given. */
    public Optional<SpecArgument> argument(String key) {
        return arguments.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecTerm t && t.name.equals(name) && t.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, arguments);
    }

    /** {@code name(key=value, ...)}, or just {@code name} without arguments. */
    @Override
    public String toString() {
        return arguments.isEmpty() ? name
                : arguments.stream().map(SpecArgument::toString).collect(Collectors.joining(", ", name + "(", ")"));
    }
}
