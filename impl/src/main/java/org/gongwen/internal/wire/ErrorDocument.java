package org.gongwen.internal.wire;

import java.util.Optional;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The error document of T-3.3.
 *
 * @param code the error code
 * @param message the text for people
 */
public record ErrorDocument(ErrorCode code, String message) {
    private static final int MAX_MESSAGE = 2000;

    /** The document's bytes. */
    public byte[] toXml() {
        Document doc = WireXml.newDocument("Error");
        Element root = doc.getDocumentElement();
        WireXml.add(root, "Code", code.code());
        WireXml.add(root, "Retryable", Boolean.toString(code.retryable()));
        String m = message == null || message.isBlank() ? code.description() : message;
        WireXml.add(root, "Message", m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) : m);
        try {
            return WireXml.bytes(doc);
        } catch (GongwenException e) {
            throw new IllegalStateException("cannot serialise an error document", e);
        }
    }

    /**
     * Reads an error document. An unknown code, or a retry flag that differs from the table,
     * gives {@code TRN-002} (T-3.3).
     *
     * @throws GongwenException if the document is malformed
     */
    public static ErrorDocument read(byte[] xml) throws GongwenException {
        Document doc = WireXml.parse(xml, Binding.MAX_ERROR_BYTES, "Error");
        Element root = doc.getDocumentElement();
        String c = WireXml.text(root, "Code");
        String flag = WireXml.text(root, "Retryable").trim();
        boolean retryable = "true".equals(flag) || "1".equals(flag);
        String message = WireXml.text(root, "Message");
        Optional<ErrorCode> known = ErrorCode.fromCode(c);
        if (known.isEmpty() || known.get().retryable() != retryable) {
            return new ErrorDocument(ErrorCode.TRANSPORT_FATAL, "the node answered with " + (known.isEmpty() ? "unknown code " : "a wrong retry flag for ")
                    + c + ": " + message);
        }
        return new ErrorDocument(known.get(), message);
    }

    /** As an exception carrying the code. */
    public GongwenException toException(String context) {
        return new GongwenException(code, context + ": " + message);
    }
}
