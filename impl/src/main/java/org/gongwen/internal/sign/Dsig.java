package org.gongwen.internal.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.internal.crypto.Digests;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The two canonical computations of the signature profile, shared by signer and verifier. */
final class Dsig {
    static final String NS = "http://www.w3.org/2000/09/xmldsig#";

    private Dsig() {
    }

    /**
     * The reference digest: the whole document with the signature element removed (the
     * enveloped-signature transform), exclusively canonicalized, digested as it streams out.
     * The signature element, if given, is detached for the computation and put back.
     */
    static byte[] referenceDigest(Document doc, Element signature, DigestAlgorithm alg) throws GongwenException {
        MessageDigest md = Digests.newDigest(alg);
        Node parent = signature == null ? null : signature.getParentNode();
        Node next = signature == null ? null : signature.getNextSibling();
        if (parent != null) {
            parent.removeChild(signature);
        }
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            C14n.write(doc, out);
        } catch (CanonicalizationException | IOException e) {
            throw new GongwenException(ErrorCode.XML_MALFORMED, "cannot canonicalize the envelope: " + e.getMessage(), e);
        } finally {
            if (parent != null) {
                parent.insertBefore(signature, next);
            }
        }
        return md.digest();
    }

    /** The exclusive canonical form of SignedInfo: the bytes that are signed. */
    static byte[] canonicalSignedInfo(Element signedInfo) throws GongwenException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            C14n.write(signedInfo, out);
        } catch (CanonicalizationException e) {
            throw new GongwenException(ErrorCode.XML_MALFORMED, "cannot canonicalize SignedInfo: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
