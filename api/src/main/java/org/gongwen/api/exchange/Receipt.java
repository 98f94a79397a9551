package org.gongwen.api.exchange;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.id.OrgCode;

/**
 * A signed receipt whose signature and trust the SDK has verified (spec/transport.md, T-7). It
 * is bound to one message by the message's sender and id and by the digest of the message's
 * signature value. The {@link #issuer()} is a node id ({@code GWNODE-dddddd}) for receipts a
 * node issues and an organisation code for receipts a recipient issues. Immutable.
 */
public final class Receipt {
    private final UUID receiptId;
    private final ReceiptType type;
    private final String issuer;
    private final Instant issued;
    private final OrgCode messageSender;
    private final UUID messageId;
    private final DigestAlgorithm signatureDigestAlgorithm;
    private final byte[] signatureDigest;
    private final List<OrgCode> recipients;
    private final String fromNode;
    private final String signedBy;
    private final String reason;
    private final String errorCode;
    private final UUID causedBy;
    private final X509Certificate signerCertificate;
    private final byte[] xml;

    private Receipt(Builder b) {
        this.receiptId = Objects.requireNonNull(b.receiptId, "receiptId");
        this.type = Objects.requireNonNull(b.type, "type");
        this.issuer = Objects.requireNonNull(b.issuer, "issuer");
        this.issued = Objects.requireNonNull(b.issued, "issued");
        this.messageSender = Objects.requireNonNull(b.messageSender, "messageSender");
        this.messageId = Objects.requireNonNull(b.messageId, "messageId");
        this.signatureDigestAlgorithm = Objects.requireNonNull(b.signatureDigestAlgorithm, "signatureDigestAlgorithm");
        this.signatureDigest = Objects.requireNonNull(b.signatureDigest, "signatureDigest").clone();
        this.recipients = List.copyOf(b.recipients);
        this.fromNode = b.fromNode;
        this.signedBy = b.signedBy;
        this.reason = b.reason;
        this.errorCode = b.errorCode;
        this.causedBy = b.causedBy;
        this.signerCertificate = Objects.requireNonNull(b.signerCertificate, "signerCertificate");
        this.xml = Objects.requireNonNull(b.xml, "xml").clone();
    }

    /** For the SDK's receipt reader, which fills it in only after verification. */
    public static Builder builder() {
        return new Builder();
    }

    /** The receipt's own id. */
    public UUID receiptId() { return receiptId; }

    /** What the receipt attests. */
    public ReceiptType type() { return type; }

    /** Who issued and signed it: a node id ({@code GWNODE-dddddd}) or an organisation code. */
    public String issuer() { return issuer; }

    /** When it was issued, by the issuer's clock. */
    public Instant issued() { return issued; }

    /** The sender of the message the receipt is about. */
    public OrgCode messageSender() { return messageSender; }

    /** The id of the message the receipt is about. */
    public UUID messageId() { return messageId; }

    /** The algorithm of {@link #signatureDigest()}: the digest of the message's profile. */
    public DigestAlgorithm signatureDigestAlgorithm() { return signatureDigestAlgorithm; }

    /** The digest of the message's decoded signature value (a copy). */
    public byte[] signatureDigest() { return signatureDigest.clone(); }

    /**
     * The recipients the receipt concerns: exactly one for a recipient's receipt and for REJECTED
     * and EXPIRED, those the hop carried the message for in a RELAYED record, none for ACCEPTED.
     */
    public List<OrgCode> recipients() { return recipients; }

    /** The one recipient the receipt concerns, if it concerns exactly one. */
    public Optional<OrgCode> recipient() {
        return recipients.size() == 1 ? Optional.of(recipients.get(0)) : Optional.empty();
    }

    /** For {@link ReceiptType#RELAYED}: the node the message came from. */
    public Optional<String> fromNode() { return Optional.ofNullable(fromNode); }

    /** For {@link ReceiptType#SIGNED_FOR}: the person or office that signed for the document. */
    public Optional<String> signedBy() { return Optional.ofNullable(signedBy); }

    /** For {@link ReceiptType#RETURNED} (required) and {@link ReceiptType#REJECTED}: why. */
    public Optional<String> reason() { return Optional.ofNullable(reason); }

    /** For {@link ReceiptType#REJECTED}: the error code from spec/errors.md. */
    public Optional<String> errorCode() { return Optional.ofNullable(errorCode); }

    /**
     * The lifecycle message that caused this receipt (spec/lifecycle.md): the WITHDRAWAL of a
     * {@link ReceiptType#WITHDRAWN}, the REMINDER of a {@link ReceiptType#REMINDED}, the REPLY of a
     * {@link ReceiptType#REPLIED}; empty for every other type.
     */
    public Optional<UUID> causedBy() { return Optional.ofNullable(causedBy); }

    /** The certificate the receipt was verified with. */
    public X509Certificate signerCertificate() { return signerCertificate; }

    /** The signed receipt document exactly as received, for archiving (a copy). */
    public byte[] xml() { return xml.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Receipt && java.util.Arrays.equals(((Receipt) o).xml, xml);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(xml);
    }

    @Override
    public String toString() {
        return "Receipt{" + type + " by " + issuer + " at " + issued + " for " + messageSender + "/" + messageId
                + (recipients.isEmpty() ? "" : " recipients " + recipients) + (errorCode != null ? " " + errorCode : "") + "}";
    }

    /** Builds a {@link Receipt}; used by the SDK after verification. Not thread-safe. */
    public static final class Builder {
        private UUID receiptId;
        private ReceiptType type;
        private String issuer;
        private Instant issued;
        private OrgCode messageSender;
        private UUID messageId;
        private DigestAlgorithm signatureDigestAlgorithm;
        private byte[] signatureDigest;
        private final List<OrgCode> recipients = new ArrayList<>();
        private String fromNode;
        private String signedBy;
        private String reason;
        private String errorCode;
        private UUID causedBy;
        private X509Certificate signerCertificate;
        private byte[] xml;

        private Builder() {
        }

        /** Sets the receipt id. */
        public Builder receiptId(UUID v) { this.receiptId = v; return this; }

        /** Sets the type. */
        public Builder type(ReceiptType v) { this.type = v; return this; }

        /** Sets the issuer. */
        public Builder issuer(String v) { this.issuer = v; return this; }

        /** Sets the issue time. */
        public Builder issued(Instant v) { this.issued = v; return this; }

        /** Sets the message's sender. */
        public Builder messageSender(OrgCode v) { this.messageSender = v; return this; }

        /** Sets the message id. */
        public Builder messageId(UUID v) { this.messageId = v; return this; }

        /** Sets the signature digest and its algorithm. */
        public Builder signatureDigest(DigestAlgorithm alg, byte[] digest) {
            this.signatureDigestAlgorithm = alg;
            this.signatureDigest = digest;
            return this;
        }

        /** Adds a recipient concerned. */
        public Builder recipient(OrgCode v) { this.recipients.add(Objects.requireNonNull(v)); return this; }

        /** Sets the node a relayed message came from. */
        public Builder fromNode(String v) { this.fromNode = v; return this; }

        /** Sets who signed for the document. */
        public Builder signedBy(String v) { this.signedBy = v; return this; }

        /** Sets the reason. */
        public Builder reason(String v) { this.reason = v; return this; }

        /** Sets the error code. */
        public Builder errorCode(String v) { this.errorCode = v; return this; }

        /** Sets the lifecycle message that caused the receipt. */
        public Builder causedBy(UUID v) { this.causedBy = v; return this; }

        /** Sets the verified signer certificate. */
        public Builder signerCertificate(X509Certificate v) { this.signerCertificate = v; return this; }

        /** Sets the signed XML. */
        public Builder xml(byte[] v) { this.xml = v; return this; }

        /**
         * Builds the receipt.
         *
         * @throws NullPointerException if a required value is missing
         */
        public Receipt build() {
            return new Receipt(this);
        }
    }
}
