package org.gongwen.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One change to a byte string, for "mutated input fails only with the declared error"
 * properties. Positions are fractions of the input length, so a mutation applies to any input
 * and shrinks well. Besides raw byte changes (flip, delete, insert, truncate, duplicate) there
 * are changes that keep XML well-formed more often, so that the schema, value and signature
 * checks behind the parser are reached too: a changed character in a text node, a changed
 * base64 character, a replaced text node or attribute value.
 */
public final class Mutation {
    /** What a mutation does. */
    public enum Kind { FLIP, DELETE, INSERT, TRUNCATE, DUPLICATE, TEXT_CHAR, BASE64_CHAR, TEXT_VALUE, ATTRIBUTE_VALUE }

    private static final List<String> INSERTS = List.of("<", ">", "&", ";", "\"", "'", "!", "?", "[", "]", "-", "=", " ",
            "<!--", "-->", "<!-- x -->", "<?pi x?>", "<![CDATA[", "]]>", "<![CDATA[x]]>", "&amp;", "&lt;", "&#0;", "&#x1F600;",
            "&#xFFFE;", "&e;", "<!DOCTYPE Envelope [<!ENTITY e \"x\">]>", "<x>", "</x>", "<x/>", " a=\"b\"",
            " xmlns:a=\"urn:a\"", " xmlns=\"\"", "xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/>",
            "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/>", "\u0000", "\u00C3\u0028", "\uFFFE", "\r\n", "中",
            "\uD83D\uDE00");
    private static final byte[][] RAW_INSERTS = {{(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    private static final String TEXT_CHARS = "0123456789abcdefABCDEFXYZ-:.TZ+/= \t\n<>&\"'中〔〕号";
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
    private static final List<String> VALUES = List.of("", " ", "0", "-1", "1.0", "2.0", "1.0 ", "99999999999999999999",
            "4294967296", "18446744073709551616", "NaN", "ROUTINE", "BODY", "DOCUMENT", "SECRET", "true", "2013-02-30",
            "2026-13-01", "9999-12-31T23:59:59.999Z", "0000-00-00T00:00:00Z", "00000000-0000-0000-0000-000000000000",
            "116104250162020100", "11610425016202010I", "咸政发〔2013〕012号", "AAAA", "====", "#x", "#xpointer(/)",
            "http://www.w3.org/2000/09/xmldsig#sha1", "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
            "http://www.w3.org/2000/09/xmldsig#hmac-sha1", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments", "http://www.w3.org/TR/1999/REC-xslt-19991116",
            "http://www.w3.org/TR/1999/REC-xpath-19991116", "urn:gongwen:xmldsig:sm3", "urn:gongwen:xmldsig:sm2-sm3",
            "http://www.w3.org/2001/04/xmlenc#sha256", " urn:gongwen:xmldsig:sm3 ", "application/pdf", "envelope.xml",
            "../x", "a/b");
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");
    private static final Pattern BASE64_TEXT = Pattern.compile(">([A-Za-z0-9+/=\\s]{16,})<");
    private static final Pattern ATTRIBUTE = Pattern.compile("=\"([^\"]*)\"");

    private final Kind kind;
    private final double a;
    private final double b;
    private final double c;
    private final int xor;
    private final String text;
    private final byte[] raw;

    private Mutation(Kind kind, double a, double b, double c, int xor, String text, byte[] raw) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.c = c;
        this.xor = xor;
        this.text = text;
        this.raw = raw;
    }

    /** Any mutation. */
    public static Arbitrary<Mutation> arbitrary() {
        // the kinds that keep XML well-formed more often are weighted up, to reach the checks behind the parser
        return of(Arbitraries.frequency(Tuple.of(2, Kind.FLIP), Tuple.of(1, Kind.DELETE), Tuple.of(2, Kind.INSERT),
                Tuple.of(1, Kind.TRUNCATE), Tuple.of(1, Kind.DUPLICATE), Tuple.of(3, Kind.TEXT_CHAR), Tuple.of(3, Kind.BASE64_CHAR),
                Tuple.of(2, Kind.TEXT_VALUE), Tuple.of(3, Kind.ATTRIBUTE_VALUE)));
    }

    /** Only the mutations that change text or attribute values, which often keep the XML well-formed. */
    public static Arbitrary<Mutation> inValues() {
        return of(Arbitraries.of(Kind.TEXT_CHAR, Kind.BASE64_CHAR, Kind.TEXT_VALUE, Kind.ATTRIBUTE_VALUE));
    }

    private static Arbitrary<Mutation> of(Arbitrary<Kind> kinds) {
        Arbitrary<Double> f = Arbitraries.doubles().between(0, 1).withSpecialValue(0.0).withSpecialValue(0.999_999);
        Arbitrary<Integer> xors = Arbitraries.integers().between(1, 255);
        Arbitrary<Object> texts = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(INSERTS)),
                Tuple.of(1, Arbitraries.of(RAW_INSERTS)),
                Tuple.of(2, Arbitraries.of(VALUES)),
                Tuple.of(3, Arbitraries.of(TEXT_CHARS.chars().mapToObj(ch -> String.valueOf((char) ch)).toArray(String[]::new))),
                Tuple.of(2, Arbitraries.of(BASE64.chars().mapToObj(ch -> String.valueOf((char) ch)).toArray(String[]::new))));
        return Combinators.combine(kinds, f, f, f, xors, texts).as((k, a, b, c, x, t) -> t instanceof byte[]
                ? new Mutation(k, a, b, c, x, null, (byte[]) t) : new Mutation(k, a, b, c, x, (String) t, null));
    }

    /** The changed bytes (a new array; the input is not touched). */
    public byte[] apply(byte[] in) {
        int n = in.length;
        switch (kind) {
            case FLIP: {
                if (n == 0) {
                    return in.clone();
                }
                byte[] out = in.clone();
                out[at(a, n)] ^= (byte) xor;
                return out;
            }
            case DELETE: {
                if (n == 0) {
                    return in.clone();
                }
                int from = at(a, n);
                int to = Math.min(n, from + 1 + (int) (b * 16));
                return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, n));
            }
            case INSERT: {
                int at = gap(a, n);
                return concat(Arrays.copyOfRange(in, 0, at), insertion(), Arrays.copyOfRange(in, at, n));
            }
            case TRUNCATE:
                return Arrays.copyOfRange(in, 0, n == 0 ? 0 : at(a, n));
            case DUPLICATE: {
                if (n == 0) {
                    return in.clone();
                }
                int from = at(a, n);
                int to = Math.min(n, from + 1 + (int) (b * 64));
                int at = gap(c, n);
                return concat(Arrays.copyOfRange(in, 0, at), Arrays.copyOfRange(in, from, to), Arrays.copyOfRange(in, at, n));
            }
            case TEXT_CHAR:
                return inRegion(in, TEXT_NODE, true, String.valueOf(TEXT_CHARS.charAt(at(c, TEXT_CHARS.length()))));
            case BASE64_CHAR:
                return inRegion(in, BASE64_TEXT, true, String.valueOf(BASE64.charAt(at(c, BASE64.length()))));
            case TEXT_VALUE:
                return inRegion(in, TEXT_NODE, false, replacementValue());
            case ATTRIBUTE_VALUE:
                return inRegion(in, ATTRIBUTE, false, replacementValue());
            default:
                throw new AssertionError(kind);
        }
    }

    /** Applies mutations one after the other. */
    public static byte[] applyAll(List<Mutation> mutations, byte[] in) {
        byte[] out = in;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    private byte[] insertion() {
        return raw != null ? raw : text.getBytes(StandardCharsets.UTF_8);
    }

    private String replacementValue() {
        return text != null ? text : "";
    }

    /**
     * Changes one character of a region ({@code oneChar}) or the whole region. Input that is
     * not UTF-8, or has no such region, gets a byte flip instead.
     */
    private byte[] inRegion(byte[] in, Pattern region, boolean oneChar, String replacement) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in)).toString();
        } catch (CharacterCodingException e) {
            return new Mutation(Kind.FLIP, a, b, c, xor, text, raw).apply(in);
        }
        List<int[]> regions = new ArrayList<>();
        Matcher m = region.matcher(s);
        while (m.find()) {
            regions.add(new int[] {m.start(1), m.end(1)});
        }
        if (regions.isEmpty()) {
            return new Mutation(Kind.FLIP, a, b, c, xor, text, raw).apply(in);
        }
        int[] r = regions.get(at(a, regions.size()));
        String changed;
        if (oneChar && r[1] > r[0]) {
            int i = r[0] + at(b, r[1] - r[0]);
            if (Character.isLowSurrogate(s.charAt(i)) && i > r[0]) {
                i--;
            }
            int end = i + Character.charCount(s.codePointAt(i));
            changed = s.substring(0, i) + replacement + s.substring(Math.min(end, s.length()));
        } else {
            changed = s.substring(0, r[0]) + replacement + s.substring(r[1]);
        }
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    private static int at(double fraction, int length) {
        return Math.min(length - 1, (int) (fraction * length));
    }

    /** A position between bytes, 0 to {@code length}. */
    private static int gap(double fraction, int length) {
        return Math.min(length, (int) (fraction * (length + 1)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        String what = raw != null ? "bytes " + Arrays.toString(raw) : "'" + text + "'";
        return kind + String.format("(%.4f, %.4f, %.4f, xor %d, %s)", a, b, c, xor, what);
    }
}
