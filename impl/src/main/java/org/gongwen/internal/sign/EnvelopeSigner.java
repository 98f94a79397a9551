package org.gongwen.internal.sign;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Algorithms;
import org.gongwen.internal.crypto.SignatureEngines;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Adds the one enveloped signature of the profile (spec/signature.md) as the last child of the
 * envelope: Reference URI="", enveloped-signature and exclusive canonicalization transforms,
 * the signer's certificate chain in KeyInfo/X509Data. Stateless and thread-safe.
 */
public final class EnvelopeSigner {
    private EnvelopeSigner() {
    }

    /**
     * Signs a document in place.
     *
     * @return the signature value
     * @throws GongwenException {@code ALG-002} if the key does not fit the profile
     */
    public static byte[] sign(Document doc, SigningIdentity id) throws GongwenException {
        SignatureProfile p = id.profile();
        SignatureEngines.checkKey(p, id.privateKey());
        SignatureEngines.checkKey(p, id.certificate().getPublicKey());
        Element root = doc.getDocumentElement();
        byte[] digest = Dsig.referenceDigest(doc, null, p.digestAlgorithm());

        Element sig = el(doc, "Signature");
        sig.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", Dsig.NS);
        Element si = child(sig, "SignedInfo");
        child(si, "CanonicalizationMethod").setAttribute("Algorithm", Algorithms.EXC_C14N);
        child(si, "SignatureMethod").setAttribute("Algorithm", Algorithms.signatureMethod(p));
        Element ref = child(si, "Reference");
        ref.setAttribute("URI", "");
        Element transforms = child(ref, "Transforms");
        child(transforms, "Transform").setAttribute("Algorithm", Algorithms.ENVELOPED);
        child(transforms, "Transform").setAttribute("Algorithm", Algorithms.EXC_C14N);
        child(ref, "DigestMethod").setAttribute("Algorithm", Algorithms.digestMethod(p.digestAlgorithm()));
        child(ref, "DigestValue").setTextContent(Base64.getEncoder().encodeToString(digest));
        Element value = child(sig, "SignatureValue");
        Element x509 = child(child(sig, "KeyInfo"), "X509Data");
        for (X509Certificate c : id.chain()) {
            try {
                child(x509, "X509Certificate").setTextContent(Base64.getEncoder().encodeToString(c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new GongwenException(ErrorCode.LOCAL_KEY, "cannot encode certificate " + c.getSubjectX500Principal(), e);
            }
        }
        root.appendChild(sig);

        byte[] signed = SignatureEngines.sign(p, id.privateKey(), Dsig.canonicalSignedInfo(si));
        value.setTextContent(Base64.getEncoder().encodeToString(signed));
        return signed;
    }

    /**
     * The bytes of a signed envelope as written into a package: the exclusive canonical form
     * of the whole document (UTF-8, no XML declaration). Writing the canonical form makes the
     * envelope bytes a function of its content alone.
     */
    public static byte[] serialize(Document doc) throws GongwenException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
        try {
            C14n.write(doc, out);
        } catch (org.apache.xml.security.c14n.CanonicalizationException e) {
            throw new GongwenException(ErrorCode.XML_MALFORMED, "cannot serialise the envelope: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Element el(Document doc, String local) {
        return doc.createElementNS(Dsig.NS, "ds:" + local);
    }

    private static Element child(Element parent, String local) {
        Element e = el(parent.getOwnerDocument(), local);
        parent.appendChild(e);
        return e;
    }
}
