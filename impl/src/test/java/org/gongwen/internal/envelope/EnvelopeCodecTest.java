package org.gongwen.internal.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Manifest;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartRole;
import org.gongwen.internal.xml.SecureXml;
import org.gongwen.testing.Fixtures;
import org.gongwen.testing.XmlWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvelopeCodecTest {
    /**
     * The manifest's digestAlgorithm is an xs:anyURI, whose white space the schema collapses:
     * a writer may put spaces or a line break around it, and the reader must still see the
     * algorithm that was written (it used to read any such SM3 manifest as SHA-256).
     */
    @ParameterizedTest
    @EnumSource(DigestAlgorithm.class)
    void digestAlgorithmWithWhiteSpaceAroundItIsReadAsWritten(DigestAlgorithm alg) throws Exception {
        Envelope env = new Envelope(Fixtures.header(), Fixtures.metadata(),
                new Manifest(alg, List.of(new Part("正文.ofd", PartRole.BODY, "application/ofd", 1, new byte[32]))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlWriter.write(EnvelopeCodec.toDocument(env), out);
        String xml = out.toString(StandardCharsets.UTF_8);
        String uri = alg == DigestAlgorithm.SM3 ? "urn:gongwen:xmldsig:sm3" : "http://www.w3.org/2001/04/xmlenc#sha256";
        String spaced = xml.replace("digestAlgorithm=\"" + uri + "\"", "digestAlgorithm=\" " + uri + "&#10;\"");
        assertTrue(spaced.contains(uri + "&#10;"), "the test changed the attribute");
        Envelope back = EnvelopeCodec.fromDocument(SecureXml.parse(spaced.getBytes(StandardCharsets.UTF_8), 32));
        assertEquals(alg, back.manifest().digestAlgorithm());
        assertEquals(env, back);
    }
}
