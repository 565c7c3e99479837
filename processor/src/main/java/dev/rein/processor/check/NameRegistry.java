package dev.rein.processor.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The regularizer names and aliases claimed so far in this compilation, across rounds.
 *
 * <pre>{@code
 * registry.claim("l2", "com.example.L2");      // Optional.empty(): now taken
 * registry.claim("l2", "com.example.Ridge");   // Optional.of("com.example.L2")
 * }</pre>
 */
public final class NameRegistry {
    private final Map<String, String> owners = new HashMap<>();

    /** Claims {@code name} for {@code owner}, or returns the class that already holds it. */
    public Optional<String> claim(String name, String owner) {
        String previous = owners.putIfAbsent(name, owner);
        return Optional.ofNullable(previous);
    }
}
