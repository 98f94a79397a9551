package org.gongwen.spec.attacks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.gongwen.api.GongwenException;
import org.gongwen.internal.xml.SecureXml;
import org.gongwen.testing.XmlWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Envelope DOM helpers for the operators: parse and write the envelope, select nodes by XPath
 * with fixed prefixes, and parse XML fragments written in the vectors. Prefixes: {@code g} the
 * envelope namespace, {@code ds} XML Signature, {@code dsig11} XML Signature 1.1, {@code xi}
 * XInclude. Fragments have {@code g} as default namespace and {@code ds}, {@code dsig11}
 * declared.
 */
final class EnvelopeDom {
    static final String G = "urn:gongwen:exchange:1.0";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String DSIG11 = "http://www.w3.org/2009/xmldsig11#";
    static final String XI = "http://www.w3.org/2001/XInclude";

    private static final NamespaceContext PREFIXES = new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
            switch (prefix) {
                case "g": return G;
                case "ds": return DS;
                case "dsig11": return DSIG11;
                case "xi": return XI;
                default: return XMLConstants.NULL_NS_URI;
            }
        }

        @Override
        public String getPrefix(String uri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterator<String> getPrefixes(String uri) {
            throw new UnsupportedOperationException();
        }
    };

    private EnvelopeDom() {
    }

    /** Parses the envelope with the SDK's own hardened parser (an envelope it would refuse cannot be edited). */
    static Document parse(byte[] xml) throws GongwenException {
        return SecureXml.parse(xml, 64);
    }

    /** Serialises the document as the SDK does, after namespace fix-up of imported nodes. */
    static byte[] write(Document doc) throws IOException {
        doc.normalizeDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlWriter.write(doc, out);
        return out.toByteArray();
    }

    /** Every node the XPath selects, in document order; at least one. */
    static List<Node> select(Document doc, String xpath) throws XPathExpressionException {
        XPath x = XPathFactory.newDefaultInstance().newXPath();
        x.setNamespaceContext(PREFIXES);
        NodeList l = (NodeList) x.evaluate(xpath, doc, XPathConstants.NODESET);
        if (l.getLength() == 0) {
            throw new IllegalArgumentException("'" + xpath + "' selects nothing");
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i));
        }
        return out;
    }

    /** The one node the XPath selects. */
    static Node selectOne(Document doc, String xpath) throws XPathExpressionException {
        List<Node> l = select(doc, xpath);
        if (l.size() != 1) {
            throw new IllegalArgumentException("'" + xpath + "' selects " + l.size() + " nodes; one is needed");
        }
        return l.get(0);
    }

    /** Parses a fragment of test data and imports its top-level nodes into {@code doc}. */
    static List<Node> fragment(Document doc, String xml) throws Exception {
        String wrapped = "<w xmlns=\"" + G + "\" xmlns:ds=\"" + DS + "\" xmlns:dsig11=\"" + DSIG11 + "\">" + xml + "</w>";
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element w = f.newDocumentBuilder().parse(new ByteArrayInputStream(wrapped.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        List<Node> out = new ArrayList<>();
        for (Node n = w.getFirstChild(); n != null; n = n.getNextSibling()) {
            out.add(doc.importNode(n, true));
        }
        return out;
    }

    /** Places {@code nodes} relative to {@code target}: before, after, first-child, last-child or replace. */
    static void place(Node target, String where, List<Node> nodes) {
        Node parent = target.getParentNode();
        switch (where) {
            case "before":
                nodes.forEach(n -> parent.insertBefore(n, target));
                break;
            case "after": {
                Node next = target.getNextSibling();
                nodes.forEach(n -> parent.insertBefore(n, next));
                break;
            }
            case "first-child": {
                Node first = target.getFirstChild();
                nodes.forEach(n -> target.insertBefore(n, first));
                break;
            }
            case "last-child":
                nodes.forEach(target::appendChild);
                break;
            case "replace":
                nodes.forEach(n -> parent.insertBefore(n, target));
                parent.removeChild(target);
                break;
            default:
                throw new IllegalArgumentException("where must be before, after, first-child, last-child or replace; found '" + where + "'");
        }
    }
}
