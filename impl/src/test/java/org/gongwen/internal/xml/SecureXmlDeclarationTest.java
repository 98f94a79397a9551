package org.gongwen.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.junit.jupiter.api.Test;

/** The XML declaration is checked on what the parser read, however far into the bytes it reaches. */
class SecureXmlDeclarationTest {
    private static GongwenException refuse(String xml) {
        return assertThrows(GongwenException.class, () -> SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), 32));
    }

    @Test
    void xml11IsRefusedEvenWhenTheDeclarationIsPaddedPastTheFirstBytes() {
        assertEquals(ErrorCode.XML_MALFORMED, refuse("<?xml" + " ".repeat(250) + "version=\"1.1\"?><r/>").code());
    }

    @Test
    void anotherDeclaredEncodingIsRefusedEvenWhenPadded() {
        assertEquals(ErrorCode.XML_ENCODING, refuse("<?xml version=\"1.0\"" + " ".repeat(250) + "encoding=\"ISO-8859-1\"?><r/>").code());
    }

    @Test
    void schemaInstanceAttributesAreRefused() {
        GongwenException e = refuse("<r xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"a b\"/>");
        assertEquals(ErrorCode.SCHEMA_VIOLATION, e.code());
    }

    @Test
    void tooManyElementsAreALimit() {
        GongwenException e = refuse("<r>" + "<a/>".repeat(SecureXml.MAX_ELEMENTS) + "</r>");
        assertEquals(ErrorCode.LIMIT_COUNT, e.code());
    }

    @Test
    void aPlainUtf8DocumentParses() throws GongwenException {
        assertEquals("r", SecureXml.parse("<?xml version=\"1.0\" encoding=\"utf-8\"?><r>正文</r>".getBytes(StandardCharsets.UTF_8), 32)
                .getDocumentElement().getTagName());
    }
}
