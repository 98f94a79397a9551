package org.gongwen.api.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.gongwen.api.id.DocumentNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentMetadataTest {
    private static DocumentMetadata.Builder minimal() {
        return DocumentMetadata.builder().kind(DocumentKind.NOTICE).issuerMark("咸阳市人民政府文件")
                .title("咸阳市人民政府关于印发某某办法的通知").issuingAuthority("咸阳市人民政府")
                .dateOfWriting(LocalDate.of(2013, 5, 6));
    }

    @Test
    void minimalMetadataHasOnlyTheRequiredElements() {
        DocumentMetadata m = minimal().build();
        assertEquals(DocumentKind.NOTICE, m.kind());
        assertEquals(Optional.empty(), m.documentId());
        assertEquals(Optional.empty(), m.copyNumber());
        assertEquals(Optional.empty(), m.urgency());
        assertEquals(List.of(), m.signatories());
        assertEquals(List.of(), m.attachmentNotes());
    }

    @Test
    void allEighteenElementsSurviveToBuilder() {
        DocumentMetadata m = minimal().copyNumber("000123").urgency(Urgency.EXTRA_URGENT)
                .documentNumber(DocumentNumber.parse("咸政发〔2013〕12号")).signatory("张三").signatory("李四")
                .principalRecipients("各县（市、区）人民政府").attachmentNote("1．办法").attachmentNote("2．表")
                .annotation("此件公开发布").copyTo("市委办公室").printingAuthority("咸阳市人民政府办公室")
                .printingDate(LocalDate.of(2013, 5, 7)).releaseLevel("公开")
                .classification(Classification.of(SecurityLevel.SECRET, "1年")).build();
        assertEquals(m, m.toBuilder().build());
        assertEquals(m.hashCode(), m.toBuilder().build().hashCode());
        assertEquals(List.of("张三", "李四"), m.signatories());
        assertEquals("秘密★1年", m.classification().orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kind", "issuerMark", "title", "issuingAuthority", "dateOfWriting"})
    void requiredElementsAreRequired(String field) {
        UnaryOperator<DocumentMetadata.Builder> clear = b -> {
            switch (field) {
                case "kind": return b.kind(null);
                case "issuerMark": return b.issuerMark(null);
                case "title": return b.title(null);
                case "issuingAuthority": return b.issuingAuthority(null);
                default: return b.dateOfWriting(null);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> clear.apply(minimal()).build());
        assertTrue(e.getMessage().startsWith(field + " ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("is required"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "12345", "1234567", "00001a", "０００００１", "00000 1"})
    void copyNumberMustBeSixDigits(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> minimal().copyNumber(value));
        assertTrue(e.getMessage().contains("份号 must be six digits"), e.getMessage());
    }

    @Test
    void copyNumberKeepsLeadingZeros() {
        assertEquals(Optional.of("000001"), minimal().copyNumber("000001").build().copyNumber());
    }

    @Test
    void routineUrgencyIsRefusedForTheDocument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> minimal().urgency(Urgency.ROUTINE).build());
        assertTrue(e.getMessage().contains("平急"), e.getMessage());
        assertEquals(Optional.of(Urgency.URGENT), minimal().urgency(Urgency.URGENT).build().urgency());
    }

    @Test
    void blankOrOverlongTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> minimal().title(" \n ").build());
        assertThrows(IllegalArgumentException.class, () -> minimal().title("题".repeat(501)).build());
        assertEquals(500, minimal().title("题".repeat(500)).build().title().length());
        assertThrows(IllegalArgumentException.class, () -> minimal().issuerMark("标".repeat(201)).build());
        assertThrows(IllegalArgumentException.class, () -> minimal().releaseLevel("公".repeat(51)).build());
        assertThrows(IllegalArgumentException.class, () -> minimal().signatory("名".repeat(51)));
        assertThrows(IllegalArgumentException.class, () -> minimal().attachmentNote(""));
    }

    @Test
    void controlCharactersAreRefusedButLineBreaksAndTabsKept() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> minimal().annotation("附\u0007注").build());
        assertTrue(e.getMessage().contains("annotation (附注) contains a control character at position 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> minimal().title("a\rb").build());
        assertEquals("第一行\n\t第二行", minimal().annotation("第一行\n\t第二行").build().annotation().orElseThrow());
    }

    @Test
    void charactersThatXmlCannotCarryAreRefused() {
        for (String bad : new String[] {"a\uD800", "\uDC00a", "a\uFFFEb", "\uFFFF", "\uDC00\uD800"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> minimal().title(bad).build());
            assertTrue(e.getMessage().contains("a character that XML cannot carry"), e.getMessage());
        }
        assertEquals("\uD840\uDC00", minimal().title("\uD840\uDC00").build().title(), "a surrogate pair is one character");
    }

    @Test
    void tooManySignatoriesAreRefused() {
        DocumentMetadata.Builder b = minimal();
        for (int i = 0; i < 21; i++) {
            b.signatory("签发人" + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("more than 20"), e.getMessage());
    }
}
