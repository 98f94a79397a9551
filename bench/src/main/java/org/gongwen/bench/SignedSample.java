package org.gongwen.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.crypto.SignatureEngines;
import org.gongwen.internal.envelope.EnvelopeCodec;
import org.gongwen.internal.sign.EnvelopeSigner;
import org.gongwen.internal.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The sample envelope of one profile, signed once at set-up: its serialised bytes, and the
 * exact bytes the signature value covers (the exclusive canonical SignedInfo), so that the
 * bare signature operation can be timed on the same input as the envelope signature.
 */
final class SignedSample {
    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    final SignatureProfile profile;
    final SignerMaterial material;
    final Envelope envelope;
    final byte[] envelopeBytes;
    final byte[] canonicalSignedInfo;
    final byte[] signatureValue;

    SignedSample(SignatureProfile profile) throws GongwenException, IOException {
        this.profile = profile;
        this.material = new SignerMaterial(profile);
        this.envelope = SampleDocument.envelope(profile.digestAlgorithm());
        Document doc = EnvelopeCodec.toDocument(envelope);
        this.signatureValue = EnvelopeSigner.sign(doc, material.identity());
        this.envelopeBytes = serialise(doc);
        this.canonicalSignedInfo = canonical((Element) doc.getElementsByTagNameNS(DSIG_NS, "SignedInfo").item(0));
        // the bytes really are what was signed: otherwise the bare benchmarks would time other work
        SignatureEngines.verify(profile, material.identity().certificate().getPublicKey(), canonicalSignedInfo, signatureValue);
    }

    static byte[] serialise(Document doc) throws IOException {
        try {
            return EnvelopeSigner.serialize(doc);
        } catch (org.gongwen.api.GongwenException e) {
            throw new IOException(e);
        }
    }

    private static byte[] canonical(Element signedInfo) throws IOException {
        org.apache.xml.security.Init.init();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(signedInfo, out);
        } catch (org.apache.xml.security.exceptions.XMLSecurityException e) {
            throw new IOException("cannot canonicalize SignedInfo", e);
        }
        return out.toByteArray();
    }
}
