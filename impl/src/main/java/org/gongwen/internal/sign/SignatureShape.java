package org.gongwen.internal.sign;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.crypto.Algorithms;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The signature of an envelope, checked against the one shape the standard allows
 * (spec/signature.md, "Verification"): exactly one ds:Signature, the last child of the root;
 * SignedInfo with exclusive canonicalization, an allowed SignatureMethod and exactly one
 * Reference URI="" with exactly the enveloped-signature and exclusive canonicalization
 * transforms; KeyInfo holding only X509Data with certificates. Anything else is refused, which
 * shuts out signature wrapping: what is read is exactly what was signed.
 */
public final class SignatureShape {
    private static final String[] C14N_URIS = {
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
        "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
        "http://www.w3.org/2006/12/xml-c14n11",
        "http://www.w3.org/2006/12/xml-c14n11#WithComments",
    };

    final Element signature;
    final Element signedInfo;
    final SignatureProfile profile;
    final String signatureMethod;
    final byte[] digestValue;
    final byte[] signatureValue;
    final List<byte[]> certificates;

    private SignatureShape(Element signature, Element signedInfo, SignatureProfile profile, String signatureMethod,
            byte[] digestValue, byte[] signatureValue, List<byte[]> certificates) {
        this.signature = signature;
        this.signedInfo = signedInfo;
        this.profile = profile;
        this.signatureMethod = signatureMethod;
        this.digestValue = digestValue;
        this.signatureValue = signatureValue;
        this.certificates = certificates;
    }

    /** The signature profile named by SignatureMethod. */
    public SignatureProfile profile() {
        return profile;
    }

    /** The DER certificates from KeyInfo, signer first. */
    public List<byte[]> certificates() {
        return certificates;
    }

    /**
     * Checks the shape and reads the values.
     *
     * @throws GongwenException {@code SIG-001} no signature, {@code SIG-002} wrong shape,
     *     {@code ALG-001} an algorithm outside the allow-list, {@code SIG-004} unusable KeyInfo,
     *     {@code LIM-003} too many certificates
     */
    public static SignatureShape read(Document doc, int maxCertificates) throws GongwenException {
        Element root = doc.getDocumentElement();
        NodeList all = doc.getElementsByTagNameNS(Dsig.NS, "Signature");
        if (all.getLength() == 0) {
            throw new GongwenException(ErrorCode.SIGNATURE_MISSING, "the envelope carries no ds:Signature");
        }
        if (all.getLength() > 1) {
            throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "the envelope carries " + all.getLength() + " ds:Signature elements; exactly one is allowed");
        }
        Element sig = (Element) all.item(0);
        if (sig.getParentNode() != root || lastElementChild(root) != sig) {
            throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "ds:Signature must be the last child element of the envelope root");
        }
        NodeList anyDsig = doc.getElementsByTagNameNS(Dsig.NS, "*");
        for (int i = 0; i < anyDsig.getLength(); i++) {
            if (!isInside(anyDsig.item(i), sig)) {
                throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "an XML Signature element ds:" + anyDsig.item(i).getLocalName() + " stands outside ds:Signature");
            }
        }
        noAttributes(sig);
        List<Element> parts = children(sig, "SignedInfo", "SignatureValue", "KeyInfo");
        Element si = parts.get(0);
        noAttributes(si);
        List<Element> sic = children(si, "CanonicalizationMethod", "SignatureMethod", "Reference");

        String c14n = algorithm(sic.get(0));
        if (!Algorithms.EXC_C14N.equals(c14n)) {
            throw new GongwenException(isC14n(c14n) ? ErrorCode.ALGORITHM_NOT_ALLOWED : ErrorCode.SIGNATURE_PROFILE,
                    "CanonicalizationMethod " + c14n + " is not allowed; only " + Algorithms.EXC_C14N);
        }
        children(sic.get(0));

        String method = algorithm(sic.get(1));
        SignatureProfile profile = Algorithms.profileOf(method).orElseThrow(() ->
                new GongwenException(ErrorCode.ALGORITHM_NOT_ALLOWED, "SignatureMethod " + method + " is not allowed"));
        children(sic.get(1));

        Element ref = sic.get(2);
        NamedNodeMap ra = ref.getAttributes();
        for (int i = 0; i < ra.getLength(); i++) {
            Attr a = (Attr) ra.item(i);
            if (!isNamespaceDeclaration(a) && !(a.getNamespaceURI() == null && "URI".equals(a.getLocalName()))) {
                throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "Reference attribute " + a.getName() + " is not allowed");
            }
        }
        if (!ref.hasAttributeNS(null, "URI") || !ref.getAttributeNS(null, "URI").isEmpty()) {
            throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "the Reference must have URI=\"\" (the whole envelope); found "
                    + (ref.hasAttributeNS(null, "URI") ? "URI=\"" + ref.getAttributeNS(null, "URI") + "\"" : "no URI"));
        }
        List<Element> rc = children(ref, "Transforms", "DigestMethod", "DigestValue");
        noAttributes(rc.get(0));
        List<Element> transforms = childElements(rc.get(0));
        if (transforms.size() != 2 || !isDsig(transforms.get(0), "Transform") || !isDsig(transforms.get(1), "Transform")
                || !Algorithms.ENVELOPED.equals(algorithm(transforms.get(0)))
                || !Algorithms.EXC_C14N.equals(algorithm(transforms.get(1)))) {
            for (Element t : transforms) {
                if (isC14n(t.getAttributeNS(null, "Algorithm"))) {
                    throw new GongwenException(ErrorCode.ALGORITHM_NOT_ALLOWED, "Transform " + t.getAttributeNS(null, "Algorithm") + " is not allowed");
                }
            }
            throw new GongwenException(ErrorCode.SIGNATURE_PROFILE,
                    "the Reference must have exactly the transforms enveloped-signature and exclusive canonicalization, in that order");
        }
        children(transforms.get(0));
        children(transforms.get(1));
        String digestUri = algorithm(rc.get(1));
        DigestAlgorithm digest = Algorithms.digestOf(digestUri).orElseThrow(() ->
                new GongwenException(ErrorCode.ALGORITHM_NOT_ALLOWED, "DigestMethod " + digestUri + " is not allowed"));
        if (digest != profile.digestAlgorithm()) {
            throw new GongwenException(ErrorCode.ALGORITHM_NOT_ALLOWED, "DigestMethod " + digestUri + " does not belong to profile " + profile);
        }
        children(rc.get(1));
        noAttributes(rc.get(2));
        byte[] digestValue = base64(rc.get(2), "DigestValue");
        if (digestValue.length != digest.length()) {
            throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "DigestValue has " + digestValue.length + " bytes, expected " + digest.length());
        }
        noAttributes(parts.get(1));
        byte[] signatureValue = base64(parts.get(1), "SignatureValue");

        Element keyInfo = parts.get(2);
        noAttributes(keyInfo);
        List<Element> ki = childElements(keyInfo);
        if (ki.size() != 1 || !isDsig(ki.get(0), "X509Data")) {
            throw new GongwenException(ErrorCode.SIGNATURE_KEY_INFO,
                    "KeyInfo must hold exactly one X509Data with the signer's certificate; found "
                            + ki.stream().map(Element::getLocalName).reduce((a, b) -> a + ", " + b).orElse("nothing"));
        }
        noAttributes(ki.get(0));
        List<Element> certs = childElements(ki.get(0));
        if (certs.isEmpty()) {
            throw new GongwenException(ErrorCode.SIGNATURE_KEY_INFO, "X509Data holds no certificate");
        }
        if (certs.size() > maxCertificates) {
            throw new GongwenException(ErrorCode.LIMIT_COUNT, "X509Data holds " + certs.size() + " certificates; the limit is " + maxCertificates);
        }
        List<byte[]> der = new ArrayList<>();
        for (Element c : certs) {
            if (!isDsig(c, "X509Certificate")) {
                throw new GongwenException(ErrorCode.SIGNATURE_KEY_INFO, "X509Data may hold only X509Certificate elements, found " + c.getLocalName());
            }
            noAttributes(c);
            der.add(base64(c, "X509Certificate"));
        }
        return new SignatureShape(sig, si, profile, method, digestValue, signatureValue, List.copyOf(der));
    }

    /** Reads only the SignatureMethod URI and certificates, for display of an unverified package. */
    public static String signatureMethodOrNull(Document doc) {
        NodeList l = doc.getElementsByTagNameNS(Dsig.NS, "SignatureMethod");
        return l.getLength() == 1 ? ((Element) l.item(0)).getAttributeNS(null, "Algorithm") : null;
    }

    private static boolean isC14n(String uri) {
        for (String u : C14N_URIS) {
            if (u.equals(uri)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInside(Node n, Element ancestor) {
        for (Node p = n; p != null; p = p.getParentNode()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDsig(Element e, String local) {
        return Dsig.NS.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    private static boolean isNamespaceDeclaration(Attr a) {
        return "http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI());
    }

    private static void noAttributes(Element e) throws GongwenException {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            if (!isNamespaceDeclaration((Attr) attrs.item(i))) {
                throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "attribute " + attrs.item(i).getNodeName() + " on ds:" + e.getLocalName() + " is not allowed");
            }
        }
    }

    private static String algorithm(Element e) throws GongwenException {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!isNamespaceDeclaration(a) && !(a.getNamespaceURI() == null && "Algorithm".equals(a.getLocalName()))) {
                throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "attribute " + a.getName() + " on ds:" + e.getLocalName() + " is not allowed");
            }
        }
        if (!e.hasAttributeNS(null, "Algorithm")) {
            throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "ds:" + e.getLocalName() + " has no Algorithm");
        }
        return e.getAttributeNS(null, "Algorithm");
    }

    private static Element lastElementChild(Element e) {
        for (Node n = e.getLastChild(); n != null; n = n.getPreviousSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) n;
            }
        }
        return null;
    }

    /** The element children, refusing any non-white-space text between them. */
    private static List<Element> childElements(Element e) throws GongwenException {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            } else if (!n.getNodeValue().isBlank()) {
                throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "text inside ds:" + e.getLocalName() + " is not allowed");
            }
        }
        return out;
    }

    /** The element children, which must be exactly the named ds elements in order. */
    private static List<Element> children(Element e, String... names) throws GongwenException {
        List<Element> c = childElements(e);
        boolean ok = c.size() == names.length;
        for (int i = 0; ok && i < names.length; i++) {
            ok = isDsig(c.get(i), names[i]);
        }
        if (!ok) {
            List<String> found = new ArrayList<>();
            c.forEach(x -> found.add(x.getLocalName()));
            if (c.stream().anyMatch(x -> "KeyValue".equals(x.getLocalName()))) {
                throw new GongwenException(ErrorCode.SIGNATURE_KEY_INFO, "a bare KeyValue is not trusted; the signer's certificate is required");
            }
            throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, "ds:" + e.getLocalName() + " must contain exactly "
                    + (names.length == 0 ? "nothing" : String.join(", ", names)) + "; found " + (found.isEmpty() ? "nothing" : String.join(", ", found)));
        }
        return c;
    }

    private static byte[] base64(Element e, String what) throws GongwenException {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.TEXT_NODE) {
                throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, what + " must contain only base64 text");
            }
        }
        try {
            return Base64.getMimeDecoder().decode(strictBase64(e.getTextContent(), what));
        } catch (IllegalArgumentException ex) {
            throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, what + " is not valid base64");
        }
    }

    private static String strictBase64(String s, String what) throws GongwenException {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, what + " is not valid base64");
            }
            b.append(c);
        }
        if (b.length() == 0 || b.length() % 4 != 0) {
            throw new GongwenException(ErrorCode.SIGNATURE_PROFILE, what + " is not valid base64");
        }
        return b.toString();
    }
}
