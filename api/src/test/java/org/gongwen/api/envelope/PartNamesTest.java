package org.gongwen.api.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"正文.ofd", "附件1 统计表.xlsx", "a", "report.v2.pdf", "a..b", "（附件）#1 & 2'.doc",
        "\uD840\uDC00.pdf", "envelope.xml.bak", "envelope", "x.xml"})
    void validNames(String name) {
        assertNull(PartNames.problem(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a\\b", "../x", "..", ".", ".hidden", "x.", " x", "x ", "a:b", "a*b", "a?b",
        "a\"b", "a<b", "a>b", "a|b", "a\u0000b", "a\nb", "a\tb", "a\u007Fb", "a\u0085b", "a\uD800b", "a\uDC00", "\uD800", "a\uFFFEb", "\uFFFF",
        "/etc/passwd", "C:\\x", "envelope.xml", "ENVELOPE.XML", "Envelope.Xml",
        "正文\u202Efdp.exe", "a\u200Bb", "a\u2066b", "\uFEFFx.pdf", "CON", "nul.pdf", "Com1.txt", "LPT9", "aux.tar.gz"})
    void invalidNames(String name) {
        assertNotNull(PartNames.problem(name), name);
        assertThrows(IllegalArgumentException.class, () -> new Part(name, PartRole.ATTACHMENT, "text/plain", 0, new byte[32]));
    }

    @Test
    void emptyAndNullNamesAreRefused() {
        assertEquals("empty name", PartNames.problem(""));
        assertEquals("empty name", PartNames.problem(null));
    }

    @Test
    void lengthIsCountedInUtf8Bytes() {
        String max = "公".repeat(85);
        assertEquals(255, max.getBytes(StandardCharsets.UTF_8).length);
        assertNull(PartNames.problem(max));
        assertEquals("longer than 255 UTF-8 bytes", PartNames.problem(max + "a"));
        assertNull(PartNames.problem("a".repeat(255)));
        assertNotNull(PartNames.problem("a".repeat(256)));
    }

    @Test
    void problemMessagesNameTheCause() {
        assertTrue(PartNames.problem("a/b").contains("character 2"), PartNames.problem("a/b"));
        assertTrue(PartNames.problem(".x").contains("starts or ends with a dot or a space"));
        assertTrue(PartNames.problem("Envelope.XML").contains("reserved"));
        assertTrue(PartNames.problem("a\u0001b").contains("a?b"), "control characters are not echoed");
    }

    @Test
    void namesThatDifferOnlyInNormalisationOrFinalSigmaCollide() {
        assertEquals(PartNames.collisionKey("caf\u00e9.pdf"), PartNames.collisionKey("cafe\u0301.pdf"));
        assertEquals(PartNames.collisionKey("\u03a3\u03c3.txt"), PartNames.collisionKey("\u03c3\u03c2.txt"));
        assertNull(PartNames.problem("console.pdf"), "only the device names themselves are refused");
    }

    @Test
    void namesThatDifferOnlyInLetterCaseCollide() {
        assertEquals(PartNames.collisionKey("Report.PDF"), PartNames.collisionKey("report.pdf"));
        assertTrue(!PartNames.collisionKey("正文.ofd").equals(PartNames.collisionKey("正文.pdf")));
    }
}
