package dev.rein.samples.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line's JSON, written and read with Jackson: maps, lists, numbers, strings, booleans and {@code null},
 * nested as deep as needed ({@code rein sweep --json} writes a list of trials inside an object).
 *
 * <pre>{@code
 * Json.object(Map.of("spec", "l2", "test_accuracy", 0.91))   // {"spec":"l2","test_accuracy":0.91}
 * Json.object(Map.of("trials", List.of(Map.of("trial", 0)))) // {"trials":[{"trial":0}]}
 * Json.read("{\"a\":[1,2]}").get("a").get(1).asInt()        // 2
 * }</pre>
 *
 * <p>A NaN or infinite number is written as {@code null} (JSON has no such numbers); keys keep the map's iteration
 * order.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** The object on one line, keys in the map's iteration order. Non-finite numbers are written as {@code null}. */
    public static String object(Map<String, ?> fields) {
        try {
            return MAPPER.writeValueAsString(finite(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON for " + fields.keySet() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one JSON value.
     *
     * @throws UserInputException if {@code text} is not JSON, quoting where Jackson stopped
     */
    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserInputException("Not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").", e);
        }
    }

    /** A copy of {@code value} in which every NaN or infinite number, however deep, is {@code null}. */
    private static Object finite(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (value instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, finite(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(finite(v)));
            return out;
        }
        return value;
    }
}
