package org.gongwen.api.id;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 发文字号 (document number, GB/T 9704-2012 7.2.4): 机关代字, the year in 六角括号
 * (U+3014 〔 and U+3015 〕), an unpadded serial number and 号, for example
 * {@code 咸政发〔2013〕12号}. Immutable.
 */
public final class DocumentNumber {
    private static final Pattern SYNTAX = Pattern.compile("([^\\s\\p{Cc}\\p{Cs}\\uFFFE\\uFFFF〔〕\\[\\]()（）]{1,50})〔([0-9]{4})〕([1-9][0-9]{0,8})号");

    private final String agencyCode;
    private final int year;
    private final long serial;

    private DocumentNumber(String agencyCode, int year, long serial) {
        this.agencyCode = agencyCode;
        this.year = year;
        this.serial = serial;
    }

    /**
     * Parses a document number.
     *
     * @throws IllegalArgumentException if it does not follow the syntax; the message shows the
     *     expected form
     */
    public static DocumentNumber parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid 发文字号 '" + (text.length() > 60 ? text.substring(0, 60) + "..." : text)
                    + "': expected 机关代字〔YYYY〕N号 with brackets U+3014/U+3015 and an unpadded number, e.g. 咸政发〔2013〕12号");
        }
        return new DocumentNumber(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
    }

    /** Builds a document number from its parts. */
    public static DocumentNumber of(String agencyCode, int year, long serial) {
        return parse(agencyCode + "〔" + String.format("%04d", year) + "〕" + serial + "号");
    }

    /** The 机关代字, for example {@code 咸政发}. */
    public String agencyCode() {
        return agencyCode;
    }

    /** The four-digit year. */
    public int year() {
        return year;
    }

    /** The serial number. */
    public long serial() {
        return serial;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DocumentNumber)) {
            return false;
        }
        DocumentNumber d = (DocumentNumber) o;
        return d.agencyCode.equals(agencyCode) && d.year == year && d.serial == serial;
    }

    @Override
    public int hashCode() {
        return Objects.hash(agencyCode, year, serial);
    }

    /** The canonical text, for example {@code 咸政发〔2013〕12号}. */
    @Override
    public String toString() {
        return agencyCode + "〔" + String.format("%04d", year) + "〕" + serial + "号";
    }
}
