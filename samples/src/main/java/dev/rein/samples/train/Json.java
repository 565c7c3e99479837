package dev.rein.samples.train;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes a flat JSON object from a map whose values are numbers, strings, booleans or {@code null}; enough for
 * {@code rein train --json} without a JSON library.
 *
 * <pre>{@code
 * Json.object(Map.of("spec", "l2", "test_accuracy", 0.91))   // {"spec":"l2","test_accuracy":0.91}
 * }</pre>
 */
public final class Json {
    private Json() {
    }

    /** The object, keys in the map's iteration order. Non-finite numbers are written as {@code null}. */
    public static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        Iterator<? extends Map.Entry<String, ?>> it = fields.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ?> e = it.next();
            string(out, e.getKey());
            out.append(':');
            value(out, e.getValue());
            if (it.hasNext()) {
                out.append(',');
            }
        }
        return out.append('}').toString();
    }

    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            out.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else {
            string(out, v.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
