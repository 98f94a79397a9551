package org.gongwen.conformance.platform;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.Receipts;

/** Valid submissions: acceptance, duplicates, conflicts and the ACCEPTED receipt (T-4, T-7). */
final class SubmissionScenarios {
    private SubmissionScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("submit-valid", "submit a valid package", "T-4.6",
                        "HTTP 201 with a receipt and a Location header; the recipient's mailbox lists the message and serves "
                                + "the submitted bytes (T-5.2)", SubmissionScenarios::submitValid),
                new Scenario("resubmit-same-bytes", "the same package again", "T-4.5",
                        "HTTP 200 with the byte-identical receipt of the first submission", SubmissionScenarios::resubmit),
                new Scenario("conflict-same-id", "another package under the same message id", "T-4.5",
                        "HTTP 409 MSG-002; the first message stays as it was", SubmissionScenarios::conflict),
                new Scenario("accepted-receipt-bound", "the ACCEPTED receipt is signed and bound to the message", "T-7.2, T-7.4",
                        "the receipt verifies under the tester's trust anchors, is issued by a node whose certificate names "
                                + "it, and names the message's sender, id and signature digest", SubmissionScenarios::receiptBound));
    }

    private static String submitValid(Session s) throws Exception {
        Tester a = s.sender();
        Tester b = s.recipient();
        byte[] pkg = s.packages.bytes(Session.header(a, b), a.config().signingIdentity());
        UUID id = s.verify(a, pkg).envelope().header().messageId();
        Answer first = s.raw(a).submit(pkg);
        String observed = first.describe() + (first.location().isEmpty() ? ", no Location" : ", Location " + first.location());
        if (first.status() != 201 || !first.contentType().equals(Binding.RECEIPT_TYPE) || first.location().isEmpty()) {
            throw new Mismatch(observed);
        }
        ReceivedMessage got = s.receive(b, a.organisation(), id);
        byte[] fetched = Files.readAllBytes(got.packageFile());
        s.client(b).acknowledge(got);
        if (!Arrays.equals(fetched, pkg)) {
            throw new Mismatch(observed + "; the recipient fetched " + fetched.length + " bytes that differ from the " + pkg.length + " submitted");
        }
        return observed + "; listed for " + b.organisation() + " and fetched with the submitted bytes (SHA-256 " + sha256(pkg).substring(0, 16) + "…)";
    }

    private static String resubmit(Session s) throws Exception {
        Tester a = s.sender();
        Tester b = s.recipient();
        byte[] pkg = s.packages.bytes(Session.header(a, b), a.config().signingIdentity());
        UUID id = s.verify(a, pkg).envelope().header().messageId();
        Answer first = s.raw(a).submit(pkg);
        if (first.status() != 201) {
            throw new Mismatch("the first submission: " + first.describe());
        }
        Answer again = s.raw(a).submit(pkg);
        clean(s, b, a, id);
        String observed = "first " + first.describe() + ", again " + again.describe();
        if (again.status() != 200 || !Arrays.equals(again.body(), first.body())) {
            throw new Mismatch(observed + (again.status() == 200 ? " with another receipt" : ""));
        }
        return observed + " with the byte-identical receipt";
    }

    private static String conflict(Session s) throws Exception {
        Tester a = s.sender();
        Tester b = s.recipient();
        Header h = Session.header(a, b);
        byte[] first = s.packages.bytes(h, a.config().signingIdentity());
        byte[] other = s.packages.bytes(h, a.config().signingIdentity());
        Answer one = s.raw(a).submit(first);
        if (one.status() != 201) {
            throw new Mismatch("the first submission: " + one.describe());
        }
        Answer two = s.raw(a).submit(other);
        Answer again = s.raw(a).submit(first);
        clean(s, b, a, h.messageId());
        String observed = "first " + one.describe() + ", other bytes " + two.describe() + ", the first bytes again " + again.describe();
        if (!two.is(409, ErrorCode.MESSAGE_ID_CONFLICT) || again.status() != 200 || !Arrays.equals(again.body(), one.body())) {
            throw new Mismatch(observed);
        }
        return observed + " with the first receipt";
    }

    private static String receiptBound(Session s) throws Exception {
        Tester a = s.sender();
        Tester b = s.recipient();
        byte[] pkg = s.packages.bytes(Session.header(a, b), a.config().signingIdentity());
        VerifiedPackage v = s.verify(a, pkg);
        UUID id = v.envelope().header().messageId();
        Answer answer = s.raw(a).submit(pkg);
        if (answer.status() != 201) {
            throw new Mismatch(answer.describe());
        }
        clean(s, b, a, id);
        Receipt r;
        try {
            r = Receipts.verify(answer.body(), new TrustValidator(a.config().trust()));
        } catch (GongwenException e) {
            throw new Mismatch("the receipt does not verify: " + e.code().code() + " " + e.getMessage());
        }
        if (r.type() != ReceiptType.ACCEPTED || !NodeId.isValid(r.issuer())) {
            throw new Mismatch("a " + r.type() + " receipt issued by " + r.issuer());
        }
        try {
            Receipts.checkBound(r, a.organisation(), id, v.signer().profile().digestAlgorithm(),
                    Receipts.signatureDigest(v.signer().profile(), v.signatureValue()));
        } catch (GongwenException e) {
            throw new Mismatch("the receipt verifies but is not bound to the message: " + e.getMessage());
        }
        byte[] changed = answer.body().clone();
        int at = new String(changed, java.nio.charset.StandardCharsets.UTF_8).indexOf("<ReceiptId>") + "<ReceiptId>".length();
        changed[at] = (byte) (changed[at] == 'a' ? 'b' : 'a');
        try {
            Receipts.verify(changed, new TrustValidator(a.config().trust()));
            throw new Mismatch("a copy of the receipt with its ReceiptId changed still verifies: it is not signed over its content");
        } catch (GongwenException expected) {
            // the signature covers the receipt
        }
        return "ACCEPTED by " + r.issuer() + ", signature verified (" + r.signerCertificate().getSubjectX500Principal().getName()
                + "), bound to " + a.organisation() + "/" + id + " and its signature digest; a changed copy fails with "
                + "a signature error";
    }

    /** Fetches and acknowledges a message the scenario delivered, so that the recipient's mailbox stays empty. */
    static void clean(Session s, Tester recipient, Tester sender, UUID id) throws Exception {
        ReceivedMessage got = s.receive(recipient, sender.organisation(), id);
        s.client(recipient).acknowledge(got);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
