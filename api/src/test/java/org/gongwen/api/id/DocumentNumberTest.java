package org.gongwen.api.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentNumberTest {
    @Test
    void parsesAgencyYearAndNumber() {
        DocumentNumber n = DocumentNumber.parse("咸政发〔2013〕12号");
        assertEquals("咸政发", n.agencyCode());
        assertEquals(2013, n.year());
        assertEquals(12, n.serial());
        assertEquals("咸政发〔2013〕12号", n.toString());
        assertEquals(n, DocumentNumber.of("咸政发", 2013, 12));
        assertEquals(n.hashCode(), DocumentNumber.of("咸政发", 2013, 12).hashCode());
    }

    @Test
    void largestSerialAndLongAgencyCode() {
        DocumentNumber n = DocumentNumber.parse("陕西省人民政府办公厅发〔2026〕999999999号");
        assertEquals("陕西省人民政府办公厅发", n.agencyCode());
        assertEquals(999_999_999L, n.serial());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "咸政发〔2013〕012号",   // zero-padded number
        "咸政发〔2013〕0号",     // zero
        "咸政发[2013]12号",     // ASCII brackets
        "咸政发(2013)12号",     // ASCII parentheses
        "咸政发（2013）12号",   // full-width parentheses
        "咸政发【2013】12号",   // lenticular brackets
        "咸政发〔2013〕12",     // missing 号
        "咸政发〔13〕12号",     // two-digit year
        "〔2013〕12号",        // no agency code
        "咸 政发〔2013〕12号",  // white space in the agency code
        "咸政发〔2013〕12号 ",  // trailing space
        "咸政发〔2013〕1234567890号", // more than nine digits
        "咸\u0001政发〔2013〕12号", // a control character
        "咸\u0085政发〔2013〕12号", // a C1 control character
        "咸\uD800政发〔2013〕12号", // a lone surrogate
        "咸\uFFFE政发〔2013〕12号"  // not a character
    })
    void malformedNumbersAreRefusedWithTheExpectedForm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentNumber.parse(text));
        assertTrue(e.getMessage().contains("expected 机关代字〔YYYY〕N号"), e.getMessage());
    }

    @Test
    void supplementaryCharactersInTheAgencyCodeAreKept() {
        DocumentNumber n = DocumentNumber.parse("\uD840\uDC00政发〔2013〕12号");
        assertEquals("\uD840\uDC00政发", n.agencyCode());
    }

    @Test
    void ofRefusesWhatParseRefuses() {
        assertThrows(IllegalArgumentException.class, () -> DocumentNumber.of("咸政发", 2013, 0));
        assertThrows(IllegalArgumentException.class, () -> DocumentNumber.of("咸政发", 20130, 1));
        assertThrows(IllegalArgumentException.class, () -> DocumentNumber.of("咸〔政", 2013, 1));
    }
}
