package org.gongwen.internal.transport;

import static org.gongwen.internal.transport.ExchangeFixtures.GW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DELIVERED, SIGNED_FOR and RETURNED: signed by the recipient, bound to the message, verified by the trust policy. */
class RecipientReceiptsTest {
    @TempDir
    Path dir;

    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        node = TestNode.https(ExchangeFixtures.nodeTls(), ExchangeFixtures.tlsCa().certificate());
        node.on("POST", Binding.RECEIPTS, (ex, req) -> TestNode.send(ex, 201, Binding.RECEIPT_TYPE, req.body()));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** A message sent by 礼泉县, fetched by 咸阳市 through the node. */
    private ReceivedMessage fetched(ExchangeClient c, SignatureProfile p) throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", p, 20_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        node.on("GET", Binding.mailboxEntry(entry.sender().value(), entry.messageId().toString()),
                (ex, req) -> TestNode.sendPackage(ex, pkg, entry.packageSha256()));
        return c.fetch(entry, dir.resolve("in.gwpkg"));
    }

    private ExchangeClient client(SignatureProfile p) throws GongwenException {
        return GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, p).build());
    }

    /** The receipt the node received, verified independently of the client, bound to the message. */
    private Receipt posted(SignatureProfile p, VerifiedPackage v) throws GongwenException {
        List<TestNode.Request> posts = node.requests().stream().filter(r -> r.path().equals(Binding.RECEIPTS)).toList();
        assertEquals(1, posts.size());
        assertEquals(Binding.RECEIPT_TYPE, posts.get(0).contentType());
        assertEquals(Fixtures.XIANYANG.value(), posts.get(0).party());
        Receipt r = Receipts.verify(posts.get(0).body(), new TrustValidator(Fixtures.pki(p).trust()));
        Header h = v.envelope().header();
        Receipts.checkBound(r, h.sender(), h.messageId(), p.digestAlgorithm(), Receipts.signatureDigest(p, v.signatureValue()));
        assertEquals(Fixtures.XIANYANG.value(), r.issuer());
        assertEquals(List.of(Fixtures.XIANYANG), r.recipients());
        return r;
    }

    @ParameterizedTest
    @EnumSource(value = SignatureProfile.class, names = {"ECDSA_P256_SHA256", "SM2_SM3", "RSA_SHA256"})
    void acknowledgePostsABoundDeliveredReceipt(SignatureProfile p) throws Exception {
        try (ExchangeClient c = client(p)) {
            ReceivedMessage m = fetched(c, p);
            Receipt returned = c.acknowledge(m);
            Receipt onTheWire = posted(p, m.verified());
            assertEquals(ReceiptType.DELIVERED, onTheWire.type());
            assertArrayEquals(onTheWire.xml(), returned.xml(), "the client returns what it posted");
            assertEquals(Fixtures.pki(p).xianyang.certificate(), returned.signerCertificate());
        }
    }

    @Test
    void signForPostsSignedForWithWhoSigned() throws Exception {
        SignatureProfile p = SignatureProfile.ECDSA_P256_SHA256;
        try (ExchangeClient c = client(p)) {
            ReceivedMessage m = fetched(c, p);
            Receipt r = c.signFor(m.verified(), "办公室 王文书");
            assertEquals(ReceiptType.SIGNED_FOR, posted(p, m.verified()).type());
            assertEquals("办公室 王文书", r.signedBy().orElseThrow());
        }
    }

    @Test
    void returnDocumentPostsReturnedWithTheReason() throws Exception {
        SignatureProfile p = SignatureProfile.ECDSA_P256_SHA256;
        try (ExchangeClient c = client(p)) {
            ReceivedMessage m = fetched(c, p);
            Receipt r = c.returnDocument(m.verified(), "附件缺页，请补齐后重新发送");
            assertEquals(ReceiptType.RETURNED, posted(p, m.verified()).type());
            assertEquals("附件缺页，请补齐后重新发送", r.reason().orElseThrow());
        }
    }

    @Test
    void aDuplicateAnsweredWith200IsFine() throws Exception {
        SignatureProfile p = SignatureProfile.ECDSA_P256_SHA256;
        node.on("POST", Binding.RECEIPTS, (ex, req) -> TestNode.send(ex, 200, Binding.RECEIPT_TYPE, req.body()));
        try (ExchangeClient c = client(p)) {
            ReceivedMessage m = fetched(c, p);
            assertEquals(ReceiptType.DELIVERED, c.acknowledge(m).type());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankArgumentsAreRefusedBeforeAnythingIsPosted(String blank) throws Exception {
        SignatureProfile p = SignatureProfile.ECDSA_P256_SHA256;
        try (ExchangeClient c = client(p)) {
            VerifiedPackage v = fetched(c, p).verified();
            assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> c.signFor(v, blank)).code());
            assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> c.signFor(v, null)).code());
            assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> c.signFor(v, "x".repeat(201))).code());
            assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> c.returnDocument(v, blank)).code());
            assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> c.returnDocument(v, "x".repeat(2001))).code());
            assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> c.signFor(null, "王文书")).code());
            assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> c.acknowledge(null)).code());
        }
        assertEquals(0, node.count("POST", Binding.RECEIPTS));
    }

    @Test
    void aMessageForSomeoneElseGetsNoReceiptFromThisOrganisation() throws Exception {
        SignatureProfile p = SignatureProfile.ECDSA_P256_SHA256;
        VerifiedPackage v;
        try (ExchangeClient c = client(p)) {
            v = fetched(c, p).verified();
        }
        try (ExchangeClient other = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.BINZHOU, p).build())) {
            GongwenException e = assertThrows(GongwenException.class, () -> other.signFor(v, "王文书"));
            assertEquals(ErrorCode.LOCAL_ARGUMENT, e.code(), e.getMessage());
        }
        assertEquals(0, node.count("POST", Binding.RECEIPTS));
    }

    @Test
    void aStateConflictFromTheNodeIsMsg005() throws Exception {
        SignatureProfile p = SignatureProfile.ECDSA_P256_SHA256;
        node.on("POST", Binding.RECEIPTS, (ex, req) -> TestNode.send(ex, 409, Binding.ERROR_TYPE,
                new ErrorDocument(ErrorCode.STATE_CONFLICT, "already returned").toXml()));
        try (ExchangeClient c = client(p)) {
            ReceivedMessage m = fetched(c, p);
            GongwenException e = assertThrows(GongwenException.class, () -> c.signFor(m.verified(), "王文书"));
            assertEquals(ErrorCode.STATE_CONFLICT, e.code(), e.getMessage());
        }
    }

    @Test
    void aSigningCertificateOutsideTheTrustPolicyIsRefusedBeforePosting() throws Exception {
        // the client verifies its own receipt as any reader would: one its own policy does not trust would not verify elsewhere either
        SignatureProfile p = SignatureProfile.ECDSA_P256_SHA256;
        org.gongwen.internal.keys.DevPki.Issued stray = org.gongwen.internal.keys.DevPki.newAuthority(p, "Stray CA")
                .issue(Fixtures.XIANYANG, "咸阳市人民政府办公室");
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, p).signingIdentity(stray.identity()).build())) {
            ReceivedMessage m = fetched(c, p);
            GongwenException e = assertThrows(GongwenException.class, () -> c.acknowledge(m));
            assertEquals(ErrorCode.TRUST_PATH, e.code(), e.getMessage());
        }
        assertEquals(0, node.count("POST", Binding.RECEIPTS));
        assertTrue(Files.exists(dir.resolve("in.gwpkg")));
    }
}
