package org.gongwen.bench.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The {@code --name value} options of a benchmark main, checked against the names it knows. */
final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options() {
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException for an unknown option or one without a value
     */
    static Options parse(String[] args, Set<String> known) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !known.contains(a.substring(2))) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            o.values.put(a.substring(2), args[++i]);
        }
        return o;
    }

    /** The text of an option, or the default. */
    String text(String name, String def) {
        return values.getOrDefault(name, def);
    }

    /** An integer option within bounds. */
    int integer(String name, int def, int min, int max) {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number: " + v);
        }
    }

    /** A comma-separated list option, each item mapped (the mapper throws IllegalArgumentException for a bad item). */
    <T> List<T> list(String name, String def, Function<String, T> item) {
        List<T> out = new ArrayList<>();
        for (String s : text(name, def).split(",")) {
            if (!s.isBlank()) {
                out.add(item.apply(s.trim()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " needs at least one value");
        }
        return List.copyOf(out);
    }
}
