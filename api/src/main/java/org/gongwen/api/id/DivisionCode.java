package org.gongwen.api.id;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A GB/T 2260 administrative division code: six digits, two for the province, two for the
 * city (prefecture) and two for the county. Platform nodes are identified by them. Immutable.
 *
 * <p>Only what is certain is checked: six digits and a province prefix that GB/T 2260 assigns.
 * Whether a given code is in force is for the platform's directory to know.
 */
public final class DivisionCode implements Comparable<DivisionCode> {
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71", "81", "82");

    /** The level of a division in the administrative hierarchy. */
    public enum Level { PROVINCE, CITY, COUNTY }

    private final String value;

    private DivisionCode(String value) {
        this.value = value;
    }

    /**
     * Parses a code.
     *
     * @throws IllegalArgumentException if it is not six digits with a known province prefix
     */
    public static DivisionCode of(String value) {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("invalid division code '" + value + "': expected six digits");
        }
        if (!PROVINCES.contains(value.substring(0, 2))) {
            throw new IllegalArgumentException("invalid division code '" + value + "': unknown province " + value.substring(0, 2));
        }
        return new DivisionCode(value);
    }

    /** Whether {@code value} is a valid code. */
    public static boolean isValid(String value) {
        return value != null && value.matches("[0-9]{6}") && PROVINCES.contains(value.substring(0, 2));
    }

    /** The six digits. */
    public String value() {
        return value;
    }

    /** Province for {@code xx0000}, city for {@code xxyy00}, county otherwise. */
    public Level level() {
        if (value.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return value.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /** The significant prefix: two digits for a province, four for a city, six for a county. */
    public String prefix() {
        switch (level()) {
            case PROVINCE: return value.substring(0, 2);
            case CITY: return value.substring(0, 4);
            default: return value;
        }
    }

    /** The division one level up, or empty for a province. */
    public Optional<DivisionCode> parent() {
        switch (level()) {
            case PROVINCE: return Optional.empty();
            case CITY: return Optional.of(new DivisionCode(value.substring(0, 2) + "0000"));
            default: return Optional.of(new DivisionCode(value.substring(0, 4) + "00"));
        }
    }

    /** Whether {@code other} lies within this division (a division contains itself). */
    public boolean contains(DivisionCode other) {
        return other.value.startsWith(prefix());
    }

    @Override
    public int compareTo(DivisionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DivisionCode && ((DivisionCode) o).value.equals(value);
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
