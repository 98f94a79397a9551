package org.gongwen.internal.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ErrorHandler;

/**
 * The one place where the SDK parses XML. No DTD (a DOCTYPE is an error), no external entities
 * or schemas, no XInclude, secure processing on, bounded input size and element depth; then
 * no comment, processing instruction, entity reference or XInclude element is accepted in
 * the tree. Thread-safe: a new {@link DocumentBuilder} per call from a shared, configured
 * factory.
 */
public final class SecureXml {
    private static final String XINCLUDE_NS = "http://www.w3.org/2001/XInclude";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    /** The most elements in one envelope; a valid one has fewer than 2,400. */
    public static final int MAX_ELEMENTS = 10_000;
    private static final DocumentBuilderFactory FACTORY = newFactory();
    private static final Pool<DocumentBuilder> BUILDERS = new Pool<>(SecureXml::newBuilder, DocumentBuilder::reset);

    private SecureXml() {
    }

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        try {
            f.setNamespaceAware(true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "1");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/elementAttributeLimit", "64");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "256");
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK XML parser does not support a required safety setting", e);
        }
        return f;
    }

    /**
     * Parses a complete document held in memory (envelopes are bounded by
     * {@code Limits#maxEnvelopeBytes()} before they get here).
     *
     * @throws GongwenException {@code XFB-001} for a DOCTYPE or entity, {@code XFB-002} for a
     *     comment or processing instruction, {@code XFB-003} for XInclude, {@code LIM-002} when
     *     deeper than {@code maxDepth}, {@code XML-002} for a non-UTF-8 encoding, {@code XML-001}
     *     otherwise
     */
    public static Document parse(byte[] xml, int maxDepth) throws GongwenException {
        checkEncoding(xml);
        Document doc;
        DocumentBuilder b = BUILDERS.take();
        try {
            arm(b);
            doc = b.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            throw classify(e);
        } catch (SAXException e) {
            throw new GongwenException(ErrorCode.XML_DTD, "refused: " + e.getMessage());
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.XML_MALFORMED, "cannot parse: " + e.getMessage(), e);
        } finally {
            BUILDERS.give(b);
        }
        if (doc.getDoctype() != null) {
            throw new GongwenException(ErrorCode.XML_DTD, "a DOCTYPE declaration is present");
        }
        if (!"1.0".equals(doc.getXmlVersion())) {
            throw new GongwenException(ErrorCode.XML_MALFORMED, "XML version " + doc.getXmlVersion() + " is not allowed; envelopes are XML 1.0");
        }
        if (doc.getXmlEncoding() != null && !"UTF-8".equalsIgnoreCase(doc.getXmlEncoding())) {
            throw new GongwenException(ErrorCode.XML_ENCODING, "declared encoding " + doc.getXmlEncoding() + " is not UTF-8");
        }
        checkTree(doc.getDocumentElement(), 1, maxDepth, new int[1]);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                refuseNode(n);
            }
        }
        return doc;
    }

    private static DocumentBuilder newBuilder() {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the resolver and error handler (reset() clears them). */
    private static void arm(DocumentBuilder b) {
        b.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
        });
        b.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
    }

    private static GongwenException classify(SAXParseException e) {
        String m = String.valueOf(e.getMessage());
        String where = " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
        if (m.contains("DOCTYPE") || m.contains("was referenced, but not declared") || m.contains("JAXP00010001")
                || m.contains("entity expansion") || m.contains("external entity")) {
            return new GongwenException(ErrorCode.XML_DTD, "refused: " + m + where);
        }
        if (m.contains("maxElementDepth") || m.contains("depth")) {
            return new GongwenException(ErrorCode.LIMIT_DEPTH, m + where);
        }
        if (m.contains("elementAttributeLimit") || m.contains("attributes")) {
            return new GongwenException(ErrorCode.LIMIT_COUNT, m + where);
        }
        return new GongwenException(ErrorCode.XML_MALFORMED, m + where);
    }

    private static void checkEncoding(byte[] xml) throws GongwenException {
        if (xml.length >= 2 && ((xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF) || (xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE))) {
            throw new GongwenException(ErrorCode.XML_ENCODING, "UTF-16 is not allowed; envelopes are UTF-8");
        }
        // Without a byte order mark the parser would still detect UTF-16, UTF-32 or EBCDIC from
        // the first bytes and decode the document that way; only valid UTF-8 without NUL passes.
        for (byte b : xml) {
            if (b == 0) {
                throw new GongwenException(ErrorCode.XML_ENCODING, "a NUL byte: the XML is not UTF-8 (UTF-16 or UTF-32?); envelopes are UTF-8");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(xml));
        } catch (CharacterCodingException e) {
            throw new GongwenException(ErrorCode.XML_ENCODING, "the XML is not valid UTF-8; envelopes are UTF-8");
        }
        int start = xml.length >= 3 && xml[0] == (byte) 0xEF && xml[1] == (byte) 0xBB && xml[2] == (byte) 0xBF ? 3 : 0;
        if (xml.length >= start + 5 && xml[start] == '<' && xml[start + 1] == '?' && xml[start + 2] == 'x'
                && xml[start + 3] == 'm' && xml[start + 4] == 'l') {
            int end = Math.min(xml.length, start + 200);
            String decl = new String(xml, start, end - start, StandardCharsets.ISO_8859_1);
            int close = decl.indexOf("?>");
            if (close > 0) {
                decl = decl.substring(0, close);
                java.util.regex.Matcher version = java.util.regex.Pattern.compile("version\\s*=\\s*[\"']([^\"']*)[\"']").matcher(decl);
                if (version.find() && !"1.0".equals(version.group(1))) {
                    throw new GongwenException(ErrorCode.XML_MALFORMED, "XML version " + version.group(1) + " is not allowed; envelopes are XML 1.0");
                }
                int enc = decl.indexOf("encoding");
                if (enc >= 0) {
                    String rest = decl.substring(enc + 8).replaceAll("[\\s=\"']", " ").trim();
                    String name = rest.split("\\s+")[0];
                    if (!name.equalsIgnoreCase("UTF-8")) {
                        throw new GongwenException(ErrorCode.XML_ENCODING, "declared encoding " + name + " is not UTF-8");
                    }
                }
            }
        }
    }

    private static void checkTree(Element e, int depth, int maxDepth, int[] elements) throws GongwenException {
        if (depth > maxDepth) {
            throw new GongwenException(ErrorCode.LIMIT_DEPTH, "element nesting deeper than " + maxDepth);
        }
        if (++elements[0] > MAX_ELEMENTS) {
            throw new GongwenException(ErrorCode.LIMIT_COUNT, "more than " + MAX_ELEMENTS + " elements");
        }
        if (XINCLUDE_NS.equals(e.getNamespaceURI())) {
            throw new GongwenException(ErrorCode.XML_XINCLUDE, "XInclude element " + e.getTagName() + " is not allowed");
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            if (XINCLUDE_NS.equals(attrs.item(i).getNamespaceURI())
                    || XINCLUDE_NS.equals(attrs.item(i).getNodeValue()) && "xmlns".equals(attrs.item(i).getPrefix())) {
                throw new GongwenException(ErrorCode.XML_XINCLUDE, "XInclude namespace is not allowed");
            }
            if (XSI_NS.equals(attrs.item(i).getNamespaceURI())) {
                throw new GongwenException(ErrorCode.SCHEMA_VIOLATION, "attribute " + attrs.item(i).getNodeName()
                        + " is not allowed: envelopes carry no schema instance attributes");
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE:
                    checkTree((Element) n, depth + 1, maxDepth, elements);
                    break;
                case Node.TEXT_NODE:
                case Node.CDATA_SECTION_NODE:
                    break;
                default:
                    refuseNode(n);
            }
        }
    }

    private static void refuseNode(Node n) throws GongwenException {
        switch (n.getNodeType()) {
            case Node.COMMENT_NODE:
                throw new GongwenException(ErrorCode.XML_COMMENT_OR_PI, "a comment is present");
            case Node.PROCESSING_INSTRUCTION_NODE:
                throw new GongwenException(ErrorCode.XML_COMMENT_OR_PI, "a processing instruction is present");
            case Node.ENTITY_REFERENCE_NODE:
            case Node.DOCUMENT_TYPE_NODE:
                throw new GongwenException(ErrorCode.XML_DTD, "an entity reference or DOCTYPE is present");
            default:
                throw new GongwenException(ErrorCode.XML_MALFORMED, "unexpected node type " + n.getNodeType());
        }
    }

    /** Creates an empty namespace-aware document. */
    public static Document newDocument() {
        try {
            return FACTORY.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
