package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.BINZHOU;
import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.DirectoryDocument;
import org.gongwen.internal.wire.MailboxDocument;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.wire.StatusDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submit, list, fetch, receipts and status on the 咸阳 node, where sender and recipients share the home node. */
class ExchangeOnOneNodeTest {
    @TempDir
    static Path dir;
    static DevPlatform dev;
    static TrustValidator trust;

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ECDSA_P256_SHA256);
        trust = new TrustValidator(dev.trustPolicy());
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    @Test
    void submitListFetchReceiptsAndStatus() throws Exception {
        Path pkg = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(BINZHOU), 50_000);
        VerifiedPackage v = Samples.verify(dev, pkg);
        UUID id = Samples.id(v);
        NodeClient sender = NodeClient.of(dev, XIANYANG);

        NodeClient.Resp accepted = sender.submit(pkg);
        assertEquals(201, accepted.status(), accepted::toString);
        assertEquals(Binding.status(id.toString()), accepted.headers().firstValue("Location").orElseThrow());
        Receipt acc = Receipts.verify(accepted.body(), trust);
        assertEquals(ReceiptType.ACCEPTED, acc.type());
        assertEquals(DevPlatform.XIANYANG_NODE.value(), acc.issuer());
        Receipts.checkBound(acc, XIANYANG, id, v.signer().profile().digestAlgorithm(),
                Receipts.signatureDigest(v.signer().profile(), v.signatureValue()));

        byte[] bytes = Files.readAllBytes(pkg);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        for (var org : List.of(CHUNHUA, BINZHOU)) {
            NodeClient c = NodeClient.of(dev, org);
            List<MailboxEntry> box = MailboxDocument.read(c.mailbox(0).body());
            MailboxEntry e = box.stream().filter(x -> x.messageId().equals(id)).findFirst().orElseThrow();
            assertEquals(XIANYANG, e.sender());
            assertEquals(bytes.length, e.size());
            assertEquals(sha, e.packageSha256());
            NodeClient.Resp got = c.fetch(XIANYANG, id);
            assertEquals(200, got.status());
            assertArrayEquals(bytes, got.body());
            assertEquals(sha, got.headers().firstValue(Binding.PACKAGE_SHA256_HEADER).orElseThrow());
            assertEquals(Long.toString(bytes.length), got.headers().firstValue("Content-Length").orElseThrow());
        }

        NodeClient chunhua = NodeClient.of(dev, CHUNHUA);
        byte[] signedEarly = Samples.receipt(dev, CHUNHUA, ReceiptType.SIGNED_FOR, v);
        assertEquals(ErrorCode.STATE_CONFLICT, chunhua.receipt(signedEarly).error(), "SIGNED_FOR before DELIVERED");
        byte[] delivered = Samples.receipt(dev, CHUNHUA, ReceiptType.DELIVERED, v);
        NodeClient.Resp d1 = chunhua.receipt(delivered);
        assertEquals(201, d1.status(), d1::toString);
        assertArrayEquals(delivered, d1.body());
        assertTrue(MailboxDocument.read(chunhua.mailbox(0).body()).stream().noneMatch(x -> x.messageId().equals(id)), "acknowledged entry gone");
        assertEquals(200, chunhua.fetch(XIANYANG, id).status(), "still downloadable after DELIVERED (T-5.4)");
        NodeClient.Resp again = chunhua.receipt(delivered);
        assertEquals(200, again.status());
        assertArrayEquals(delivered, again.body());
        NodeClient.Resp otherDelivered = chunhua.receipt(Samples.receipt(dev, CHUNHUA, ReceiptType.DELIVERED, v));
        assertEquals(200, otherDelivered.status());
        assertArrayEquals(delivered, otherDelivered.body(), "a second DELIVERED is answered with the first");
        assertEquals(201, chunhua.receipt(Samples.receipt(dev, CHUNHUA, ReceiptType.SIGNED_FOR, v)).status());
        assertEquals(ErrorCode.STATE_CONFLICT, chunhua.receipt(Samples.receipt(dev, CHUNHUA, ReceiptType.RETURNED, v)).error());

        NodeClient binzhou = NodeClient.of(dev, BINZHOU);
        assertEquals(201, binzhou.receipt(Samples.receipt(dev, BINZHOU, ReceiptType.DELIVERED, v)).status());
        assertEquals(201, binzhou.receipt(Samples.receipt(dev, BINZHOU, ReceiptType.RETURNED, v)).status());
        assertEquals(409, binzhou.receipt(Samples.receipt(dev, BINZHOU, ReceiptType.SIGNED_FOR, v)).status());

        NodeClient.Resp st = sender.status(id);
        assertEquals(200, st.status(), st::toString);
        assertEquals(Binding.STATUS_TYPE, st.headers().firstValue("Content-Type").orElseThrow());
        MessageStatus status = StatusDocument.read(st.body()).verify(trust, XIANYANG, id,
                Receipts.signatureDigest(v.signer().profile(), v.signatureValue()));
        RecipientStatus c = status.recipients().get(0);
        assertEquals(CHUNHUA, c.recipient());
        assertTrue(c.primary());
        assertEquals(DeliveryState.SIGNED_FOR, c.state());
        assertEquals(List.of(ReceiptType.DELIVERED, ReceiptType.SIGNED_FOR), c.timeline().stream().map(Receipt::type).toList());
        RecipientStatus b = status.recipients().get(1);
        assertEquals(BINZHOU, b.recipient());
        assertFalse(b.primary());
        assertEquals(DeliveryState.RETURNED, b.state());

        assertEquals(ErrorCode.MESSAGE_UNKNOWN, chunhua.status(id).error(), "only the sender reads the status");
        assertEquals(404, chunhua.status(id).status());
    }

    @Test
    void duplicatesAreDecidedByTheBytes() throws Exception {
        Path pkg = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 2_000);
        NodeClient sender = NodeClient.of(dev, XIANYANG);
        NodeClient.Resp first = sender.submit(pkg);
        assertEquals(201, first.status());
        NodeClient.Resp second = sender.submit(pkg);
        assertEquals(200, second.status());
        assertArrayEquals(first.body(), second.body(), "the stored receipt, byte for byte");

        VerifiedPackage v = Samples.verify(dev, pkg);
        Path other = Samples.pkg(dir, dev.signingIdentity(XIANYANG), v.envelope().header(), 3_000);
        NodeClient.Resp conflict = sender.submit(other);
        assertEquals(409, conflict.status());
        assertEquals(ErrorCode.MESSAGE_ID_CONFLICT, conflict.error());
        List<MailboxEntry> box = MailboxDocument.read(NodeClient.of(dev, CHUNHUA).mailbox(0).body());
        assertEquals(1, box.stream().filter(e -> e.messageId().equals(Samples.id(v))).count());
        assertEquals(Files.size(pkg), box.stream().filter(e -> e.messageId().equals(Samples.id(v))).findFirst().orElseThrow().size());
    }

    @Test
    void longPollIsAnsweredWhenAMessageArrives() throws Exception {
        NodeClient binzhou = NodeClient.of(dev, BINZHOU);
        for (MailboxEntry e : MailboxDocument.read(binzhou.mailbox(0).body())) {
            VerifiedPackage old = Samples.verify(dev, write(binzhou.fetch(e.sender(), e.messageId()).body()));
            binzhou.receipt(Samples.receipt(dev, BINZHOU, ReceiptType.DELIVERED, old));
        }
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return binzhou.mailbox(60);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Path pkg = Samples.pkg(dir, dev, XIANYANG, List.of(BINZHOU), List.of(), 1_000);
        assertEquals(201, NodeClient.of(dev, XIANYANG).submit(pkg).status());
        List<MailboxEntry> box = MailboxDocument.read(waiting.get().body());
        assertEquals(List.of(Samples.id(Samples.verify(dev, pkg))), box.stream().map(MailboxEntry::messageId).toList());
    }

    @Test
    void directoryListsEveryOrganisation() throws Exception {
        NodeClient.Resp r = NodeClient.of(dev, CHUNHUA).get(Binding.DIRECTORY);
        assertEquals(200, r.status());
        assertEquals(dev.directory(), DirectoryDocument.read(r.body()));
        assertEquals(6, DirectoryDocument.read(r.body()).size());
    }

    private static Path write(byte[] b) throws java.io.IOException {
        Path f = Files.createTempFile(dir, "fetched", ".gwpkg");
        Files.write(f, b);
        return f;
    }
}
