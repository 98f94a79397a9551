package org.gongwen.interop;

import org.gongwen.api.sign.SignatureProfile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An empty XMLDSig template of exactly the standard's signature shape, for another
 * implementation to fill in. The URIs are written out from the W3C specifications here rather
 * than taken from the SDK, so that a wrong URI in the SDK would show up as a failed test.
 */
final class SignatureTemplate {
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private SignatureTemplate() {
    }

    /** The SignatureMethod URI of RFC 6931 for an RSA or ECDSA profile. */
    static String signatureMethod(SignatureProfile p) {
        switch (p) {
            case RSA_SHA256: return "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
            case ECDSA_P256_SHA256: return "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
            default: throw new IllegalArgumentException("no xmlsec1 template for " + p);
        }
    }

    /**
     * Appends the template as the last child of the root: SignedInfo with exclusive
     * canonicalization, the profile's SignatureMethod, one Reference URI="" with the
     * enveloped-signature and exclusive canonicalization transforms and SHA-256; empty
     * DigestValue and SignatureValue; KeyInfo/X509Data with one empty X509Certificate.
     */
    static void append(Document doc, SignatureProfile p) {
        Element sig = el(doc, "Signature");
        sig.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", DSIG);
        Element si = child(sig, "SignedInfo");
        child(si, "CanonicalizationMethod").setAttribute("Algorithm", EXC_C14N);
        child(si, "SignatureMethod").setAttribute("Algorithm", signatureMethod(p));
        Element ref = child(si, "Reference");
        ref.setAttribute("URI", "");
        Element transforms = child(ref, "Transforms");
        child(transforms, "Transform").setAttribute("Algorithm", ENVELOPED);
        child(transforms, "Transform").setAttribute("Algorithm", EXC_C14N);
        child(ref, "DigestMethod").setAttribute("Algorithm", SHA256);
        child(ref, "DigestValue");
        child(sig, "SignatureValue");
        child(child(child(sig, "KeyInfo"), "X509Data"), "X509Certificate");
        doc.getDocumentElement().appendChild(sig);
    }

    private static Element el(Document doc, String local) {
        return doc.createElementNS(DSIG, "ds:" + local);
    }

    private static Element child(Element parent, String local) {
        return (Element) parent.appendChild(el(parent.getOwnerDocument(), local));
    }
}
