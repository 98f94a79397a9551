package org.gongwen.internal.wire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.internal.envelope.EnvelopeCodec;
import org.gongwen.internal.envelope.Namespaces;
import org.gongwen.internal.sign.EnvelopeSigner;
import org.gongwen.internal.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reading and writing the XML documents of the transport binding (spec/transport.md): the same
 * hardened parser as envelopes, a size limit, the expected root, and the schema. Stateless.
 */
public final class WireXml {
    static final String NS = Namespaces.ENVELOPE;
    private static final int MAX_DEPTH = 16;

    private WireXml() {
    }

    /**
     * Parses and schema-validates a document of the binding.
     *
     * @throws GongwenException {@code LIM-001} larger than {@code maxBytes}, the parser's codes,
     *     {@code SCH-001} for another root or a schema violation
     */
    public static Document parse(byte[] xml, int maxBytes, String root) throws GongwenException {
        if (xml.length > maxBytes) {
            throw new GongwenException(ErrorCode.LIMIT_SIZE, root + " document of " + xml.length + " bytes exceeds the limit of " + maxBytes);
        }
        Document doc = SecureXml.parse(xml, MAX_DEPTH);
        Element e = doc.getDocumentElement();
        if (!NS.equals(e.getNamespaceURI()) || !root.equals(e.getLocalName())) {
            throw new GongwenException(ErrorCode.SCHEMA_VIOLATION, "expected a " + root + " document in " + NS + ", found {"
                    + e.getNamespaceURI() + "}" + e.getLocalName());
        }
        Validator v = EnvelopeCodec.schema().newValidator();
        try {
            v.validate(new DOMSource(doc));
        } catch (SAXException ex) {
            throw new GongwenException(ErrorCode.SCHEMA_VIOLATION, root + " schema: " + ex.getMessage());
        } catch (IOException ex) {
            throw new GongwenException(ErrorCode.XML_MALFORMED, "cannot validate: " + ex.getMessage(), ex);
        }
        return doc;
    }

    /** A new document with the given root element in the binding's namespace (default prefix). */
    public static Document newDocument(String root) {
        Document doc = SecureXml.newDocument();
        Element e = doc.createElementNS(NS, root);
        e.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", NS);
        doc.appendChild(e);
        return doc;
    }

    /** Appends a child element with text. */
    public static Element add(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(NS, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    /** The document's bytes: its exclusive canonical form, UTF-8. */
    public static byte[] bytes(Document doc) throws GongwenException {
        return EnvelopeSigner.serialize(doc);
    }

    /** The child elements of the binding's namespace, in order (the schema has checked them). */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && NS.equals(n.getNamespaceURI())) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The children with a given local name. */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the only child with that name, or null. */
    public static String text(Element parent, String name) {
        List<Element> l = children(parent, name);
        return l.isEmpty() ? null : l.get(0).getTextContent();
    }
}
