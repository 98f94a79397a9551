package org.gongwen.api.id;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 公文标识 (document identifier, GB/T 33477). Treated as an opaque string of 1 to 200
 * characters without control characters. {@link #generate} follows the common practice
 * {@code OID.orgcode-unit(3)-year(4)-kind(2)-serial(6)-check}, with an ISO/IEC 7064
 * MOD 37,36 check character over the characters after the OID; {@link #hasValidCheck()}
 * checks identifiers of that form. Immutable.
 */
public final class DocumentId {
    /** The largest length in characters. */
    public static final int MAX_LENGTH = 200;
    private static final String MOD36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern GENERATED = Pattern.compile(
            "([0-2](?:\\.[0-9]+)+)\\.([0-9A-Z]{18})-([0-9]{3})-([0-9]{4})-([0-9]{2})-([0-9]{6})-([0-9A-Z])");

    private final String value;

    private DocumentId(String value) {
        this.value = value;
    }

    /**
     * Wraps an identifier.
     *
     * @throws IllegalArgumentException if it is empty, longer than 200 characters or contains
     *     control characters
     */
    public static DocumentId of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("invalid 公文标识: length must be 1 to " + MAX_LENGTH + ", found " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("invalid 公文标识: control or white-space character at position " + (i + 1));
            }
            if (c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                    ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                    : i > 0 && Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw new IllegalArgumentException("invalid 公文标识: a lone surrogate, U+FFFE or U+FFFF at position " + (i + 1));
            }
        }
        return new DocumentId(value);
    }

    /**
     * Generates an identifier of the form {@code OID.orgcode-unit-year-kind-serial-check}.
     *
     * @param oid the issuing system's object identifier, for example {@code 1.2.156.3005.2}
     * @param org the issuing organisation
     * @param unit the internal unit number, 0 to 999
     * @param year the year, 1000 to 9999
     * @param kindCode the two-digit 文种 code (see {@code DocumentKind#code()})
     * @param serial the serial number within the year, 0 to 999999
     * @throws IllegalArgumentException if a field is out of range
     */
    public static DocumentId generate(String oid, OrgCode org, int unit, int year, String kindCode, int serial) {
        if (!oid.matches("[0-2](\\.[0-9]+)+")) {
            throw new IllegalArgumentException("invalid OID '" + oid + "'");
        }
        if (unit < 0 || unit > 999 || year < 1000 || year > 9999 || serial < 0 || serial > 999_999
                || !kindCode.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("field out of range: unit 0-999, year 4 digits, kind 2 digits, serial 0-999999");
        }
        String body = org.value() + String.format("%03d%04d%s%06d", unit, year, kindCode, serial);
        String text = String.format("%s.%s-%03d-%04d-%s-%06d-%c", oid, org.value(), unit, year, kindCode, serial, mod3736(body));
        return of(text);
    }

    /** Whether this identifier has the generated form and its check character is right. */
    public boolean hasValidCheck() {
        Matcher m = GENERATED.matcher(value);
        if (!m.matches()) {
            return false;
        }
        String body = m.group(2) + m.group(3) + m.group(4) + m.group(5) + m.group(6);
        return mod3736(body) == m.group(7).charAt(0);
    }

    /** The ISO/IEC 7064 MOD 37,36 (hybrid) check character over digits and capital letters. */
    static char mod3736(String body) {
        int p = 36;
        for (int i = 0; i < body.length(); i++) {
            int v = MOD36.indexOf(body.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a digit or capital letter: " + body.charAt(i));
            }
            int s = (p + v) % 36;
            if (s == 0) {
                s = 36;
            }
            p = (s * 2) % 37;
        }
        return MOD36.charAt((37 - p) % 36);
    }

    /** The identifier text. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentId && ((DocumentId) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
