package org.gongwen.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongwen.api.id.OrgCode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters; a bad value becomes a usage error that says what was expected. */
final class Converters {
    private static final Pattern CHINESE_DATE = Pattern.compile("([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日");

    private Converters() {
    }

    /** A 统一社会信用代码, check character included. */
    static final class Org implements ITypeConverter<OrgCode> {
        @Override
        public OrgCode convert(String value) {
            try {
                return OrgCode.of(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A message id: a UUID. */
    static final class Uuid implements ITypeConverter<java.util.UUID> {
        @Override
        public java.util.UUID convert(String value) {
            String v = value.trim();
            if (!v.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                throw new TypeConversionException("'" + value + "' is not a message id: expected a UUID such as 6f0c1b5e-1f7e-4a57-9a31-0c1d2b8e6a41");
            }
            return java.util.UUID.fromString(v);
        }
    }

    /** A point in time: an ISO-8601 instant ({@code 2026-11-26T08:00:00Z}) or a date-time with offset. */
    static final class Time implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a time: expected an ISO-8601 instant such as 2026-11-26T08:00:00Z or 2026-11-26T16:00:00+08:00");
            }
        }
    }

    /**
     * A calendar date: {@code 2026-11-20} or {@code 2026年11月20日}.
     *
     * @throws IllegalArgumentException naming the expected forms
     */
    static LocalDate date(String value) {
        String v = value.trim();
        try {
            Matcher m = CHINESE_DATE.matcher(v);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date: expected 2026-11-20 or 2026年11月20日");
        }
    }
}
