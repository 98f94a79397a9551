package org.gongwen.internal.wire;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.id.OrgCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The mailbox listing of T-5.1. Stateless. */
public final class MailboxDocument {
    private MailboxDocument() {
    }

    /** The listing's bytes. */
    public static byte[] write(List<MailboxEntry> entries) throws GongwenException {
        if (entries.size() > Binding.MAX_MAILBOX_ENTRIES) {
            throw new IllegalArgumentException("at most " + Binding.MAX_MAILBOX_ENTRIES + " entries per listing");
        }
        Document doc = WireXml.newDocument("Mailbox");
        Element root = doc.getDocumentElement();
        for (MailboxEntry e : entries) {
            Element x = WireXml.add(root, "Entry", null);
            WireXml.add(x, "Sender", e.sender().value());
            WireXml.add(x, "MessageId", e.messageId().toString());
            WireXml.add(x, "MessageType", e.messageType().name());
            WireXml.add(x, "Size", Long.toString(e.size()));
            WireXml.add(x, "PackageSHA256", e.packageSha256());
            WireXml.add(x, "Arrived", e.arrived().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        return WireXml.bytes(doc);
    }

    /**
     * Reads a listing.
     *
     * @throws GongwenException if it is malformed or too large
     */
    public static List<MailboxEntry> read(byte[] xml) throws GongwenException {
        Document doc = WireXml.parse(xml, Binding.MAX_MAILBOX_BYTES, "Mailbox");
        List<MailboxEntry> out = new ArrayList<>();
        for (Element x : WireXml.children(doc.getDocumentElement(), "Entry")) {
            try {
                out.add(new MailboxEntry(OrgCode.of(WireXml.text(x, "Sender")), UUID.fromString(WireXml.text(x, "MessageId")),
                        MessageType.valueOf(WireXml.text(x, "MessageType")), Long.parseLong(WireXml.text(x, "Size")),
                        WireXml.text(x, "PackageSHA256"), Instant.parse(WireXml.text(x, "Arrived"))));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new GongwenException(ErrorCode.INVALID_VALUE, "mailbox entry: " + e.getMessage());
            }
        }
        return out;
    }
}
