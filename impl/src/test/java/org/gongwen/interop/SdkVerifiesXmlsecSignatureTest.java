package org.gongwen.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Manifest;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartRole;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.envelope.EnvelopeCodec;
import org.gongwen.internal.pkg.RawPackage;
import org.gongwen.testing.Fixtures;
import org.gongwen.testing.XmlWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

/**
 * The SDK's verifier accepts an envelope that xmlsec1 signed: the SDK writes only the unsigned
 * envelope and an empty signature template of the standard's shape; xmlsec1 computes the
 * digest and the signature value and fills in the certificate; the package is assembled from
 * those bytes and the part files in the fixed layout.
 */
class SdkVerifiesXmlsecSignatureTest {
    private static final String BODY_TYPE = "application/ofd";
    private static final String SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TempDir
    Path dir;
    private Path body;
    private Path attachment;

    @ParameterizedTest
    @EnumSource(value = SignatureProfile.class, names = {"RSA_SHA256", "ECDSA_P256_SHA256"})
    void ourVerifierAcceptsXmlsecSignedEnvelope(SignatureProfile profile) throws Exception {
        Signed s = signWithXmlsec(profile);
        Path pkg = assemble(s.envelopeXml(), "xmlsec1-signed.gwpkg");

        VerifiedPackage v = InteropSamples.GW.verifier(Fixtures.pki(profile).trust()).verify(pkg);
        assertEquals(Fixtures.LIQUAN, v.signer().organisation());
        assertEquals(Fixtures.header().sender(), v.signer().organisation());
        assertEquals(profile, v.signer().profile());
        assertEquals(Fixtures.pki(profile).liquan.certificate(), v.signer().certificate());
        assertEquals(s.envelope(), v.envelope());
    }

    @ParameterizedTest
    @EnumSource(value = SignatureProfile.class, names = {"RSA_SHA256", "ECDSA_P256_SHA256"})
    void ourVerifierRejectsXmlsecSignedEnvelopeWithOneTitleCharacterChanged(SignatureProfile profile) throws Exception {
        Signed s = signWithXmlsec(profile);
        Path pkg = assemble(InteropSamples.changeTitleCharacter(s.envelopeXml()), "changed.gwpkg");

        GongwenException e = assertThrows(GongwenException.class,
                () -> InteropSamples.GW.verifier(Fixtures.pki(profile).trust()).verify(pkg));
        assertEquals(ErrorCode.DIGEST_ENVELOPE, e.code(), e.getMessage());
    }

    /** The envelope value and the bytes xmlsec1 wrote for it. */
    private record Signed(Envelope envelope, byte[] envelopeXml) {
    }

    private Signed signWithXmlsec(SignatureProfile profile) throws Exception {
        body = Fixtures.file(dir, "正文.ofd", 30_000, 21);
        attachment = Fixtures.file(dir, "附件1 统计表.xlsx", 7_000, 22);
        Manifest manifest = new Manifest(profile.digestAlgorithm(), List.of(
                part(body, PartRole.BODY, BODY_TYPE), part(attachment, PartRole.ATTACHMENT, SHEET_TYPE)));
        Envelope env = new Envelope(Fixtures.header(), Fixtures.metadata(), manifest);
        Document doc = EnvelopeCodec.toDocument(env);
        SignatureTemplate.append(doc, profile);
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        XmlWriter.write(doc, template);
        Path in = InteropSamples.write(dir.resolve("template.xml"), template.toByteArray());
        Path out = dir.resolve("signed.xml");

        Fixtures.Pki pki = Fixtures.pki(profile);
        Path key = InteropSamples.pem(dir.resolve("key.pem"), pki.liquan.keys().getPrivate());
        Path cert = InteropSamples.pem(dir.resolve("cert.pem"), pki.liquan.certificate());
        ExternalTool.xmlsec1().run(dir, "--sign", "--privkey-pem", key + "," + cert, "--output", out.toString(), in.toString())
                .assertExit(0);
        byte[] signed = Files.readAllBytes(out);
        assertTrue(new String(signed, StandardCharsets.UTF_8).contains("</ds:SignatureValue>"), "xmlsec1 wrote no signature");
        return new Signed(env, signed);
    }

    /** The package: the given envelope bytes, then the parts in manifest order, in the fixed layout. */
    private Path assemble(byte[] envelopeXml, String name) throws Exception {
        RawPackage p = new RawPackage();
        p.entries.add(new RawPackage.Entry("envelope.xml", envelopeXml));
        p.entries.add(new RawPackage.Entry(body.getFileName().toString(), Files.readAllBytes(body)));
        p.entries.add(new RawPackage.Entry(attachment.getFileName().toString(), Files.readAllBytes(attachment)));
        return p.write(dir.resolve(name));
    }

    /** A manifest entry with the size and SHA-256 computed here with the JDK, independently of the SDK. */
    private static Part part(Path file, PartRole role, String mediaType) throws Exception {
        byte[] data = Files.readAllBytes(file);
        return new Part(file.getFileName().toString(), role, mediaType, data.length, MessageDigest.getInstance("SHA-256").digest(data));
    }
}
