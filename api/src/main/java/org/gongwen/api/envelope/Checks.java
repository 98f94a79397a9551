package org.gongwen.api.envelope;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the value builders of this package. */
final class Checks {
    private Checks() {
    }

    static String text(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new IllegalArgumentException(field + " contains a control character at position " + (i + 1));
            }
            if (!isXmlChar(value, i)) {
                throw new IllegalArgumentException(field + " contains a character that XML cannot carry at position " + (i + 1)
                        + " (a lone surrogate, U+FFFE or U+FFFF)");
            }
        }
        return value;
    }

    /**
     * Whether the UTF-16 unit at {@code i} belongs to a character that XML 1.0 can carry: not
     * U+FFFE or U+FFFF, and a surrogate only as part of a pair. (Controls are checked apart.)
     */
    static boolean isXmlChar(String s, int i) {
        char c = s.charAt(i);
        if (c == '\uFFFE' || c == '\uFFFF') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }

    static String optionalText(String field, String value, int maxLength) {
        return value == null ? null : text(field, value, maxLength);
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalStateException(field + " is required");
        }
        return value;
    }

    static <T> List<T> list(String field, List<T> values, int maxCount) {
        List<T> copy = List.copyOf(values);
        if (copy.size() > maxCount) {
            throw new IllegalArgumentException(field + " has more than " + maxCount + " entries");
        }
        return copy;
    }
}
