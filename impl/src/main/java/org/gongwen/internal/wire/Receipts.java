package org.gongwen.internal.wire;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Algorithms;
import org.gongwen.internal.crypto.Digests;
import org.gongwen.internal.sign.EnvelopeSigner;
import org.gongwen.internal.sign.EnvelopeVerifier;
import org.gongwen.internal.sign.SignatureShape;
import org.gongwen.internal.trust.Certificates;
import org.gongwen.internal.trust.TrustValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signing and verifying receipts (spec/transport.md, T-7). Stateless and thread-safe.
 */
public final class Receipts {
    /** The largest receipt document accepted (T-10). */
    public static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_CERTIFICATES = 10;

    private Receipts() {
    }

    /** The digest that binds a receipt to a message (T-7.2): the profile's digest of the signature value. */
    public static byte[] signatureDigest(SignatureProfile messageProfile, byte[] signatureValue) {
        MessageDigest md = Digests.newDigest(messageProfile.digestAlgorithm());
        return md.digest(signatureValue);
    }

    /**
     * Signs a receipt.
     *
     * @return the signed receipt document in its canonical form
     * @throws GongwenException {@code LOC-002} if the draft breaks T-7.3 or the identity's
     *     certificate does not name the issuer; {@code ALG-002} if the key does not fit the profile
     */
    public static byte[] sign(ReceiptDraft d, SigningIdentity identity) throws GongwenException {
        try {
            checkRules(d.type, d.issuer, d.recipients, d.fromNode, d.signedBy, d.reason, d.errorCode, d.causedBy);
        } catch (GongwenException e) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "cannot sign this receipt: " + e.getMessage());
        }
        String party = TrustValidator.partyOf(Certificates.toBc(identity.certificate()));
        if (!party.equals(d.issuer)) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "the signing certificate names " + party + ", the receipt's issuer is " + d.issuer);
        }
        Document doc = WireXml.newDocument("Receipt");
        Element root = doc.getDocumentElement();
        root.setAttributeNS(null, "version", "1.0");
        WireXml.add(root, "ReceiptId", d.receiptId.toString());
        WireXml.add(root, "Type", d.type.name());
        WireXml.add(root, "Issuer", d.issuer);
        WireXml.add(root, "Issued", d.issued.toString());
        Element m = WireXml.add(root, "Message", null);
        WireXml.add(m, "Sender", d.messageSender.value());
        WireXml.add(m, "MessageId", d.messageId.toString());
        WireXml.add(m, "SignatureDigest", Base64.getEncoder().encodeToString(d.signatureDigest))
                .setAttributeNS(null, "Algorithm", Algorithms.digestMethod(d.digestAlgorithm));
        for (OrgCode r : d.recipients) {
            WireXml.add(root, "Recipient", r.value());
        }
        optional(root, "FromNode", d.fromNode);
        optional(root, "SignedBy", d.signedBy);
        optional(root, "Reason", d.reason);
        optional(root, "ErrorCode", d.errorCode);
        optional(root, "CausedBy", d.causedBy == null ? null : d.causedBy.toString());
        EnvelopeSigner.sign(doc, identity);
        return WireXml.bytes(doc);
    }

    private static void optional(Element root, String name, String value) {
        if (value != null) {
            WireXml.add(root, name, value);
        }
    }

    /**
     * Verifies a receipt (T-7.4) up to the binding to the issuer; the caller then checks which
     * message it names with {@link #checkBound}.
     *
     * @throws GongwenException the code of the first rule broken
     */
    public static Receipt verify(byte[] xml, TrustValidator trust) throws GongwenException {
        Document doc = WireXml.parse(xml, MAX_BYTES, "Receipt");
        Element root = doc.getDocumentElement();
        if (!"1.0".equals(root.getAttribute("version"))) {
            throw new GongwenException(ErrorCode.SCHEMA_VERSION, "receipt version " + root.getAttribute("version") + " is not supported");
        }
        SignatureShape shape = SignatureShape.read(doc, MAX_CERTIFICATES);
        List<X509Certificate> path = EnvelopeVerifier.verifySignature(doc, shape, trust);
        Receipt.Builder b = Receipt.builder().signerCertificate(path.get(0)).xml(xml);
        String issuer = WireXml.text(root, "Issuer");
        String party = TrustValidator.partyOf(path.get(0));
        if (!party.equals(issuer)) {
            throw new GongwenException(ErrorCode.TRUST_SENDER_BINDING, "the receipt's signer certificate names " + party + ", its issuer is " + issuer);
        }
        ReceiptType type = ReceiptType.valueOf(WireXml.text(root, "Type"));
        List<OrgCode> recipients = WireXml.children(root, "Recipient").stream().map(e -> OrgCode.of(e.getTextContent())).toList();
        String fromNode = WireXml.text(root, "FromNode");
        String signedBy = WireXml.text(root, "SignedBy");
        String reason = WireXml.text(root, "Reason");
        String errorCode = WireXml.text(root, "ErrorCode");
        String causedByText = WireXml.text(root, "CausedBy");
        UUID causedBy;
        try {
            causedBy = causedByText == null ? null : UUID.fromString(causedByText);
        } catch (IllegalArgumentException e) {
            throw new GongwenException(ErrorCode.INVALID_VALUE, "receipt CausedBy: " + e.getMessage());
        }
        checkRules(type, issuer, recipients, fromNode, signedBy, reason, errorCode, causedBy);
        Element m = WireXml.children(root, "Message").get(0);
        Element sd = WireXml.children(m, "SignatureDigest").get(0);
        DigestAlgorithm alg = Algorithms.digestOf(sd.getAttribute("Algorithm")).orElseThrow(() ->
                new GongwenException(ErrorCode.ALGORITHM_NOT_ALLOWED, "SignatureDigest algorithm " + sd.getAttribute("Algorithm")));
        try {
            b.receiptId(UUID.fromString(WireXml.text(root, "ReceiptId")))
                    .type(type).issuer(issuer)
                    .issued(Instant.parse(WireXml.text(root, "Issued")))
                    .messageSender(OrgCode.of(WireXml.text(m, "Sender")))
                    .messageId(UUID.fromString(WireXml.text(m, "MessageId")))
                    .signatureDigest(alg, Base64.getMimeDecoder().decode(sd.getTextContent()))
                    .fromNode(fromNode).signedBy(signedBy).reason(reason).errorCode(errorCode).causedBy(causedBy);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new GongwenException(ErrorCode.INVALID_VALUE, "receipt value: " + e.getMessage());
        }
        recipients.forEach(b::recipient);
        return b.build();
    }

    /**
     * Checks that a verified receipt names the expected message (T-7.4).
     *
     * @throws GongwenException {@code MSG-004} if the sender, id, digest algorithm or digest differ
     */
    public static void checkBound(Receipt r, OrgCode sender, UUID messageId, DigestAlgorithm alg, byte[] signatureDigest)
            throws GongwenException {
        if (!r.messageSender().equals(sender) || !r.messageId().equals(messageId)) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the receipt names message " + r.messageSender() + "/" + r.messageId()
                    + ", expected " + sender + "/" + messageId);
        }
        if (r.signatureDigestAlgorithm() != alg || !MessageDigest.isEqual(r.signatureDigest(), signatureDigest)) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the receipt's signature digest does not match the message " + messageId);
        }
    }

    /** The rules of T-7.3 on who issues which type with which elements. */
    static void checkRules(ReceiptType type, String issuer, List<OrgCode> recipients, String fromNode, String signedBy,
            String reason, String errorCode, UUID causedBy) throws GongwenException {
        boolean node = NodeId.isValid(issuer);
        boolean org = OrgCode.isValid(issuer);
        if (!node && !org) {
            throw rule("issuer " + issuer + " is neither a node id nor an organisation code");
        }
        if (node && !type.issuedByNode() || org && !type.issuedByRecipient()) {
            throw rule(type + " may not be issued by " + (node ? "a node" : "an organisation"));
        }
        if (org && (recipients.size() != 1 || !recipients.get(0).value().equals(issuer))) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "a recipient's receipt must name its issuer as its one recipient");
        }
        switch (type) {
            case ACCEPTED:
                require(recipients.isEmpty(), "ACCEPTED names no recipient");
                break;
            case RELAYED:
                require(!recipients.isEmpty(), "RELAYED names the recipients it carried");
                require(fromNode != null && NodeId.isValid(fromNode), "RELAYED needs FromNode");
                break;
            case REJECTED:
            case EXPIRED:
            case WITHDRAWN:
            case REMINDED:
            case REPLIED:
                require(recipients.size() == 1, type + " names exactly one recipient");
                break;
            default:
                break;
        }
        require(fromNode == null || type == ReceiptType.RELAYED, "FromNode belongs to RELAYED only");
        require((signedBy != null) == (type == ReceiptType.SIGNED_FOR), "SignedBy is required for SIGNED_FOR and only there");
        require(type != ReceiptType.RETURNED || reason != null, "RETURNED needs a Reason");
        require(type != ReceiptType.WITHDRAWN || reason != null, "WITHDRAWN needs a Reason");
        require(reason == null || type == ReceiptType.RETURNED || type == ReceiptType.REJECTED || type == ReceiptType.WITHDRAWN
                || type == ReceiptType.REMINDED, "Reason belongs to RETURNED, REJECTED, WITHDRAWN and REMINDED");
        boolean lifecycle = type == ReceiptType.WITHDRAWN || type == ReceiptType.REMINDED || type == ReceiptType.REPLIED;
        require((causedBy != null) == lifecycle, "CausedBy is required for WITHDRAWN, REMINDED and REPLIED and only there");
        require((errorCode != null) == (type == ReceiptType.REJECTED), "ErrorCode is required for REJECTED and only there");
        require(signedBy == null || !signedBy.isBlank() && signedBy.length() <= 200, "SignedBy must be 1 to 200 characters");
        require(reason == null || !reason.isBlank() && reason.length() <= 2000, "Reason must be 1 to 2000 characters");
        require(errorCode == null || errorCode.matches("[A-Z]{3}-[0-9]{3}"), "ErrorCode must look like XXX-000");
    }

    private static void require(boolean ok, String rule) throws GongwenException {
        if (!ok) {
            throw rule(rule);
        }
    }

    private static GongwenException rule(String text) {
        return new GongwenException(ErrorCode.SCHEMA_VIOLATION, "receipt: " + text + " (T-7.3)");
    }

    /**
     * A recipient's state derived from the receipts that name it (T-8.2).
     */
    public static DeliveryState stateOf(List<Receipt> receipts) {
        StateFold f = new StateFold();
        for (Receipt r : receipts) {
            f.add(r.type(), r.issuer());
        }
        return f.state();
    }

    /**
     * Folds receipts into a recipient's state (T-8.2): the recipient's own word outranks a node's.
     * Ranks, lowest first: no receipt (ACCEPTED); RELAYED; a node's REJECTED or EXPIRED; the
     * recipient's DELIVERED; the recipient's SIGNED_FOR, RETURNED or REJECTED, and WITHDRAWN
     * (C-5.1). A receipt replaces the state only if its rank is higher. REMINDED and REPLIED are
     * timeline entries without a rank. Not thread-safe.
     */
    public static final class StateFold {
        private DeliveryState state = DeliveryState.ACCEPTED;
        private int rank;

        /** Adds one receipt naming the recipient. */
        public void add(ReceiptType type, String issuer) {
            boolean byNode = NodeId.isValid(issuer);
            int r;
            DeliveryState s;
            switch (type) {
                case RELAYED: r = 1; s = DeliveryState.RELAYED; break;
                case EXPIRED: r = 2; s = DeliveryState.EXPIRED; break;
                case REJECTED: r = byNode ? 2 : 4; s = DeliveryState.REJECTED; break;
                case DELIVERED: r = 3; s = DeliveryState.DELIVERED; break;
                case SIGNED_FOR: r = 4; s = DeliveryState.SIGNED_FOR; break;
                case RETURNED: r = 4; s = DeliveryState.RETURNED; break;
                case WITHDRAWN: r = 4; s = DeliveryState.WITHDRAWN; break;
                default: return;
            }
            if (r > rank) {
                rank = r;
                state = s;
            }
        }

        /** The state so far. */
        public DeliveryState state() {
            return state;
        }
    }
}
