package org.gongwen.internal.wire;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.trust.TrustValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The status document of T-8: written by a node from stored receipt bytes, read by a client
 * that verifies every receipt, assigns it to the recipients it names and derives each state
 * itself. Each receipt appears once, however many recipients it names.
 *
 * @param sender the message's sender
 * @param messageId the message id
 * @param accepted the signed ACCEPTED receipt
 * @param receipts every other signed receipt about the message, oldest first
 * @param recipients one row per recipient, in the envelope's order
 * @param conversationId the message's conversation id, or null if the node does not report it
 */
public record StatusDocument(OrgCode sender, UUID messageId, byte[] accepted, List<byte[]> receipts, List<Row> recipients,
        UUID conversationId) {
    /** A status document without a conversation id. */
    public StatusDocument(OrgCode sender, UUID messageId, byte[] accepted, List<byte[]> receipts, List<Row> recipients) {
        this(sender, messageId, accepted, receipts, recipients, null);
    }

    /**
     * One recipient.
     *
     * @param recipient the recipient
     * @param primary 主送 rather than 抄送
     * @param state the state the node reports
     */
    public record Row(OrgCode recipient, boolean primary, DeliveryState state) {
    }

    /** The document's bytes. */
    public byte[] toXml() throws GongwenException {
        Document doc = WireXml.newDocument("Status");
        Element root = doc.getDocumentElement();
        WireXml.add(root, "Sender", sender.value());
        WireXml.add(root, "MessageId", messageId.toString());
        if (conversationId != null) {
            WireXml.add(root, "ConversationId", conversationId.toString());
        }
        WireXml.add(root, "Accepted", Base64.getEncoder().encodeToString(accepted));
        for (byte[] receipt : receipts) {
            WireXml.add(root, "Receipt", Base64.getEncoder().encodeToString(receipt));
        }
        for (Row r : recipients) {
            Element x = WireXml.add(root, "Recipient", null);
            x.setAttributeNS(null, "primary", Boolean.toString(r.primary()));
            WireXml.add(x, "Organisation", r.recipient().value());
            WireXml.add(x, "State", r.state().name());
        }
        byte[] bytes = WireXml.bytes(doc);
        if (bytes.length > Binding.MAX_STATUS_BYTES) {
            throw new GongwenException(ErrorCode.LIMIT_SIZE, "the status of " + messageId + " would take " + bytes.length
                    + " bytes, more than the limit of " + Binding.MAX_STATUS_BYTES);
        }
        return bytes;
    }

    /** Reads the document without verifying its receipts. */
    public static StatusDocument read(byte[] xml) throws GongwenException {
        Document doc = WireXml.parse(xml, Binding.MAX_STATUS_BYTES, "Status");
        Element root = doc.getDocumentElement();
        try {
            List<byte[]> receipts = new ArrayList<>();
            for (Element r : WireXml.children(root, "Receipt")) {
                receipts.add(Base64.getMimeDecoder().decode(r.getTextContent()));
            }
            List<Row> rows = new ArrayList<>();
            for (Element x : WireXml.children(root, "Recipient")) {
                rows.add(new Row(OrgCode.of(WireXml.text(x, "Organisation")), Boolean.parseBoolean(x.getAttribute("primary").trim()),
                        DeliveryState.valueOf(WireXml.text(x, "State"))));
            }
            String conversation = WireXml.text(root, "ConversationId");
            return new StatusDocument(OrgCode.of(WireXml.text(root, "Sender")), UUID.fromString(WireXml.text(root, "MessageId")),
                    Base64.getMimeDecoder().decode(WireXml.text(root, "Accepted")), receipts, rows,
                    conversation == null ? null : UUID.fromString(conversation));
        } catch (IllegalArgumentException e) {
            throw new GongwenException(ErrorCode.INVALID_VALUE, "status: " + e.getMessage());
        }
    }

    /**
     * Verifies every receipt, checks that each is bound to this message and names only its
     * recipients, and derives each recipient's state from the receipts naming it (T-8.2).
     *
     * @param signatureDigest the digest of the message's signature value, if the caller knows it;
     *     otherwise the ACCEPTED receipt's digest is taken as the reference for all others
     * @throws GongwenException the first receipt that fails, or {@code MSG-004} for a receipt or
     *     state that does not belong
     */
    public MessageStatus verify(TrustValidator trust, OrgCode expectedSender, UUID expectedId, byte[] signatureDigest)
            throws GongwenException {
        if (!sender.equals(expectedSender) || !messageId.equals(expectedId)) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the status is for " + sender + "/" + messageId);
        }
        Receipt acc = Receipts.verify(accepted, trust);
        if (acc.type() != ReceiptType.ACCEPTED) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the status's Accepted receipt is " + acc.type());
        }
        DigestAlgorithm alg = acc.signatureDigestAlgorithm();
        byte[] digest = signatureDigest != null ? signatureDigest : acc.signatureDigest();
        Receipts.checkBound(acc, sender, messageId, alg, digest);
        Set<OrgCode> named = new HashSet<>();
        for (Row row : recipients) {
            if (!named.add(row.recipient())) {
                throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the status lists " + row.recipient() + " twice");
            }
        }
        List<Receipt> all = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (byte[] bytes : receipts) {
            Receipt r = Receipts.verify(bytes, trust);
            Receipts.checkBound(r, sender, messageId, alg, digest);
            if (r.type() == ReceiptType.ACCEPTED || !ids.add(r.receiptId())) {
                throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the status repeats a receipt or carries a second ACCEPTED");
            }
            for (OrgCode o : r.recipients()) {
                if (!named.contains(o)) {
                    throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "a " + r.type() + " receipt names " + o + ", not a recipient of the status");
                }
            }
            all.add(r);
        }
        List<RecipientStatus> out = new ArrayList<>();
        for (Row row : recipients) {
            List<Receipt> timeline = all.stream().filter(r -> r.recipients().contains(row.recipient())).toList();
            DeliveryState derived = Receipts.stateOf(timeline);
            if (derived != row.state()) {
                throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the node reports " + row.state() + " for " + row.recipient()
                        + " but its receipts show " + derived);
            }
            out.add(new RecipientStatus(row.recipient(), row.primary(), derived, timeline));
        }
        return new MessageStatus(sender, messageId, conversationId, acc, out);
    }
}
