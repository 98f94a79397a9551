package org.gongwen.internal.transport;

import static org.gongwen.internal.transport.ExchangeFixtures.GW;
import static org.gongwen.internal.transport.ExchangeFixtures.NODE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.sign.EnvelopeSigner;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ReceiptDraft;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.wire.WireXml;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Submitting a package: the body streamed, the answer verified and bound, every refusal as its code. */
class SendTest {
    private static final SignatureProfile P = SignatureProfile.ECDSA_P256_SHA256;

    @TempDir
    Path dir;

    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        node = TestNode.https(ExchangeFixtures.nodeTls(), ExchangeFixtures.tlsCa().certificate());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private ExchangeClient client(SignatureProfile p) throws GongwenException {
        return GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, p).build());
    }

    private void answer(int status, String type, byte[] body) {
        node.on("POST", Binding.MESSAGES, (ex, req) -> TestNode.send(ex, status, type, body));
    }

    @ParameterizedTest
    @EnumSource(value = SignatureProfile.class, names = {"ECDSA_P256_SHA256", "SM2_SM3"})
    void streamsThePackageOverMutualTlsAndReturnsTheVerifiedReceipt(SignatureProfile p) throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", p, 300_000);
        byte[] accepted = ExchangeFixtures.accepted(pkg, p);
        answer(201, Binding.RECEIPT_TYPE, accepted);
        Header h = ExchangeFixtures.envelope(pkg).header();
        try (ExchangeClient c = client(p)) {
            Receipt r = c.send(pkg);
            assertEquals(ReceiptType.ACCEPTED, r.type());
            assertEquals(NODE.value(), r.issuer());
            assertEquals(h.sender(), r.messageSender());
            assertEquals(h.messageId(), r.messageId());
            assertArrayEquals(accepted, r.xml());
            assertEquals(p.digestAlgorithm(), r.signatureDigestAlgorithm());
        }
        TestNode.Request req = node.requests().get(0);
        assertEquals(1, node.requests().size());
        assertEquals(Fixtures.LIQUAN.value(), req.party(), "the node sees the organisation named in the client certificate");
        assertTrue(req.tlsProtocol().equals("TLSv1.3") || req.tlsProtocol().equals("TLSv1.2"), req.tlsProtocol());
        assertEquals(Binding.PACKAGE_TYPE, req.contentType());
        assertEquals(Long.toString(Files.size(pkg)), req.contentLengthHeader(), "sent with its length, not chunked");
        assertEquals(ExchangeFixtures.sha256(pkg), req.bodySha256(), "the exact bytes of the file");
    }

    @Test
    void aDuplicateAnsweredWith200AndTheStoredReceiptIsFine() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        answer(200, Binding.RECEIPT_TYPE + "; charset=utf-8", ExchangeFixtures.accepted(pkg, P));
        try (ExchangeClient c = client(P)) {
            assertEquals(ReceiptType.ACCEPTED, c.send(pkg).type());
        }
    }

    @Test
    void aReceiptSignedByAnUntrustedKeyIsRefused() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        DevPki.Issued stranger = DevPki.newAuthority(P, "Unknown CA").issueNode(NODE, "冒充的节点");
        answer(201, Binding.RECEIPT_TYPE, Receipts.sign(ExchangeFixtures.draft(ReceiptType.ACCEPTED, NODE.value(), pkg), stranger.identity()));
        try (ExchangeClient c = client(P)) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.send(pkg));
            assertEquals(ErrorCode.TRUST_PATH, e.code(), e.getMessage());
        }
    }

    @Test
    void anAcceptedReceiptIssuedByAnOrganisationIsRefused() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        // Receipts.sign refuses to write this, so it is written by hand: ACCEPTED, issued and signed by 咸阳市
        answer(201, Binding.RECEIPT_TYPE, handWrittenAccepted(pkg, Fixtures.XIANYANG.value(), ExchangeFixtures.signer(P, Fixtures.XIANYANG)));
        try (ExchangeClient c = client(P)) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.send(pkg));
            assertEquals(ErrorCode.SCHEMA_VIOLATION, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("ACCEPTED may not be issued by an organisation"), e.getMessage());
        }
    }

    @Test
    void aReceiptWhoseIssuerIsNotItsSignerIsRefused() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        answer(201, Binding.RECEIPT_TYPE, handWrittenAccepted(pkg, NODE.value(), ExchangeFixtures.signer(P, Fixtures.XIANYANG)));
        try (ExchangeClient c = client(P)) {
            assertEquals(ErrorCode.TRUST_SENDER_BINDING, assertThrows(GongwenException.class, () -> c.send(pkg)).code());
        }
    }

    @Test
    void aReceiptForAnotherMessageIsRefused() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        Path other = ExchangeFixtures.pack(dir, "b", P, 1000);
        answer(201, Binding.RECEIPT_TYPE, ExchangeFixtures.accepted(other, P));
        try (ExchangeClient c = client(P)) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.send(pkg));
            assertEquals(ErrorCode.RECEIPT_NOT_BOUND, e.code(), e.getMessage());
        }
    }

    @Test
    void aReceiptWithTheRightIdButAnotherSignatureDigestIsRefused() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        Header h = ExchangeFixtures.envelope(pkg).header();
        ReceiptDraft d = new ReceiptDraft(ReceiptType.ACCEPTED, NODE.value(), h.sender(), h.messageId(), P.digestAlgorithm(), new byte[32]);
        answer(201, Binding.RECEIPT_TYPE, Receipts.sign(d, ExchangeFixtures.nodeSigner(P).identity()));
        try (ExchangeClient c = client(P)) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.send(pkg));
            assertEquals(ErrorCode.RECEIPT_NOT_BOUND, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("signature digest"), e.getMessage());
        }
    }

    @Test
    void aReceiptOfAnotherTypeIsRefused() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        ReceiptDraft d = ExchangeFixtures.draft(ReceiptType.REJECTED, NODE.value(), pkg).recipient(Fixtures.XIANYANG).errorCode("RTE-002");
        answer(201, Binding.RECEIPT_TYPE, Receipts.sign(d, ExchangeFixtures.nodeSigner(P).identity()));
        try (ExchangeClient c = client(P)) {
            assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class, () -> c.send(pkg)).code());
        }
    }

    @Test
    void aSuccessStatusWithoutAReceiptIsTrn002() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        answer(201, "text/html", "<html>ok</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (ExchangeClient c = client(P)) {
            assertEquals(ErrorCode.TRANSPORT_FATAL, assertThrows(GongwenException.class, () -> c.send(pkg)).code());
        }
    }

    @Test
    void anOversizedReceiptIsRefusedWithoutReadingItAll() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        answer(201, Binding.RECEIPT_TYPE, new byte[Receipts.MAX_BYTES + 1]);
        try (ExchangeClient c = client(P)) {
            assertEquals(ErrorCode.LIMIT_SIZE, assertThrows(GongwenException.class, () -> c.send(pkg)).code());
        }
    }

    @Test
    void aPackageOfAnotherSenderIsNotSent() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).build())) {
            assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> c.send(pkg)).code());
        }
        assertTrue(node.requests().isEmpty());
    }

    @Test
    void aFileThatIsNoPackageIsNotSent() throws Exception {
        Path junk = Fixtures.file(dir, "junk.gwpkg", 5000, 3);
        try (ExchangeClient c = client(P)) {
            assertEquals(ErrorCode.PACKAGE_NOT_ZIP, assertThrows(GongwenException.class, () -> c.send(junk)).code());
            assertEquals(ErrorCode.LOCAL_IO, assertThrows(GongwenException.class, () -> c.send(dir.resolve("missing.gwpkg"))).code());
        }
        assertTrue(node.requests().isEmpty());
    }

    @Test
    void theProgressListenerSeesEveryByte() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 700_000);
        answer(201, Binding.RECEIPT_TYPE, ExchangeFixtures.accepted(pkg, P));
        long[] last = {0, 0};
        UUID id = ExchangeFixtures.envelope(pkg).header().messageId();
        try (HttpExchangeClient c = HttpExchangeClient.open(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, P).build(),
                (direction, messageId, bytes, total) -> {
                    assertEquals(TransferListener.Direction.UPLOAD, direction);
                    assertEquals(id, messageId);
                    assertTrue(bytes > last[0]);
                    last[0] = bytes;
                    last[1] = total;
                })) {
            c.send(pkg);
        }
        assertEquals(Files.size(pkg), last[0]);
        assertEquals(Files.size(pkg), last[1]);
    }

    @Test
    void aNodeWithoutTlsWorksInTests() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        byte[] accepted = ExchangeFixtures.accepted(pkg, P);
        try (TestNode plain = TestNode.http()) {
            plain.on("POST", Binding.MESSAGES, (ex, req) -> TestNode.send(ex, 201, Binding.RECEIPT_TYPE, accepted));
            try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(plain.uri(), Fixtures.LIQUAN, P).build())) {
                assertEquals(ReceiptType.ACCEPTED, c.send(pkg).type());
            }
            assertEquals(ExchangeFixtures.sha256(pkg), plain.requests().get(0).bodySha256());
            assertEquals(null, plain.requests().get(0).party(), "no TLS, no client certificate");
        }
    }

    /** An ACCEPTED receipt written and signed without the rules Receipts.sign enforces. */
    private static byte[] handWrittenAccepted(Path pkg, String issuer, DevPki.Issued signer) throws Exception {
        ReceiptDraft d = ExchangeFixtures.draft(ReceiptType.ACCEPTED, NODE.value(), pkg);
        byte[] proper = Receipts.sign(d, ExchangeFixtures.nodeSigner(P).identity());
        Document doc = org.gongwen.internal.xml.SecureXml.parse(proper, 16);
        Element root = doc.getDocumentElement();
        Element sig = (Element) root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
        root.removeChild(sig);
        WireXml.children(root, "Issuer").get(0).setTextContent(issuer);
        EnvelopeSigner.sign(doc, signer.identity());
        return WireXml.bytes(doc);
    }
}
