package dev.rein.api.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parsed, checked and defaulted parameter values a provider builds a regularizer from. Values have the Java
 * type of their {@link ParamType}: {@code Double}, {@code Integer}, {@code Long}, {@code Boolean}, {@code String},
 * and for enums the constant's name.
 *
 * <pre>{@code
 * Arguments args = Arguments.of(Map.of("lambda", 0.5, "l1_ratio", 0.15));
 * double lambda = args.getDouble("lambda");
 * Metric m = args.getEnum("metric", Metric.class);
 * }</pre>
 *
 * <p>Rein's runtime builds these from a spec with every parameter present; a getter for a name that is absent
 * or of another type fails with a message naming it, which points at a bug in a hand-written provider.
 */
public final class Arguments {
    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Copies {@code values}, keeping their iteration order. */
    public static Arguments of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
        return new Arguments(copy);
    }

    /** All values by name, in the order given. */
    public Map<String, Object> asMap() {
        return values;
    }

    public double getDouble(String name) {
        Object v = get(name);
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        throw wrongType(name, "a number", v);
    }

    public int getInt(String name) {
        Object v = get(name);
        if (v instanceof Integer) {
            return (Integer) v;
        }
        throw wrongType(name, "an int", v);
    }

    public long getLong(String name) {
        Object v = get(name);
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        throw wrongType(name, "a long", v);
    }

    public boolean getBoolean(String name) {
        Object v = get(name);
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        throw wrongType(name, "a boolean", v);
    }

    public String getString(String name) {
        Object v = get(name);
        if (v instanceof String) {
            return (String) v;
        }
        throw wrongType(name, "text", v);
    }

    /** The enum constant named by the value, matched case-insensitively. */
    public <E extends Enum<E>> E getEnum(String name, Class<E> type) {
        Object v = get(name);
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof String) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase((String) v)) {
                    return constant;
                }
            }
        }
        throw wrongType(name, "a constant of " + type.getSimpleName(), v);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("No argument '" + name + "'; present: " + values.keySet());
        }
        return v;
    }

    private static IllegalArgumentException wrongType(String name, String expected, Object actual) {
        return new IllegalArgumentException("Argument '" + name + "' is " + actual + " ("
                + actual.getClass().getSimpleName() + "), not " + expected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arguments && ((Arguments) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
