package org.gongwen.conformance.packages;

import java.util.List;
import java.util.Map;
import org.gongwen.internal.json.Json;

/**
 * The small part of JSON (RFC 8259) the vector index uses: objects, arrays, strings, integers,
 * {@code true}, {@code false} and {@code null}. Parsing (the SDK's strict reader) refuses
 * duplicate keys and trailing text, and this class refuses fractions, so that an index means one
 * thing only. Writing ({@link #quote}) serves the layout of the committed index.
 */
final class IndexJson {
    private IndexJson() {
    }

    /**
     * Parses a JSON text into maps (insertion ordered), lists, strings, longs, booleans and null,
     * with the SDK's strict reader, and refuses fractions and exponents anywhere in it.
     *
     * @throws IllegalArgumentException with the position, if the text is not such JSON
     */
    static Object parse(String text) {
        Object v = Json.parse(text);
        requireIntegers(v);
        return v;
    }

    private static void requireIntegers(Object v) {
        if (v instanceof Double) {
            throw new IllegalArgumentException("JSON: only integers are used in the index, found " + v);
        }
        if (v instanceof Map<?, ?> m) {
            m.values().forEach(IndexJson::requireIntegers);
        } else if (v instanceof List<?> l) {
            l.forEach(IndexJson::requireIntegers);
        }
    }

    /** The JSON string literal of {@code v}, quotes included. */
    static String quote(String v) {
        StringBuilder b = new StringBuilder(v.length() + 2).append('"');
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
