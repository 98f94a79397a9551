package org.gongwen.api.id;

import java.util.Objects;

/**
 * An organisation's 统一社会信用代码 (unified social credit identifier, GB 32100-2015): 18
 * characters from {@code 0123456789ABCDEFGHJKLMNPQRTUWXY}, the last one a check character.
 * Positions 3 to 8 carry the GB/T 2260 division code of the registering authority. Immutable.
 */
public final class OrgCode implements Comparable<OrgCode> {
    /** The 31 characters of the code, in value order (0 to 30). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;

    private OrgCode(String value) {
        this.value = value;
    }

    /**
     * Parses a code.
     *
     * @throws IllegalArgumentException if it is not 18 characters of the alphabet or its check
     *     character is wrong; the message says which
     */
    public static OrgCode of(String value) {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid 统一社会信用代码 '" + printable(value) + "': " + problem);
        }
        return new OrgCode(value);
    }

    /** Whether {@code value} is a valid code, check character included. */
    public static boolean isValid(String value) {
        return value != null && problem(value) == null;
    }

    /**
     * Computes the check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 characters, found " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not in " + ALPHABET);
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static String problem(String value) {
        if (value.length() != 18) {
            return "expected 18 characters, found " + value.length();
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return "character " + (i + 1) + " is not one of " + ALPHABET;
            }
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            return "check character is " + value.charAt(17) + ", expected " + expected;
        }
        return null;
    }

    private static String printable(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** The 18-character code. */
    public String value() {
        return value;
    }

    /** Whether the code belongs to a Party or government body (registration category 1, type 1). */
    public boolean isGovernmentBody() {
        return value.startsWith("11");
    }

    /** The division code carried in positions 3 to 8 (the registering authority's division). */
    public String divisionDigits() {
        return value.substring(2, 8);
    }

    @Override
    public int compareTo(OrgCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrgCode && ((OrgCode) o).value.equals(value);
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
