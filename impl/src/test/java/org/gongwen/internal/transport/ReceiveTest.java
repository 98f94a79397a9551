package org.gongwen.internal.transport;

import static org.gongwen.internal.transport.ExchangeFixtures.GW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.internal.wire.MailboxDocument;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A receive round: each verified message to the handler once, acknowledged after it; bad ones rejected; a throwing handler leaves its message. */
class ReceiveTest {
    private static final SignatureProfile P = SignatureProfile.ECDSA_P256_SHA256;

    @TempDir
    Path dir;

    private Path inbox;
    private TestNode node;
    private volatile List<MailboxEntry> listing = List.of();

    @BeforeEach
    void start() throws Exception {
        inbox = dir.resolve("inbox");
        node = TestNode.https(ExchangeFixtures.nodeTls(), ExchangeFixtures.tlsCa().certificate());
        node.on("GET", Binding.MAILBOX, (ex, req) -> {
            try {
                TestNode.send(ex, 200, Binding.MAILBOX_TYPE, MailboxDocument.write(listing));
            } catch (GongwenException e) {
                throw new IOException(e);
            }
        });
        node.on("POST", Binding.RECEIPTS, (ex, req) -> TestNode.send(ex, 201, Binding.RECEIPT_TYPE, req.body()));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** Lists the package in the mailbox and serves it. */
    private MailboxEntry offer(Path pkg) throws Exception {
        MailboxEntry e = ExchangeFixtures.entry(pkg);
        node.on("GET", Binding.mailboxEntry(e.sender().value(), e.messageId().toString()), (ex, req) -> TestNode.sendPackage(ex, pkg, e.packageSha256()));
        return e;
    }

    private List<Receipt> postedReceipts() throws GongwenException {
        TrustValidator trust = new TrustValidator(Fixtures.pki(P).trust());
        List<Receipt> out = new ArrayList<>();
        for (TestNode.Request r : node.requests()) {
            if (r.path().equals(Binding.RECEIPTS)) {
                out.add(Receipts.verify(r.body(), trust));
            }
        }
        return out;
    }

    private List<Path> inboxFiles() throws IOException {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aRoundHandlesRejectsAndLeavesAsItShould() throws Exception {
        Path good = ExchangeFixtures.pack(dir, "good", P, 30_000);
        Path bad = ExchangeFixtures.pack(dir, "bad", P, 30_000);
        byte[] b = Files.readAllBytes(bad);
        b[b.length / 2] ^= 0x20;
        Files.write(bad, b);
        Path flaky = ExchangeFixtures.pack(dir, "flaky", P, 30_000);
        Header notOurs = Header.builder().sender(Fixtures.LIQUAN).to(Fixtures.BINZHOU).created(Fixtures.header().created()).build();
        Path elsewhere = ExchangeFixtures.pack(dir, "elsewhere", P, notOurs, 30_000);

        MailboxEntry eGood = offer(good);
        MailboxEntry eBad = offer(bad);
        MailboxEntry eFlaky = offer(flaky);
        MailboxEntry eElsewhere = offer(elsewhere);
        listing = List.of(eGood, eBad, eFlaky, eElsewhere);

        List<UUID> calls = new CopyOnWriteArrayList<>();
        IllegalStateException refusal = new IllegalStateException("the document system is busy");
        ReceiveResult result;
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).build())) {
            result = c.receive(inbox, Duration.ofSeconds(1), m -> {
                calls.add(m.entry().messageId());
                assertTrue(Files.exists(m.packageFile()), "the handler gets the verified file");
                assertEquals(m.entry().messageId(), m.verified().envelope().header().messageId());
                if (m.entry().equals(eFlaky)) {
                    throw refusal;
                }
            });
        }

        assertEquals(List.of(eGood.messageId(), eFlaky.messageId()), calls, "each verified message reaches the handler once");
        assertEquals(List.of(eGood), result.handled().stream().map(m -> m.entry()).toList());
        assertEquals(List.of(eBad, eElsewhere), result.rejected().stream().map(ReceiveResult.Rejection::entry).toList());
        assertEquals(List.of("DIG-001", "AUT-002"), result.rejected().stream().map(ReceiveResult.Rejection::errorCode).toList());
        assertEquals(1, result.handlerFailures().size());
        assertEquals(eFlaky, result.handlerFailures().get(0).entry());
        assertSame(refusal, result.handlerFailures().get(0).error());

        Path kept = inbox.resolve(Fixtures.LIQUAN.value() + "_" + eGood.messageId() + ".gwpkg");
        assertEquals(List.of(kept), inboxFiles(), "only the handled message stays; no temporary files");
        assertArrayEquals(Files.readAllBytes(good), Files.readAllBytes(kept));

        List<Receipt> receipts = postedReceipts();
        assertEquals(3, receipts.size(), receipts.toString());
        Map<UUID, Receipt> byMessage = new java.util.HashMap<>();
        receipts.forEach(r -> byMessage.put(r.messageId(), r));
        assertEquals(ReceiptType.DELIVERED, byMessage.get(eGood.messageId()).type());
        Receipt rejectedBad = byMessage.get(eBad.messageId());
        assertEquals(ReceiptType.REJECTED, rejectedBad.type());
        assertEquals("DIG-001", rejectedBad.errorCode().orElseThrow());
        assertTrue(rejectedBad.reason().orElseThrow().contains("differs from the manifest"), rejectedBad.reason().get());
        assertEquals(List.of(Fixtures.XIANYANG), rejectedBad.recipients());
        var badEnvelope = org.gongwen.internal.pkg.SignedEnvelope.read(bad, org.gongwen.api.pkg.Limits.defaults());
        Receipts.checkBound(rejectedBad, Fixtures.LIQUAN, eBad.messageId(), P.digestAlgorithm(),
                Receipts.signatureDigest(P, badEnvelope.signatureValue()));
        assertEquals("AUT-002", byMessage.get(eElsewhere.messageId()).errorCode().orElseThrow());
        assertFalse(byMessage.containsKey(eFlaky.messageId()), "a message whose handler threw is not acknowledged");
        int deliveredPosts = Collections.frequency(receipts.stream().map(Receipt::type).toList(), ReceiptType.DELIVERED);
        assertEquals(1, deliveredPosts);

        // the next round offers the message whose handler threw again, and this time it is taken
        listing = List.of(eFlaky);
        List<UUID> second = new ArrayList<>();
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).build())) {
            ReceiveResult r2 = c.receive(inbox, Duration.ZERO, m -> second.add(m.entry().messageId()));
            assertEquals(1, r2.handled().size());
            assertTrue(r2.rejected().isEmpty() && r2.handlerFailures().isEmpty());
        }
        assertEquals(List.of(eFlaky.messageId()), second);
        assertEquals(4, postedReceipts().size());
    }

    @Test
    void aBrokenConnectionEndsTheRoundAndTheRestWaits() throws Exception {
        Path one = ExchangeFixtures.pack(dir, "one", P, 5_000);
        Path two = ExchangeFixtures.pack(dir, "two", P, 5_000);
        MailboxEntry e1 = ExchangeFixtures.entry(one);
        MailboxEntry e2 = offer(two);
        node.on("GET", Binding.mailboxEntry(e1.sender().value(), e1.messageId().toString()), (ex, req) -> ex.close());
        listing = List.of(e1, e2);
        List<UUID> calls = new ArrayList<>();
        ReceiveResult r;
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).build())) {
            r = c.receive(inbox, Duration.ZERO, m -> calls.add(m.entry().messageId()));
        }
        assertEquals(List.of(), calls);
        assertEquals(1, r.handlerFailures().size());
        assertEquals(ErrorCode.TRANSPORT_RETRYABLE, ((GongwenException) r.handlerFailures().get(0).error()).code());
        assertEquals(0, node.count("GET", Binding.mailboxEntry(e2.sender().value(), e2.messageId().toString())));
        assertEquals(0, node.count("POST", Binding.RECEIPTS));
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void aFileOfAnotherMessageUnderItsNameIsKeptAndTheMessageIsFetchedBesideIt() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "one", P, 5_000);
        MailboxEntry e = offer(pkg);
        listing = List.of(e);
        Files.createDirectories(inbox);
        Path existing = Files.writeString(inbox.resolve(ReceiveRound.fileName(e)), "the application's copy");
        List<Path> handed = new ArrayList<>();
        ReceiveResult r;
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).build())) {
            r = c.receive(inbox, Duration.ZERO, m -> handed.add(m.packageFile()));
        }
        assertTrue(r.handlerFailures().isEmpty() && r.rejected().isEmpty(), r.toString());
        Path beside = inbox.resolve(ReceiveRound.fileName(e, 2));
        assertEquals(List.of(beside), handed);
        assertEquals(Fixtures.LIQUAN.value() + "_" + e.messageId() + "-2.gwpkg", beside.getFileName().toString());
        assertArrayEquals(Files.readAllBytes(pkg), Files.readAllBytes(beside));
        assertEquals("the application's copy", Files.readString(existing));
        assertEquals(List.of(ReceiptType.DELIVERED), postedReceipts().stream().map(Receipt::type).toList());
    }

    @Test
    void aFileFetchedByARoundWhoseAcknowledgementFailedIsVerifiedAndUsedAgain() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "one", P, 5_000);
        MailboxEntry e = offer(pkg);
        listing = List.of(e);
        String entryPath = Binding.mailboxEntry(e.sender().value(), e.messageId().toString());
        node.on("POST", Binding.RECEIPTS, (ex, req) -> TestNode.send(ex, 503, Binding.ERROR_TYPE,
                new ErrorDocument(ErrorCode.TRANSPORT_RETRYABLE, "the database is restarting").toXml()));
        List<Path> handed = new ArrayList<>();
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).build())) {
            ReceiveResult first = c.receive(inbox, Duration.ZERO, m -> handed.add(m.packageFile()));
            assertEquals(ErrorCode.TRANSPORT_RETRYABLE, ((GongwenException) first.handlerFailures().get(0).error()).code());
            assertTrue(first.handled().isEmpty());
            Path left = inbox.resolve(ReceiveRound.fileName(e));
            assertEquals(List.of(left), inboxFiles(), "the handled but unacknowledged file stays with the application");

            node.on("POST", Binding.RECEIPTS, (ex, req) -> TestNode.send(ex, 201, Binding.RECEIPT_TYPE, req.body()));
            ReceiveResult second = c.receive(inbox, Duration.ZERO, m -> handed.add(m.packageFile()));
            assertTrue(second.handlerFailures().isEmpty() && second.rejected().isEmpty(), second.toString());
            assertEquals(List.of(e), second.handled().stream().map(m -> m.entry()).toList());
            assertEquals(List.of(left, left), handed, "the handler gets the same file again");
            assertEquals(List.of(left), inboxFiles());
            assertArrayEquals(Files.readAllBytes(pkg), Files.readAllBytes(left));
        }
        assertEquals(1, node.count("GET", entryPath), "the kept file is not downloaded again");
        assertEquals(2, node.count("POST", Binding.RECEIPTS));
        assertEquals(ReceiptType.DELIVERED, Receipts.verify(node.requests().stream().filter(r -> r.path().equals(Binding.RECEIPTS))
                .reduce((a, b) -> b).orElseThrow().body(), new TrustValidator(Fixtures.pki(P).trust())).type());
    }

    @Test
    void aKeptFileIsVerifiedAgainAndRejectedIfItNoLongerPasses() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "one", P, 5_000);
        MailboxEntry e = offer(pkg);
        listing = List.of(e);
        Files.createDirectories(inbox);
        Path left = Files.copy(pkg, inbox.resolve(ReceiveRound.fileName(e)));
        List<UUID> calls = new ArrayList<>();
        ReceiveResult r;
        var strict = org.gongwen.api.pkg.Limits.builder().maxPartBytes(1_000).build();
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).limits(strict).build())) {
            r = c.receive(inbox, Duration.ZERO, m -> calls.add(m.entry().messageId()));
        }
        assertEquals(List.of(), calls);
        assertEquals(List.of("LIM-001"), r.rejected().stream().map(ReceiveResult.Rejection::errorCode).toList());
        assertFalse(Files.exists(left), "a rejected message's file is not kept");
        assertEquals(0, node.count("GET", Binding.mailboxEntry(e.sender().value(), e.messageId().toString())));
        assertEquals(List.of(ReceiptType.REJECTED), postedReceipts().stream().map(Receipt::type).toList());
    }
}
