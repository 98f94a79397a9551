package org.gongwen.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.DivisionCode;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReceiptsTest {
    static final NodeId XIANYANG_NODE = NodeId.of(DivisionCode.of("610400"));

    static final class Ctx {
        final Fixtures.Pki pki;
        final DevPki.Issued node;
        final TrustValidator trust;
        final byte[] sigDigest;
        final DigestAlgorithm alg;
        final UUID messageId = UUID.randomUUID();

        Ctx(SignatureProfile p) {
            pki = Fixtures.pki(p);
            node = pki.ca.issueNode(XIANYANG_NODE, "咸阳市交换节点");
            trust = new TrustValidator(pki.trust());
            alg = p.digestAlgorithm();
            sigDigest = Receipts.signatureDigest(p, ("signature value " + p).getBytes(StandardCharsets.UTF_8));
        }

        ReceiptDraft draft(ReceiptType t, String issuer) {
            return new ReceiptDraft(t, issuer, Fixtures.LIQUAN, messageId, alg, sigDigest);
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void nodeReceiptRoundTripsAndIsBound(SignatureProfile p) throws Exception {
        Ctx c = new Ctx(p);
        byte[] xml = Receipts.sign(c.draft(ReceiptType.ACCEPTED, XIANYANG_NODE.value()), c.node.identity());
        Receipt r = Receipts.verify(xml, c.trust);
        assertEquals(ReceiptType.ACCEPTED, r.type());
        assertEquals(XIANYANG_NODE.value(), r.issuer());
        assertEquals(Fixtures.LIQUAN, r.messageSender());
        assertEquals(c.messageId, r.messageId());
        assertArrayEquals(c.sigDigest, r.signatureDigest());
        assertTrue(r.recipients().isEmpty());
        assertArrayEquals(xml, r.xml());
        Receipts.checkBound(r, Fixtures.LIQUAN, c.messageId, c.alg, c.sigDigest);

        byte[] other = c.sigDigest.clone();
        other[0] ^= 1;
        assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class,
                () -> Receipts.checkBound(r, Fixtures.LIQUAN, c.messageId, c.alg, other)).code());
        assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class,
                () -> Receipts.checkBound(r, Fixtures.LIQUAN, UUID.randomUUID(), c.alg, c.sigDigest)).code());
        assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class,
                () -> Receipts.checkBound(r, Fixtures.XIANYANG, c.messageId, c.alg, c.sigDigest)).code());
    }

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void recipientReceiptsCarryTheirElements(SignatureProfile p) throws Exception {
        Ctx c = new Ctx(p);
        String me = Fixtures.XIANYANG.value();
        Receipt signed = Receipts.verify(Receipts.sign(c.draft(ReceiptType.SIGNED_FOR, me).recipient(Fixtures.XIANYANG)
                .signedBy("办公室 王文书"), c.pki.xianyang.identity()), c.trust);
        assertEquals("办公室 王文书", signed.signedBy().orElseThrow());
        assertEquals(Fixtures.XIANYANG, signed.recipient().orElseThrow());
        Receipt returned = Receipts.verify(Receipts.sign(c.draft(ReceiptType.RETURNED, me).recipient(Fixtures.XIANYANG)
                .reason("请按程序报送"), c.pki.xianyang.identity()), c.trust);
        assertEquals("请按程序报送", returned.reason().orElseThrow());
        Receipt rejected = Receipts.verify(Receipts.sign(c.draft(ReceiptType.REJECTED, me).recipient(Fixtures.XIANYANG)
                .errorCode("DIG-001"), c.pki.xianyang.identity()), c.trust);
        assertEquals("DIG-001", rejected.errorCode().orElseThrow());
        assertEquals(DeliveryState.SIGNED_FOR, Receipts.stateOf(List.of(signed)));
        assertEquals(DeliveryState.REJECTED, Receipts.stateOf(List.of(rejected)));
        assertEquals(DeliveryState.ACCEPTED, Receipts.stateOf(List.of()));
    }

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void signingRefusesDraftsThatBreakTheRules(SignatureProfile p) {
        Ctx c = new Ctx(p);
        String me = Fixtures.XIANYANG.value();
        // issuer is not the certificate's party
        assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> Receipts.sign(
                c.draft(ReceiptType.DELIVERED, Fixtures.CHUNHUA.value()).recipient(Fixtures.CHUNHUA), c.pki.xianyang.identity())).code());
        // an organisation cannot accept on a node's behalf
        assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> Receipts.sign(
                c.draft(ReceiptType.ACCEPTED, me), c.pki.xianyang.identity())).code());
        // a node cannot sign for a document
        assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> Receipts.sign(
                c.draft(ReceiptType.SIGNED_FOR, XIANYANG_NODE.value()).recipient(Fixtures.XIANYANG).signedBy("x"), c.node.identity())).code());
        // RETURNED needs a reason, SIGNED_FOR a signer, REJECTED an error code
        assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> Receipts.sign(
                c.draft(ReceiptType.RETURNED, me).recipient(Fixtures.XIANYANG), c.pki.xianyang.identity())).code());
        assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> Receipts.sign(
                c.draft(ReceiptType.SIGNED_FOR, me).recipient(Fixtures.XIANYANG), c.pki.xianyang.identity())).code());
        assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> Receipts.sign(
                c.draft(ReceiptType.REJECTED, me).recipient(Fixtures.XIANYANG), c.pki.xianyang.identity())).code());
        // a recipient's receipt names itself
        assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> Receipts.sign(
                c.draft(ReceiptType.DELIVERED, me).recipient(Fixtures.CHUNHUA), c.pki.xianyang.identity())).code());
    }

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void tamperedOrUntrustedReceiptsAreRefused(SignatureProfile p) throws Exception {
        Ctx c = new Ctx(p);
        byte[] xml = Receipts.sign(c.draft(ReceiptType.RETURNED, Fixtures.XIANYANG.value()).recipient(Fixtures.XIANYANG)
                .reason("AAAA"), c.pki.xianyang.identity());
        String text = new String(xml, StandardCharsets.UTF_8);
        byte[] tampered = text.replace("AAAA", "AAAB").getBytes(StandardCharsets.UTF_8);
        assertEquals(ErrorCode.DIGEST_ENVELOPE, assertThrows(GongwenException.class, () -> Receipts.verify(tampered, c.trust)).code());

        DevPki.Authority stranger = DevPki.newAuthority(p, "Stranger CA");
        byte[] foreign = Receipts.sign(c.draft(ReceiptType.DELIVERED, Fixtures.XIANYANG.value()).recipient(Fixtures.XIANYANG),
                stranger.issue(Fixtures.XIANYANG, "冒名").identity());
        assertEquals(ErrorCode.TRUST_PATH, assertThrows(GongwenException.class, () -> Receipts.verify(foreign, c.trust)).code());

        byte[] unsigned = text.substring(0, text.indexOf("<ds:Signature")).concat("</Receipt>").getBytes(StandardCharsets.UTF_8);
        assertEquals(ErrorCode.SIGNATURE_MISSING, assertThrows(GongwenException.class, () -> Receipts.verify(unsigned, c.trust)).code());

        byte[] envelopeRoot = text.replace("<Receipt ", "<Envelope ").replace("</Receipt>", "</Envelope>").getBytes(StandardCharsets.UTF_8);
        assertEquals(ErrorCode.SCHEMA_VIOLATION, assertThrows(GongwenException.class, () -> Receipts.verify(envelopeRoot, c.trust)).code());

        byte[] big = new byte[Receipts.MAX_BYTES + 1];
        assertEquals(ErrorCode.LIMIT_SIZE, assertThrows(GongwenException.class, () -> Receipts.verify(big, c.trust)).code());
    }
}
