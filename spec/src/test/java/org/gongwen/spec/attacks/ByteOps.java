package org.gongwen.spec.attacks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Operators on the package bytes after the entries are written: append, insert, truncate,
 * patch and replace. Positions are an anchor plus an offset. Anchors: {@code start}; {@code local:N} the
 * N-th local header; {@code central} or {@code central:N} the (N-th) central directory header;
 * {@code end} the end of central directory record; {@code eof} the end of the file. They are
 * found by reading the end record and walking the central directory.
 */
final class ByteOps {
    private static final int EOCD_SIG = 0x06054b50;

    private ByteOps() {
    }

    static List<Operator> operators() {
        return List.of(
                Operator.of("bytes-append", Set.of(), Set.of("hex", "text"), (s, a) -> {
                    byte[] b = s.bytes();
                    byte[] tail = data(a);
                    byte[] out = Arrays.copyOf(b, b.length + tail.length);
                    System.arraycopy(tail, 0, out, b.length, tail.length);
                    s.bytes(out);
                }),
                Operator.of("bytes-insert", Set.of("anchor"), Set.of("offset", "hex", "text"), (s, a) -> {
                    byte[] b = s.bytes();
                    byte[] ins = data(a);
                    int at = position(b, a);
                    byte[] out = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(ins, 0, out, at, ins.length);
                    System.arraycopy(b, at, out, at + ins.length, b.length - at);
                    s.bytes(out);
                }),
                Operator.of("bytes-truncate", Set.of("anchor"), Set.of("offset"), (s, a) -> {
                    byte[] b = s.bytes();
                    s.bytes(Arrays.copyOf(b, position(b, a)));
                }),
                Operator.of("bytes-patch", Set.of("anchor", "hex"), Set.of("offset"), (s, a) -> {
                    byte[] b = s.bytes().clone();
                    byte[] patch = HexFormat.of().parseHex(a.string("hex"));
                    int at = position(b, a);
                    if (at + patch.length > b.length) {
                        throw new IllegalArgumentException("bytes-patch past the end of the file");
                    }
                    System.arraycopy(patch, 0, b, at, patch.length);
                    s.bytes(b);
                }),
                Operator.of("bytes-set", Set.of(), Set.of("hex", "text"), (s, a) -> s.bytes(data(a))));
    }

    private static byte[] data(Args a) {
        if (a.has("hex") == a.has("text")) {
            throw new IllegalArgumentException("give exactly one of \"hex\" and \"text\"");
        }
        return a.has("hex") ? HexFormat.of().parseHex(a.string("hex")) : a.string("text").getBytes(StandardCharsets.UTF_8);
    }

    private static int position(byte[] b, Args a) {
        int at = anchor(b, a.string("anchor")) + (int) a.integer("offset", 0);
        if (at < 0 || at > b.length) {
            throw new IllegalArgumentException("position " + at + " is outside the file of " + b.length + " bytes");
        }
        return at;
    }

    private static int anchor(byte[] b, String anchor) {
        String[] p = anchor.split(":", 2);
        int n = p.length == 2 ? Integer.parseInt(p[1]) : 0;
        switch (p[0]) {
            case "start":
                return 0;
            case "eof":
                return b.length;
            case "end":
                return endRecord(b);
            case "central":
                return central(b, n);
            case "local":
                return u32(b, central(b, n) + 42);
            default:
                throw new IllegalArgumentException("unknown anchor '" + anchor + "'");
        }
    }

    private static int endRecord(byte[] b) {
        for (int i = b.length - 22; i >= 0; i--) {
            if (u32(b, i) == EOCD_SIG) {
                return i;
            }
        }
        throw new IllegalArgumentException("no end of central directory record");
    }

    private static int central(byte[] b, int n) {
        int eocd = endRecord(b);
        int count = u16(b, eocd + 10);
        if (n >= count) {
            throw new IllegalArgumentException("central directory has " + count + " entries; no entry " + n);
        }
        int at = u32(b, eocd + 16);
        for (int i = 0; i < n; i++) {
            at += 46 + u16(b, at + 28) + u16(b, at + 30) + u16(b, at + 32);
        }
        return at;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int u32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
