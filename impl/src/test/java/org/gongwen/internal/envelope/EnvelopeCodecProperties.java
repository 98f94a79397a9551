package org.gongwen.internal.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Classification;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Manifest;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartRole;
import org.gongwen.api.envelope.SecurityLevel;
import org.gongwen.api.id.DocumentId;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.internal.xml.SecureXml;
import org.gongwen.testing.Fixtures;
import org.gongwen.testing.GongwenArbitraries;
import org.gongwen.testing.XmlWriter;
import org.w3c.dom.Document;

/** Envelope value to XML bytes and back gives the same value, for any value the builders accept. */
class EnvelopeCodecProperties {
    private static final int MAX_DEPTH = 32;

    @Property(tries = 300)
    void envelopeSurvivesXml(@ForAll("envelopes") Envelope env) throws Exception {
        byte[] xml = write(EnvelopeCodec.toDocument(env));
        Envelope back = read(xml);
        assertEquals(env, back);
        assertArrayEquals(xml, write(EnvelopeCodec.toDocument(back)), "writing the value read back gives the same bytes");
    }

    /**
     * Any text that a builder accepts, in any text element or attribute, can be written and read
     * back. Text a builder refuses must be refused with IllegalArgumentException.
     */
    @Property(tries = 500)
    void everyTextTheBuildersAcceptSurvivesXml(@ForAll("anyTexts") String text, @ForAll("textFields") TextField field)
            throws Exception {
        Envelope env;
        try {
            env = new Envelope(Fixtures.header(), field.set.apply(minimal(), text), manifest(field == TextField.PART_NAME ? text : "正文.pdf"));
        } catch (IllegalArgumentException refused) {
            return;
        }
        Envelope back;
        try {
            back = read(write(EnvelopeCodec.toDocument(env)));
        } catch (GongwenException | IOException e) {
            throw new AssertionError(field + " " + codePoints(text) + " was accepted but cannot be read back: " + e.getMessage(), e);
        }
        assertEquals(env, back, field + " " + codePoints(text));
    }

    /** The places a string travels in the envelope: element text, attributes and parsed identifiers. */
    enum TextField {
        TITLE((b, t) -> b.title(t).build()),
        ANNOTATION((b, t) -> b.annotation(t).build()),
        SIGNATORY((b, t) -> b.signatory(t).build()),
        ATTACHMENT_NOTE((b, t) -> b.attachmentNote(t).build()),
        CLASSIFICATION_PERIOD((b, t) -> b.classification(Classification.of(SecurityLevel.SECRET, t)).build()),
        DOCUMENT_ID((b, t) -> b.documentId(DocumentId.of(t)).build()),
        AGENCY_CODE((b, t) -> b.documentNumber(DocumentNumber.of(t, 2026, 1)).build()),
        PART_NAME((b, t) -> b.build());

        final BiFunction<DocumentMetadata.Builder, String, DocumentMetadata> set;

        TextField(BiFunction<DocumentMetadata.Builder, String, DocumentMetadata> set) {
            this.set = set;
        }
    }

    @Provide
    Arbitrary<Envelope> envelopes() {
        return GongwenArbitraries.envelopes();
    }

    @Provide
    Arbitrary<String> anyTexts() {
        return GongwenArbitraries.anyTexts();
    }

    @Provide
    Arbitrary<TextField> textFields() {
        return Arbitraries.of(TextField.class);
    }

    private static DocumentMetadata.Builder minimal() {
        return DocumentMetadata.builder().kind(DocumentKind.LETTER).issuerMark("礼泉县人民政府办公室").title("关于某事的函")
                .issuingAuthority("礼泉县人民政府办公室").dateOfWriting(LocalDate.of(2026, 11, 20));
    }

    private static Manifest manifest(String bodyName) {
        return new Manifest(DigestAlgorithm.SM3, List.of(new Part(bodyName, PartRole.BODY, "application/ofd", 1, new byte[32])));
    }

    private static byte[] write(Document doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlWriter.write(doc, out);
        return out.toByteArray();
    }

    private static Envelope read(byte[] xml) throws GongwenException {
        return EnvelopeCodec.fromDocument(SecureXml.parse(xml, MAX_DEPTH));
    }

    private static String codePoints(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(String.format("U+%04X ", c)));
        return b.toString().trim();
    }
}
