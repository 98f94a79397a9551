package org.gongwen.internal.transport;

import static org.gongwen.internal.transport.ExchangeFixtures.GW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.DirectoryDocument;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.wire.StatusDocument;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status with every receipt verified, and the directory with its cache. */
class StatusAndDirectoryTest {
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

    private ExchangeClient client() throws GongwenException {
        return GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, P).build());
    }

    private void serveStatus(UUID id, byte[] doc) {
        node.on("GET", Binding.status(id.toString()), (ex, req) -> TestNode.send(ex, 200, Binding.STATUS_TYPE, doc));
    }

    /** A status as the sender's node would write it: ACCEPTED, 咸阳市 signed for, 淳化县 not yet fetched (or as claimed). */
    private StatusDocument status(Path pkg, DeliveryState claimedForXianyang) throws GongwenException {
        byte[] accepted = ExchangeFixtures.accepted(pkg, P);
        byte[] delivered = Receipts.sign(ExchangeFixtures.draft(ReceiptType.DELIVERED, Fixtures.XIANYANG.value(), pkg).recipient(Fixtures.XIANYANG),
                ExchangeFixtures.signer(P, Fixtures.XIANYANG).identity());
        byte[] signedFor = Receipts.sign(ExchangeFixtures.draft(ReceiptType.SIGNED_FOR, Fixtures.XIANYANG.value(), pkg).recipient(Fixtures.XIANYANG)
                .signedBy("办公室 王文书"), ExchangeFixtures.signer(P, Fixtures.XIANYANG).identity());
        var h = ExchangeFixtures.envelope(pkg).header();
        return new StatusDocument(h.sender(), h.messageId(), accepted, List.of(delivered, signedFor), List.of(
                new StatusDocument.Row(Fixtures.XIANYANG, true, claimedForXianyang),
                new StatusDocument.Row(Fixtures.CHUNHUA, false, DeliveryState.ACCEPTED)));
    }

    @Test
    void theStatusIsDerivedFromVerifiedReceipts() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        UUID id = ExchangeFixtures.envelope(pkg).header().messageId();
        serveStatus(id, status(pkg, DeliveryState.SIGNED_FOR).toXml());
        try (ExchangeClient c = client()) {
            MessageStatus s = c.status(id);
            assertEquals(id, s.messageId());
            assertEquals(ReceiptType.ACCEPTED, s.accepted().type());
            assertEquals(DeliveryState.SIGNED_FOR, s.recipient(Fixtures.XIANYANG).orElseThrow().state());
            assertEquals(DeliveryState.ACCEPTED, s.recipient(Fixtures.CHUNHUA).orElseThrow().state());
            assertEquals("办公室 王文书", s.recipient(Fixtures.XIANYANG).orElseThrow().timeline().get(1).signedBy().orElseThrow());
        }
    }

    @Test
    void aStateTheReceiptsDoNotSupportIsMsg004() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        UUID id = ExchangeFixtures.envelope(pkg).header().messageId();
        serveStatus(id, status(pkg, DeliveryState.RETURNED).toXml());
        try (ExchangeClient c = client()) {
            assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class, () -> c.status(id)).code());
        }
    }

    @Test
    void theStatusOfAnotherMessageIsMsg004() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        UUID asked = UUID.randomUUID();
        serveStatus(asked, status(pkg, DeliveryState.SIGNED_FOR).toXml());
        try (ExchangeClient c = client()) {
            assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class, () -> c.status(asked)).code());
        }
    }

    @Test
    void anUnknownMessageIsMsg003() throws Exception {
        UUID id = UUID.randomUUID();
        node.on("GET", Binding.status(id.toString()), (ex, req) -> TestNode.send(ex, 404, Binding.ERROR_TYPE,
                new ErrorDocument(ErrorCode.MESSAGE_UNKNOWN, "no such message from you").toXml()));
        try (ExchangeClient c = client()) {
            assertEquals(ErrorCode.MESSAGE_UNKNOWN, assertThrows(GongwenException.class, () -> c.status(id)).code());
        }
    }

    private static List<DirectoryEntry> sampleDirectory() {
        return List.of(
                new DirectoryEntry(Fixtures.XIANYANG, "咸阳市人民政府办公室", org.gongwen.api.id.NodeId.parse("GWNODE-610400"),
                        EnumSet.allOf(SignatureProfile.class), List.of(Fixtures.pki(P).xianyang.certificate())),
                new DirectoryEntry(Fixtures.LIQUAN, "礼泉县人民政府办公室", ExchangeFixtures.NODE,
                        EnumSet.of(SignatureProfile.SM2_SM3), List.of()));
    }

    private void serveDirectory(List<DirectoryEntry> entries) {
        node.on("GET", Binding.DIRECTORY, (ex, req) -> {
            try {
                TestNode.send(ex, 200, Binding.DIRECTORY_TYPE, DirectoryDocument.write(entries));
            } catch (GongwenException e) {
                throw new IOException(e);
            }
        });
    }

    @Test
    void theDirectoryIsReadOnceAndKept() throws Exception {
        serveDirectory(sampleDirectory());
        try (ExchangeClient c = client()) {
            assertEquals(sampleDirectory(), c.directory());
            assertEquals("咸阳市人民政府办公室", c.lookup(Fixtures.XIANYANG).orElseThrow().name());
            assertEquals(EnumSet.of(SignatureProfile.SM2_SM3), c.lookup(Fixtures.LIQUAN).orElseThrow().accepts());
            assertTrue(c.lookup(Fixtures.BINZHOU).isEmpty());
        }
        assertEquals(1, node.count("GET", Binding.DIRECTORY));
    }

    @Test
    void withoutACacheTimeEveryLookupAsksTheNode() throws Exception {
        serveDirectory(sampleDirectory());
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, P).directoryCacheTime(Duration.ZERO).build())) {
            c.directory();
            c.lookup(Fixtures.XIANYANG);
        }
        assertEquals(2, node.count("GET", Binding.DIRECTORY));
    }

    @Test
    void eachClientKeepsItsOwnDirectory() throws Exception {
        serveDirectory(sampleDirectory());
        try (ExchangeClient c = client()) {
            c.directory();
        }
        serveDirectory(sampleDirectory().subList(0, 1));
        try (ExchangeClient c = client()) {
            assertEquals(1, c.directory().size());
        }
        assertEquals(2, node.count("GET", Binding.DIRECTORY));
    }
}
