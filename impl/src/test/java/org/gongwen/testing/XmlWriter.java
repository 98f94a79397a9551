package org.gongwen.testing;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;

/**
 * Serialises a DOM as UTF-8 with an XML declaration and no added white space: how tests write
 * envelopes they have changed (the SDK itself writes the canonical form).
 */
public final class XmlWriter {
    private XmlWriter() {
    }

    public static void write(Document doc, OutputStream out) throws IOException {
        try {
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.setOutputProperty(OutputKeys.STANDALONE, "no");
            doc.setXmlStandalone(true);
            t.transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot serialise XML: " + e.getMessage(), e);
        }
    }
}
