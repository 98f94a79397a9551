package org.gongwen.interop;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.xml.security.c14n.Canonicalizer;
import org.gongwen.internal.pkg.RawPackage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The pieces of a package's envelope signature that a raw signature tool needs: the signed
 * bytes (the exclusive canonical form of ds:SignedInfo, computed here with Santuario's
 * canonicalizer directly), the SignatureValue, and the first certificate of KeyInfo.
 */
final class PackageSignature {
    static {
        // Santuario's canonicalizer needs its one-time init; the SDK performs the same call.
        org.apache.xml.security.Init.init();
    }

    final Document envelope;
    final byte[] signedInfo;
    final byte[] signatureValue;
    final byte[] signerCertificate;

    private PackageSignature(Document envelope) throws Exception {
        this.envelope = envelope;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(dsig("SignedInfo"), out);
        this.signedInfo = out.toByteArray();
        this.signatureValue = Base64.getMimeDecoder().decode(dsig("SignatureValue").getTextContent());
        this.signerCertificate = Base64.getMimeDecoder().decode(dsig("X509Certificate").getTextContent());
    }

    /** Reads the signature of a package's envelope (parsed with the SDK's hardened parser). */
    static PackageSignature of(RawPackage pkg) throws Exception {
        return new PackageSignature(pkg.envelope());
    }

    /** Replaces the SignatureValue text in {@link #envelope} (the signed bytes stay as they are). */
    void replaceSignatureValue(byte[] value) {
        dsig("SignatureValue").setTextContent(Base64.getEncoder().encodeToString(value));
    }

    /** Writes the signer's certificate as PEM, as OpenSSL reads it with {@code -certin}. */
    Path writeSignerCertificatePem(Path file) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(signerCertificate)
                + "\n-----END CERTIFICATE-----\n";
        return InteropSamples.write(file, pem.getBytes(StandardCharsets.US_ASCII));
    }

    private Element dsig(String localName) {
        Element e = (Element) envelope.getElementsByTagNameNS(SignatureTemplate.DSIG, localName).item(0);
        assertNotNull(e, "no ds:" + localName + " in the envelope");
        return e;
    }
}
