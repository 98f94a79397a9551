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
        }
        return value;
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
