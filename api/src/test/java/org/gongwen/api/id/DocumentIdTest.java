package org.gongwen.api.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentIdTest {
    private static final String DIGITS_AND_LETTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final OrgCode LIQUAN = OrgCode.of("116104250162020100");

    @Test
    void generatedIdentifierHasTheDocumentedFormAndAValidCheck() {
        DocumentId id = DocumentId.generate("1.2.156.3005.2", LIQUAN, 1, 2026, "10", 7);
        String text = id.value();
        assertTrue(text.startsWith("1.2.156.3005.2.116104250162020100-001-2026-10-000007-"), text);
        assertEquals(text.length(), "1.2.156.3005.2.116104250162020100-001-2026-10-000007-".length() + 1);
        assertTrue(id.hasValidCheck());
        assertEquals(mod3736ByVerification("116104250162020100001202610000007"), text.charAt(text.length() - 1));
    }

    @Test
    void generatedCheckMatchesTheIndependentComputationAcrossFields() {
        OrgCode[] orgs = {LIQUAN, OrgCode.of("11610482016404018X"), OrgCode.of("91350100M000100Y43")};
        for (OrgCode org : orgs) {
            for (int serial : new int[] {0, 1, 12, 999_999}) {
                DocumentId id = DocumentId.generate("2.16.156", org, 999, 1999, "08", serial);
                String body = org.value() + "999" + "1999" + "08" + String.format("%06d", serial);
                assertEquals(mod3736ByVerification(body), id.value().charAt(id.value().length() - 1), id.value());
                assertTrue(id.hasValidCheck());
            }
        }
    }

    @Test
    void everySingleChangedCharacterOfTheCheckedPartBreaksTheCheck() {
        String text = DocumentId.generate("1.2.156.3005.2", LIQUAN, 1, 2026, "10", 7).value();
        int checkedFrom = "1.2.156.3005.2.".length();
        for (int i = checkedFrom; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-') {
                continue;
            }
            String pool = Character.isDigit(c) ? "0123456789" : DIGITS_AND_LETTERS;
            for (char r : pool.toCharArray()) {
                if (r != c) {
                    String changed = text.substring(0, i) + r + text.substring(i + 1);
                    assertFalse(DocumentId.of(changed).hasValidCheck(), changed);
                }
            }
        }
    }

    /**
     * Known values. The ISAN 0000-0000-D07A-0090-Q-0000-0000-X carries two ISO/IEC 7064
     * MOD 37,36 check characters (ISAN uses that system): Q over the first 16 characters and X
     * over those plus 00000000. The short ones are worked by hand below, following the hybrid
     * system's definition: P starts at 36; per character S = (P + value) mod 36, with 0 taken as
     * 36; P = 2S mod 37; the check c makes (P + c) mod 36 = 1.
     * <ul>
     * <li>"0": S = 36, P = 72 mod 37 = 35; c = 37 - 35 = 2, the character 2.
     * <li>"Z" (35): S = 71 mod 36 = 35, P = 70 mod 37 = 33; c = 4, the character 4.
     * <li>"A1": A (10): S = 46 mod 36 = 10, P = 20; 1: S = 21, P = 42 mod 37 = 5; c = 32, the character W.
     * </ul>
     */
    @ParameterizedTest
    @CsvSource({"00000000D07A0090, Q", "00000000D07A009000000000, X", "0, 2", "Z, 4", "A1, W"})
    void knownValues(String body, char check) {
        assertEquals(check, DocumentId.mod3736(body));
        assertEquals(check, mod3736ByVerification(body));
    }

    @Test
    void checkRefusesCharactersOutsideDigitsAndCapitals() {
        assertThrows(IllegalArgumentException.class, () -> DocumentId.mod3736("ab"));
    }

    @Test
    void opaqueIdentifiersUpTo200CharactersAreAccepted() {
        String max = "公".repeat(100) + "A".repeat(100);
        assertEquals(200, DocumentId.of(max).value().length());
        assertFalse(DocumentId.of(max).hasValidCheck());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentId.of(max + "1"));
        assertTrue(e.getMessage().contains("found 201"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\tb", "a\nb", "a\u0000b", "a\u3000b", "a\uD800", "\uDC00a", "a\uFFFE", "\uFFFF"})
    void emptyWhiteSpaceAndControlCharactersAreRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> DocumentId.of(value));
    }

    @Test
    void generatorRefusesFieldsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> DocumentId.generate("1.2.x", LIQUAN, 1, 2026, "10", 1));
        assertThrows(IllegalArgumentException.class, () -> DocumentId.generate("1.2", LIQUAN, 1000, 2026, "10", 1));
        assertThrows(IllegalArgumentException.class, () -> DocumentId.generate("1.2", LIQUAN, -1, 2026, "10", 1));
        assertThrows(IllegalArgumentException.class, () -> DocumentId.generate("1.2", LIQUAN, 1, 999, "10", 1));
        assertThrows(IllegalArgumentException.class, () -> DocumentId.generate("1.2", LIQUAN, 1, 2026, "1", 1));
        assertThrows(IllegalArgumentException.class, () -> DocumentId.generate("1.2", LIQUAN, 1, 2026, "10", 1_000_000));
    }

    /**
     * A second, deliberately different computation: instead of solving for the check character,
     * try all 36 and keep the one for which the whole string passes the standard's verification
     * (the running value after the last character is 1).
     */
    private static char mod3736ByVerification(String body) {
        char found = 0;
        for (char candidate : DIGITS_AND_LETTERS.toCharArray()) {
            int p = 36;
            String all = body + candidate;
            int s = 0;
            for (int i = 0; i < all.length(); i++) {
                s = (p + DIGITS_AND_LETTERS.indexOf(all.charAt(i))) % 36;
                if (i < all.length() - 1) {
                    p = ((s == 0 ? 36 : s) * 2) % 37;
                }
            }
            if (s == 1) {
                if (found != 0) {
                    throw new AssertionError("two check characters for " + body);
                }
                found = candidate;
            }
        }
        return found;
    }
}
