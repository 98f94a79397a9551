package org.gongwen.api.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrgCodeTest {
    /** The check examples of GB 32100-2015 quoted in the design brief, then the six sample organisations. */
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "9144030071526726XG", "12100000400002195R",
        "11610000016606015T", "11610100016505011R", "11610400016001016Y", "116104250162020100",
        "11610430016303014D", "11610482016404018X"})
    void validCodesAreAccepted(String code) {
        assertTrue(OrgCode.isValid(code));
        assertEquals(code, OrgCode.of(code).value());
        assertEquals(code.charAt(17), OrgCode.checkCharacter(code.substring(0, 17)));
        assertEquals(code.charAt(17), independentCheckCharacter(code.substring(0, 17)));
    }

    @ParameterizedTest
    @CsvSource({"11610000016606015T, 610000", "116104250162020100, 610425", "11610482016404018X, 610482"})
    void sampleOrganisationsAreGovernmentBodiesAndCarryTheirDivision(String code, String division) {
        OrgCode c = OrgCode.of(code);
        assertTrue(c.isGovernmentBody());
        assertEquals(division, c.divisionDigits());
    }

    @Test
    void enterpriseCodeIsNotAGovernmentBody() {
        assertFalse(OrgCode.of("91350100M000100Y43").isGovernmentBody());
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "116104250162020100", "11610482016404018X"})
    void everyOtherCheckCharacterIsRefused(String code) {
        for (char c : OrgCode.ALPHABET.toCharArray()) {
            if (c == code.charAt(17)) {
                continue;
            }
            String wrong = code.substring(0, 17) + c;
            assertFalse(OrgCode.isValid(wrong), wrong);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrgCode.of(wrong));
            assertTrue(e.getMessage().contains("check character is " + c + ", expected " + code.charAt(17)), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11610425016202010", "1161042501620201000", "116104250162020100116104250162020100"})
    void wrongLengthIsRefused(String code) {
        assertFalse(OrgCode.isValid(code));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrgCode.of(code));
        assertTrue(e.getMessage().contains("expected 18 characters, found " + code.length()), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V', 'a', '-', ' ', '〇'})
    void excludedCharactersAreRefused(char excluded) {
        // position 9 of 91350100M000100Y43 holds the letter M
        String code = "91350100" + excluded + "000100Y43";
        assertFalse(OrgCode.isValid(code));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrgCode.of(code));
        assertTrue(e.getMessage().contains("character 9 is not one of " + OrgCode.ALPHABET), e.getMessage());
    }

    @Test
    void nullIsNotValid() {
        assertFalse(OrgCode.isValid(null));
        assertThrows(NullPointerException.class, () -> OrgCode.of(null));
    }

    @Test
    void checkCharacterRefusesBadInput() {
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class, () -> OrgCode.checkCharacter("1161042501620201"));
        assertTrue(len.getMessage().contains("expected 17 characters, found 16"), len.getMessage());
        IllegalArgumentException chr = assertThrows(IllegalArgumentException.class, () -> OrgCode.checkCharacter("1161042501620201I"));
        assertTrue(chr.getMessage().contains("character 17"), chr.getMessage());
    }

    @Test
    void checkCharacterWorkedByHand() {
        // 0000000000000000 then 1: only position 17 counts, weight 3^16 mod 31 = 28;
        // sum = 28, check = (31 - 28) mod 31 = 3.
        assertEquals('3', OrgCode.checkCharacter("00000000000000001"));
        // all zeros: sum 0, check (31 - 0) mod 31 = 0.
        assertEquals('0', OrgCode.checkCharacter("00000000000000000"));
        // A (10) at position 1, weight 1: check = 31 - 10 = 21, the character M (I and O are skipped).
        assertEquals('M', OrgCode.checkCharacter("A0000000000000000"));
    }

    @Test
    void equalityAndOrderFollowTheText() {
        assertEquals(OrgCode.of("116104250162020100"), OrgCode.of("116104250162020100"));
        assertTrue(OrgCode.of("11610000016606015T").compareTo(OrgCode.of("11610100016505011R")) < 0);
        assertEquals("116104250162020100", OrgCode.of("116104250162020100").toString());
    }

    /** GB 32100-2015 written out again: weights 3^(i-1) mod 31 computed, not taken from a table. */
    private static char independentCheckCharacter(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return alphabet.charAt((31 - sum % 31) % 31);
    }
}
