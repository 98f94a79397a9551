package org.gongwen.bench.exchange;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one line a child JVM of the large run prints for its parent: {@code RESULT key=value ...}
 * (values without spaces).
 */
final class ResultLine {
    static final String PREFIX = "RESULT ";

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Adds a value. */
    ResultLine put(String key, Object value) {
        String v = value instanceof Double ? String.format(Locale.ROOT, "%.4f", (Double) value) : String.valueOf(value);
        if (v.isEmpty() || v.contains(" ") || key.contains("=") || key.contains(" ")) {
            throw new IllegalArgumentException("a result value has no spaces: " + key + "=" + v);
        }
        values.put(key, v);
        return this;
    }

    /** Adds the heap figures of the JVM under {@code heap.*}. */
    ResultLine heap(HeapWatch.Figures f) {
        return put("heap.max", f.maxHeap()).put("heap.peak", f.peakUsed()).put("heap.live", f.maxLiveAfterGc()).put("heap.gcs", f.collections());
    }

    /** The line. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(PREFIX);
        values.forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        return b.toString().trim();
    }

    /** Parses a line, if it is one. */
    static Optional<Map<String, String>> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : line.substring(PREFIX.length()).trim().split(" +")) {
            int i = kv.indexOf('=');
            if (i > 0) {
                m.put(kv.substring(0, i), kv.substring(i + 1));
            }
        }
        return Optional.of(m);
    }
}
