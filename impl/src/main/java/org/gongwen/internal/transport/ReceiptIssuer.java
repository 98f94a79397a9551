package org.gongwen.internal.transport;

import java.time.Duration;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ReceiptDraft;
import org.gongwen.internal.wire.Receipts;

/**
 * The receipts a recipient issues (spec/transport.md, T-7.3 and T-7.5): DELIVERED, SIGNED_FOR,
 * RETURNED and REJECTED, each naming this organisation as issuer and as its one recipient, bound
 * to the message by its signature digest, signed with the organisation's signing identity,
 * verified as any reader would verify it, and posted to the home node. Thread-safe.
 */
final class ReceiptIssuer {
    private static final ContentType TYPE = ContentType.create(Binding.RECEIPT_TYPE);
    private static final int MAX_SIGNED_BY = 200;
    private static final int MAX_REASON = 2000;

    private final NodeHttp http;
    private final TrustValidator trust;
    private final SigningIdentity identity;
    private final OrgCode self;

    ReceiptIssuer(NodeHttp http, TrustValidator trust, SigningIdentity identity, OrgCode self) {
        this.http = http;
        this.trust = trust;
        this.identity = identity;
        this.self = self;
    }

    /** DELIVERED for a fetched and verified message. */
    Receipt delivered(VerifiedPackage p) throws GongwenException {
        return issue(draft(ReceiptType.DELIVERED, p));
    }

    /** SIGNED_FOR (签收), naming who signed. */
    Receipt signedFor(VerifiedPackage p, String signedBy) throws GongwenException {
        ReceiptDraft d = draft(ReceiptType.SIGNED_FOR, p);
        return issue(d.signedBy(text("signedBy", signedBy, MAX_SIGNED_BY)));
    }

    /** RETURNED (退文), with the reason. */
    Receipt returned(VerifiedPackage p, String reason) throws GongwenException {
        ReceiptDraft d = draft(ReceiptType.RETURNED, p);
        return issue(d.reason(text("reason", reason, MAX_REASON)));
    }

    /** REJECTED for a message that did not verify here, with the code and, shortened if need be, the text. */
    Receipt rejected(OrgCode sender, UUID messageId, MessageSignature signature, ErrorCode code, String reason) throws GongwenException {
        String r = reason == null || reason.isBlank() ? code.description() : reason.strip();
        if (r.length() > MAX_REASON) {
            r = r.substring(0, MAX_REASON - 3) + "...";
        }
        ReceiptDraft d = new ReceiptDraft(ReceiptType.REJECTED, self.value(), sender, messageId,
                signature.profile().digestAlgorithm(), signature.digest()).recipient(self);
        return issue(d.errorCode(code.code()).reason(r));
    }

    /** A draft for a message addressed to this organisation, which is its issuer and its one recipient. */
    private ReceiptDraft draft(ReceiptType type, VerifiedPackage p) throws GongwenException {
        if (p == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no message given");
        }
        Header h = p.envelope().header();
        if (!h.recipients().contains(self)) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "message " + h.sender() + "/" + h.messageId() + " is not addressed to "
                    + self + "; " + self + " cannot issue receipts for it");
        }
        MessageSignature s = new MessageSignature(p.signer().profile(), p.signatureValue());
        return new ReceiptDraft(type, self.value(), h.sender(), h.messageId(), s.profile().digestAlgorithm(), s.digest()).recipient(self);
    }

    private static String text(String name, String value, int max) throws GongwenException {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, name + " must be 1 to " + max + " characters, not blank"
                    + (value == null ? " (it is missing)" : " (it has " + value.length() + ")"));
        }
        return value;
    }

    /** Signs, verifies the signed bytes as a reader would, posts them; the verified receipt is returned. */
    private Receipt issue(ReceiptDraft d) throws GongwenException {
        byte[] xml = Receipts.sign(d, identity);
        Receipt r = Receipts.verify(xml, trust);
        HttpPost post = new HttpPost(http.uri(Binding.RECEIPTS, null));
        post.setEntity(new ByteArrayEntity(xml, TYPE));
        String what = "POST " + Binding.RECEIPTS + " (" + r.type() + " for message " + r.messageSender() + "/" + r.messageId() + ")";
        try (Call call = http.execute(post, Duration.ZERO, what)) {
            if (call.status() != 200 && call.status() != 201) {
                throw Responses.refusal(call);
            }
            call.readAll(Receipts.MAX_BYTES, "answer");
        }
        return r;
    }
}
