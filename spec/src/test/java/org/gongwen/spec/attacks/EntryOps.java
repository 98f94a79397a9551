package org.gongwen.spec.attacks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import org.gongwen.internal.pkg.RawPackage;

/**
 * Operators on the ZIP entries, written back in the fixed layout unless a header field is
 * changed on purpose: rename, remove, duplicate, move, add, change a byte, append bytes, set
 * header fields, deflate. Entries are named by name or by index (0 is envelope.xml; negative
 * indexes count from the end).
 */
final class EntryOps {
    private EntryOps() {
    }

    static List<Operator> operators() {
        return List.of(
                Operator.of("entry-rename", Set.of("entry", "to"), Set.of(), (s, a) -> entry(s, a).name = a.string("to")),
                Operator.of("entry-remove", Set.of("entry"), Set.of(), (s, a) -> s.pkg().entries.remove(index(s, a.entry("entry")))),
                Operator.of("entry-duplicate", Set.of("entry"), Set.of("at"), (s, a) -> {
                    int i = index(s, a.entry("entry"));
                    RawPackage.Entry copy = s.pkg().entries.get(i).copy();
                    s.pkg().entries.add(position(s, a, "at", i + 1), copy);
                }),
                Operator.of("entry-move", Set.of("entry", "to"), Set.of(), (s, a) -> {
                    RawPackage.Entry e = s.pkg().entries.remove(index(s, a.entry("entry")));
                    s.pkg().entries.add(position(s, a, "to", 0), e);
                }),
                Operator.of("entry-add", Set.of("name"), Set.of("text", "at"), (s, a) -> {
                    byte[] data = a.string("text", "an entry that no manifest lists\n").getBytes(StandardCharsets.UTF_8);
                    s.pkg().entries.add(position(s, a, "at", s.pkg().entries.size()), new RawPackage.Entry(a.string("name"), data));
                }),
                Operator.of("entry-flip-byte", Set.of("entry"), Set.of("offset"), (s, a) -> {
                    RawPackage.Entry e = entry(s, a);
                    int at = (int) a.integer("offset", e.data.length / 2);
                    e.data = e.data.clone();
                    e.data[at] ^= 0x01;
                }),
                Operator.of("entry-append", Set.of("entry", "count"), Set.of(), (s, a) -> {
                    RawPackage.Entry e = entry(s, a);
                    e.data = Arrays.copyOf(e.data, e.data.length + (int) a.integer("count"));
                }),
                Operator.of("entry-header", Set.of("entry"), Set.of("method", "flags", "orFlags", "declaredSize"), (s, a) -> {
                    RawPackage.Entry e = entry(s, a);
                    e.method = (int) a.integer("method", e.method);
                    e.flags = (int) a.integer("flags", e.flags) | (int) a.integer("orFlags", 0);
                    if (a.has("declaredSize")) {
                        e.declaredSize = a.integer("declaredSize");
                    }
                }),
                Operator.of("entry-deflate", Set.of("entry"), Set.of("zeros"), EntryOps::deflate));
    }

    /**
     * Stores the entry DEFLATE-compressed (method 8); with {@code zeros} its content is first
     * replaced by that many zero bytes, which compress about a thousand to one.
     */
    private static void deflate(Subject s, Args a) {
        RawPackage.Entry e = entry(s, a);
        if (a.has("zeros")) {
            e.data = new byte[Math.toIntExact(a.integer("zeros"))];
        }
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(e.data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        e.rawData = out.toByteArray();
        e.method = 8;
    }

    private static RawPackage.Entry entry(Subject s, Args a) {
        return s.pkg().entries.get(index(s, a.entry("entry")));
    }

    private static int index(Subject s, Object ref) {
        List<RawPackage.Entry> l = s.pkg().entries;
        if (ref instanceof Long) {
            int i = Math.toIntExact((Long) ref);
            int at = i < 0 ? l.size() + i : i;
            if (at < 0 || at >= l.size()) {
                throw new IllegalArgumentException("no entry at index " + i + " (the package has " + l.size() + ")");
            }
            return at;
        }
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).name.equals(ref)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no entry named '" + ref + "'");
    }

    private static int position(Subject s, Args a, String key, int def) {
        if (!a.has(key)) {
            return def;
        }
        int size = s.pkg().entries.size();
        int i = (int) a.integer(key);
        int at = i < 0 ? size + 1 + i : i;
        if (at < 0 || at > size) {
            throw new IllegalArgumentException("position " + i + " is outside the package");
        }
        return at;
    }
}
