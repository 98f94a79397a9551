package org.gongwen.internal.wire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;

/** The content of a receipt before it is signed. Mutable; not thread-safe. */
public final class ReceiptDraft {
    UUID receiptId = UUID.randomUUID();
    final ReceiptType type;
    final String issuer;
    Instant issued = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    final OrgCode messageSender;
    final UUID messageId;
    final DigestAlgorithm digestAlgorithm;
    final byte[] signatureDigest;
    final List<OrgCode> recipients = new ArrayList<>();
    String fromNode;
    String signedBy;
    String reason;
    String errorCode;
    UUID causedBy;

    /**
     * Starts a receipt.
     *
     * @param issuer the signing party: an organisation code or a node id
     * @param signatureDigest the digest of the message's signature value ({@link Receipts#signatureDigest})
     */
    public ReceiptDraft(ReceiptType type, String issuer, OrgCode messageSender, UUID messageId,
            DigestAlgorithm digestAlgorithm, byte[] signatureDigest) {
        this.type = Objects.requireNonNull(type);
        this.issuer = Objects.requireNonNull(issuer);
        this.messageSender = Objects.requireNonNull(messageSender);
        this.messageId = Objects.requireNonNull(messageId);
        this.digestAlgorithm = Objects.requireNonNull(digestAlgorithm);
        this.signatureDigest = signatureDigest.clone();
    }

    /** Sets the receipt id (default random). */
    public ReceiptDraft receiptId(UUID id) { this.receiptId = Objects.requireNonNull(id); return this; }

    /** Sets the issue time (default now). */
    public ReceiptDraft issued(Instant t) { this.issued = t.truncatedTo(ChronoUnit.MILLIS); return this; }

    /** Adds a recipient. */
    public ReceiptDraft recipient(OrgCode r) { this.recipients.add(Objects.requireNonNull(r)); return this; }

    /** Adds recipients. */
    public ReceiptDraft recipients(List<OrgCode> rs) { rs.forEach(this::recipient); return this; }

    /** Sets the node a relayed message came from. */
    public ReceiptDraft fromNode(String node) { this.fromNode = node; return this; }

    /** Sets who signed for the document. */
    public ReceiptDraft signedBy(String who) { this.signedBy = who; return this; }

    /** Sets the reason. */
    public ReceiptDraft reason(String why) { this.reason = why; return this; }

    /** Sets the error code. */
    public ReceiptDraft errorCode(String code) { this.errorCode = code; return this; }

    /** Sets the lifecycle message that caused the receipt (WITHDRAWN, REMINDED, REPLIED). */
    public ReceiptDraft causedBy(UUID id) { this.causedBy = id; return this; }
}
