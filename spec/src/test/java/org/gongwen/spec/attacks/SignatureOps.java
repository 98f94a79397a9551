package org.gongwen.spec.attacks;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.c14n.Canonicalizer;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.internal.crypto.Algorithms;
import org.gongwen.internal.crypto.Digests;
import org.gongwen.internal.crypto.SignatureEngines;
import org.gongwen.internal.pkg.RawPackage;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Operators that sign, always with the case's signer under the current profile: a fresh
 * signature of the standard's shape ({@code resign}), a new SignatureValue over whatever
 * SignedInfo now holds ({@code sign-signed-info}), a recomputed Reference digest
 * ({@code redigest-reference}), and manifest sizes and digests recomputed from the entries
 * ({@code manifest-update}). With these a vector builds signatures of forbidden shapes that are
 * nevertheless cryptographically valid, so only the profile check can refuse them.
 */
final class SignatureOps {
    private static final String SIGNATURE = "/g:Envelope/ds:Signature";

    private SignatureOps() {
    }

    static List<Operator> operators() {
        return List.of(
                Operator.of("resign", Set.of(), Set.of(), SignatureOps::resign),
                Operator.of("sign-signed-info", Set.of(), Set.of("select"), SignatureOps::signSignedInfo),
                Operator.of("redigest-reference", Set.of(), Set.of("select"), SignatureOps::redigest),
                Operator.of("manifest-update", Set.of(), Set.of("digestAlgorithm"), SignatureOps::manifestUpdate));
    }

    private static void resign(Subject s, Args a) throws Exception {
        RawPackage p = s.pkg();
        p.resign(EnvelopeDom.parse(s.envelope()), s.ctx.signer);
    }

    private static void signSignedInfo(Subject s, Args a) throws Exception {
        Document doc = EnvelopeDom.parse(s.envelope());
        Element sig = (Element) EnvelopeDom.selectOne(doc, a.string("select", SIGNATURE));
        Element si = child(sig, "SignedInfo");
        ByteArrayOutputStream c14n = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(si, c14n);
        byte[] value = SignatureEngines.sign(s.ctx.signer.profile(), s.ctx.signer.privateKey(), c14n.toByteArray());
        child(sig, "SignatureValue").setTextContent(Base64.getEncoder().encodeToString(value));
        s.envelope(EnvelopeDom.write(doc));
    }

    /**
     * Recomputes a Reference's DigestValue with the profile's digest: for URI="" over the
     * whole document without the enclosing signature, for URI="#x" over the element whose Id,
     * ID or id attribute is x; exclusive canonicalization in both cases. Other transforms are
     * not applied (the vectors only use transforms whose output is the same).
     */
    private static void redigest(Subject s, Args a) throws Exception {
        Document doc = EnvelopeDom.parse(s.envelope());
        Element ref = (Element) EnvelopeDom.selectOne(doc, a.string("select", SIGNATURE + "/ds:SignedInfo/ds:Reference[1]"));
        String uri = ref.getAttributeNS(null, "URI");
        DigestAlgorithm alg = s.ctx.profile.digestAlgorithm();
        ByteArrayOutputStream c14n = new ByteArrayOutputStream();
        Canonicalizer c = Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        if (uri.isEmpty()) {
            Node sig = ref;
            while (!(EnvelopeDom.DS.equals(sig.getNamespaceURI()) && "Signature".equals(sig.getLocalName()))) {
                sig = sig.getParentNode();
            }
            Node parent = sig.getParentNode();
            Node next = sig.getNextSibling();
            parent.removeChild(sig);
            c.canonicalizeSubtree(doc, c14n);
            parent.insertBefore(sig, next);
        } else if (uri.startsWith("#")) {
            c.canonicalizeSubtree(byId(doc, uri.substring(1)), c14n);
        } else {
            throw new IllegalArgumentException("redigest-reference handles URI=\"\" and URI=\"#id\", not '" + uri + "'");
        }
        MessageDigest md = Digests.newDigest(alg);
        child(ref, "DigestValue").setTextContent(Base64.getEncoder().encodeToString(md.digest(c14n.toByteArray())));
        s.envelope(EnvelopeDom.write(doc));
    }

    private static void manifestUpdate(Subject s, Args a) throws Exception {
        Document doc = EnvelopeDom.parse(s.envelope());
        Element manifest = (Element) EnvelopeDom.selectOne(doc, "/g:Envelope/g:Manifest");
        if (a.has("digestAlgorithm")) {
            manifest.setAttributeNS(null, "digestAlgorithm", a.string("digestAlgorithm"));
        }
        String uri = manifest.getAttributeNS(null, "digestAlgorithm");
        DigestAlgorithm alg = Algorithms.digestOf(uri)
                .orElseThrow(() -> new IllegalArgumentException("manifest-update: no digest for '" + uri + "'"));
        for (Node n : EnvelopeDom.select(doc, "/g:Envelope/g:Manifest/g:Part")) {
            Element part = (Element) n;
            RawPackage.Entry e = s.pkg().entry(part.getAttributeNS(null, "name"));
            part.setAttributeNS(null, "size", Long.toString(e.data.length));
            part.setAttributeNS(null, "digest", Base64.getEncoder().encodeToString(Digests.newDigest(alg).digest(e.data)));
        }
        s.envelope(EnvelopeDom.write(doc));
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        Element found = null;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            NamedNodeMap attrs = e.getAttributes();
            for (int j = 0; j < attrs.getLength(); j++) {
                Attr at = (Attr) attrs.item(j);
                if (at.getNamespaceURI() == null && at.getLocalName().equalsIgnoreCase("id") && at.getValue().equals(id)) {
                    if (found != null) {
                        throw new IllegalArgumentException("Id '" + id + "' occurs twice");
                    }
                    found = e;
                }
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no element with Id '" + id + "'");
        }
        return found;
    }

    private static Element child(Element parent, String dsName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && EnvelopeDom.DS.equals(n.getNamespaceURI()) && dsName.equals(n.getLocalName())) {
                return (Element) n;
            }
        }
        throw new IllegalArgumentException("ds:" + parent.getLocalName() + " has no ds:" + dsName);
    }
}
