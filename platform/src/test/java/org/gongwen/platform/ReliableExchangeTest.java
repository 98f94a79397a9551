package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.ExchangeListener;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.InboxHandler;
import org.gongwen.api.reliable.InboxState;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.api.reliable.RetrySchedule;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent outbox and inbox against the reference nodes: a document is written to the
 * outbox, resent after the node was away, accepted once; the recipient stores it, acknowledges it
 * and hands it to a handler that writes into the inbox's own transaction; the sender's outbox
 * then shows the recipient's DELIVERED receipt.
 */
class ReliableExchangeTest {
    @TempDir
    static Path dir;
    static DevPlatform dev;

    private static final RetrySchedule QUICK = RetrySchedule.exponential(Duration.ofMillis(1), Duration.ofMillis(5));

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.RSA_SHA256);
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    private static ExchangeClient client(OrgCode org) throws GongwenException {
        return Samples.GW.exchangeClient(dev.clientConfig(org));
    }

    /** A store folder whose default H2 database already has the handler's table. */
    private static ReliableConfig.Builder store(String name) throws Exception {
        Path folder = Files.createTempDirectory(dir, name);
        createFiled(h2Url(folder));
        return ReliableConfig.builder(folder).sendRetry(QUICK).handlerRetry(QUICK)
                .statusInterval(Duration.ofMillis(1)).receiveWait(Duration.ofSeconds(2));
    }

    /** The URL of a store folder's default H2 database (as the SDK opens it). */
    static String h2Url(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve("db").resolve("gongwen-store").toString().replace('\\', '/')
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /** Creates the handler's table (DDL outside the inbox's transaction). */
    static void createFiled(String url) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS filed (sender VARCHAR(18), message_id VARCHAR(36), attempt INTEGER)");
        }
    }

    /**
     * A handler that files each message into a table of the inbox's own database, in the inbox's
     * transaction. The table is created beforehand ({@link #store}, {@link #createFiled}).
     */
    static final InboxHandler FILING = m -> {
        Connection c = m.transaction();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO filed VALUES (?, ?, ?)")) {
            ps.setString(1, m.message().entry().sender().value());
            ps.setString(2, m.message().entry().messageId().toString());
            ps.setInt(3, m.attempt());
            ps.executeUpdate();
        }
    };

    /** How many times the handler filed each message: counted in the handler's own table. */
    static int filed(Connection c, UUID id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM filed WHERE message_id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void documentGoesThroughOutboxAndInboxOnceAndTheSenderSeesItDelivered() throws Exception {
        Path pkg = Samples.pkg(dir, dev, LIQUAN, List.of(XIANYANG), List.of(), 50_000);
        UUID id = Samples.id(Samples.verify(dev, pkg));
        List<Receipt> heard = new CopyOnWriteArrayList<>();
        ExchangeListener listener = new ExchangeListener() {
            @Override
            public void receipt(OutboxEntry entry, Receipt receipt) {
                heard.add(receipt);
            }
        };
        Path receiverStore = Files.createTempDirectory(dir, "xianyang");
        createFiled(h2Url(receiverStore));
        try (ExchangeClient liquan = client(LIQUAN); ExchangeClient xianyang = client(XIANYANG);
                ReliableExchange out = Samples.GW.reliableExchange(liquan, store("liquan").listener(listener).build());
                ReliableExchange in = Samples.GW.reliableExchange(xianyang, ReliableConfig.builder(receiverStore).sendRetry(QUICK)
                        .handlerRetry(QUICK).handler(FILING).build())) {
            OutboxEntry queued = out.send(pkg);
            assertEquals(OutboxState.QUEUED, queued.state());
            assertEquals(0, queued.attempts());
            Files.delete(pkg); // the outbox holds its own copy
            assertEquals(1, out.runSendRound());
            OutboxEntry accepted = out.outboxEntry(id).orElseThrow();
            assertEquals(OutboxState.ACCEPTED, accepted.state());
            assertEquals(ReceiptType.ACCEPTED, accepted.accepted().orElseThrow().type());
            assertEquals(LIQUAN_NODE.value(), accepted.accepted().orElseThrow().issuer());
            assertEquals(0, out.runSendRound(), "an accepted message is not sent again");

            InboxEntry stored = receiveUntilStored(in, LIQUAN, id);
            assertEquals(InboxState.RECEIVED, stored.state());
            assertTrue(Files.isRegularFile(stored.packageFile()));
            assertEquals(0, in.runReceiveRound(Duration.ZERO), "the acknowledged message left the mailbox");
            in.runHandlerRound();
            assertEquals(0, in.runHandlerRound(), "a handled message is not handed over again");
            assertEquals(InboxState.HANDLED, in.inboxEntry(LIQUAN, id).orElseThrow().state());
            try (Connection c = java.sql.DriverManager.getConnection(h2Url(receiverStore))) {
                // H2 serves a second connection to the file the exchange holds open in this JVM
                assertEquals(1, filed(c, id));
            }

            RecipientStatus xy = null;
            for (int i = 0; i < 50 && (xy == null || xy.state() != DeliveryState.DELIVERED); i++) {
                dev.awaitQuiet(Duration.ofSeconds(5));
                out.runStatusRound();
                xy = out.outboxEntry(id).orElseThrow().recipients().get(0);
            }
            assertEquals(XIANYANG, xy.recipient());
            assertEquals(DeliveryState.DELIVERED, xy.state());
            assertTrue(heard.stream().anyMatch(r -> r.type() == ReceiptType.DELIVERED && r.issuer().equals(XIANYANG.value())), heard.toString());
            assertEquals(1, out.counters().accepted());
            assertTrue(in.counters().handled() >= 1);
        }
    }

    /** Receives until the message from {@code sender} is in the inbox (other tests' messages may come along). */
    private static InboxEntry receiveUntilStored(ReliableExchange in, OrgCode sender, UUID id) throws Exception {
        for (int i = 0; i < 20 && in.inboxEntry(sender, id).isEmpty(); i++) {
            in.runReceiveRound(Duration.ofSeconds(2));
        }
        return in.inboxEntry(sender, id).orElseThrow(() -> new AssertionError("message " + id + " did not arrive in 20 rounds"));
    }

    @Test
    void aDocumentWrittenWhileTheNodeIsDownIsResentWithTheSameBytesAndAcceptedOnce() throws Exception {
        Path pkg = Samples.pkg(dir, dev, CHUNHUA, List.of(XIANYANG), List.of(), 10_000);
        UUID id = Samples.id(Samples.verify(dev, pkg));
        try (ExchangeClient chunhua = client(CHUNHUA);
                ReliableExchange out = Samples.GW.reliableExchange(chunhua, store("chunhua").build())) {
            dev.stop(DevPlatform.XIANYANG_NODE);
            try {
                out.send(pkg);
                assertEquals(1, out.runSendRound());
                OutboxEntry e = out.outboxEntry(id).orElseThrow();
                assertEquals(OutboxState.QUEUED, e.state());
                assertEquals(1, e.attempts());
                assertEquals(ErrorCode.TRANSPORT_RETRYABLE.code(), e.lastErrorCode().orElseThrow());
                assertTrue(e.nextAttempt().isPresent());
            } finally {
                dev.restart(DevPlatform.XIANYANG_NODE);
            }
            OutboxEntry done = null;
            for (int i = 0; i < 100 && (done == null || done.state() == OutboxState.QUEUED); i++) {
                out.runSendRound();
                done = out.outboxEntry(id).orElseThrow();
            }
            assertEquals(OutboxState.ACCEPTED, done.state());
            assertTrue(done.attempts() >= 2);
            assertEquals(1, out.counters().accepted());
            assertTrue(out.counters().retries() >= 1);
        }
    }

    @Test
    void theSameFileTwiceIsOneEntryAndOtherBytesUnderItsIdAreRefused() throws Exception {
        Header h = Header.builder().sender(LIQUAN).to(XIANYANG).build();
        Path a = Samples.pkg(dir, dev.signingIdentity(LIQUAN), h, 1_000);
        Path b = Samples.pkg(dir, dev.signingIdentity(LIQUAN), h, 2_000);
        try (ExchangeClient liquan = client(LIQUAN); ReliableExchange out = Samples.GW.reliableExchange(liquan, store("twice").build())) {
            OutboxEntry first = out.send(a);
            OutboxEntry again = out.send(a);
            assertEquals(first.messageId(), again.messageId());
            assertEquals(first.packageSha256(), again.packageSha256());
            assertEquals(1, out.outbox(OutboxState.QUEUED, 10).size());
            GongwenException e = assertThrows(GongwenException.class, () -> out.send(b));
            assertEquals(ErrorCode.MESSAGE_ID_CONFLICT, e.code());
            GongwenException foreign = assertThrows(GongwenException.class,
                    () -> out.send(Samples.pkg(dir, dev, XIANYANG, List.of(LIQUAN), List.of(), 100)));
            assertEquals(ErrorCode.LOCAL_ARGUMENT, foreign.code());
            assertEquals(1, out.outbox(OutboxState.QUEUED, 10).size(), "nothing of the refused packages stays in the outbox");
        }
    }

    @Test
    void aMessageThatExpiresWhileTheNodeIsAwayEndsExpired() throws Exception {
        Header h = Header.builder().sender(CHUNHUA).to(XIANYANG).expires(Instant.now().plusMillis(1500)).build();
        Path pkg = Samples.pkg(dir, dev.signingIdentity(CHUNHUA), h, 1_000);
        List<OutboxEntry> gaveUp = new CopyOnWriteArrayList<>();
        try (ExchangeClient chunhua = client(CHUNHUA); ReliableExchange out = Samples.GW.reliableExchange(chunhua,
                store("expiry").sendRetry(RetrySchedule.exponential(Duration.ofMillis(200), Duration.ofMillis(400)))
                        .listener(new ExchangeListener() {
                            @Override
                            public void gaveUp(OutboxEntry entry) {
                                gaveUp.add(entry);
                            }
                        }).build())) {
            dev.stop(DevPlatform.XIANYANG_NODE);
            try {
                out.send(pkg);
                OutboxEntry e = out.outboxEntry(h.messageId()).orElseThrow();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!e.lastError().orElse("").contains("status could not be read") && System.nanoTime() < deadline) {
                    if (out.runSendRound() == 0) {
                        Thread.sleep(50); // polling: the next attempt is due in up to 400 ms, the expiry in 1.5 s
                    }
                    e = out.outboxEntry(h.messageId()).orElseThrow();
                }
                assertEquals(OutboxState.QUEUED, e.state(), "expired, but whether an attempt reached the node cannot be read yet");
                assertTrue(e.lastError().orElseThrow().contains("status could not be read"), e.lastError().orElseThrow());
            } finally {
                dev.restart(DevPlatform.XIANYANG_NODE);
            }
            OutboxEntry e = out.outboxEntry(h.messageId()).orElseThrow();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (e.state() == OutboxState.QUEUED && System.nanoTime() < deadline) {
                if (out.runSendRound() == 0) {
                    Thread.sleep(50); // polling: the decision is due again after the schedule's longest wait (400 ms)
                }
                e = out.outboxEntry(h.messageId()).orElseThrow();
            }
            assertEquals(OutboxState.EXPIRED, e.state(), "the node never got it: expired");
            assertEquals(1, gaveUp.size());
            assertEquals(0, out.runSendRound(), "an expired message is not sent again");
        }
    }

    @Test
    void aHandlerThatKeepsFailingIsParkedWithItsErrorAndCanBeRetried() throws Exception {
        Path pkg = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 2_000);
        UUID id = Samples.id(Samples.verify(dev, pkg));
        List<Integer> attempts = new ArrayList<>();
        boolean[] healthy = {false};
        InboxHandler flaky = m -> {
            attempts.add(m.attempt());
            if (!healthy[0]) {
                throw new IllegalStateException("the filing system is down");
            }
            FILING.handle(m);
        };
        try (ExchangeClient xianyang = client(XIANYANG); ExchangeClient chunhua = client(CHUNHUA);
                ReliableExchange out = Samples.GW.reliableExchange(xianyang, store("xy-out").build());
                ReliableExchange in = Samples.GW.reliableExchange(chunhua, store("ch-in").handler(flaky).handlerAttempts(3).build())) {
            out.send(pkg);
            out.runSendRound();
            receiveUntilStored(in, XIANYANG, id);
            for (int i = 0; i < 1000 && in.parked(10).isEmpty(); i++) {
                in.runHandlerRound();
            }
            assertEquals(List.of(1, 2, 3), attempts);
            InboxEntry parked = in.parked(10).get(0);
            assertEquals(id, parked.messageId());
            assertEquals(InboxState.PARKED, parked.state());
            assertEquals("HANDLER", parked.lastErrorCode().orElseThrow());
            assertTrue(parked.lastError().orElseThrow().contains("the filing system is down"));
            assertEquals(0, in.runHandlerRound(), "a parked message is left alone");

            healthy[0] = true;
            in.retryParked(CHUNHUA.equals(parked.sender()) ? CHUNHUA : parked.sender(), id);
            assertEquals(1, in.runHandlerRound());
            assertEquals(InboxState.HANDLED, in.inboxEntry(XIANYANG, id).orElseThrow().state());
            assertEquals(List.of(1, 2, 3, 1), attempts);
            GongwenException none = assertThrows(GongwenException.class, () -> in.retryParked(XIANYANG, id));
            assertEquals(ErrorCode.MESSAGE_UNKNOWN, none.code());
            assertFalse(in.counters().parked() == 0);
        }
    }

    @Test
    void aMessageStoredByOneExchangeIsHandedOverOnceByTheNextOnTheSameStore() throws Exception {
        // (a lost acknowledgement, answered again without a second handler call, is ScriptedFaultsTest's)
        Path pkg = Samples.pkg(dir, dev, LIQUAN, List.of(CHUNHUA), List.of(), 3_000);
        UUID id = Samples.id(Samples.verify(dev, pkg));
        Path inboxDir = Files.createTempDirectory(dir, "ch-crash");
        createFiled(h2Url(inboxDir));
        try (ExchangeClient liquan = client(LIQUAN); ExchangeClient chunhua = client(CHUNHUA);
                ReliableExchange out = Samples.GW.reliableExchange(liquan, store("lq-out").build())) {
            out.send(pkg);
            out.runSendRound();
            // the first exchange stores the message and ends before its handler runs
            dev.awaitQuiet(Duration.ofSeconds(10));
            org.gongwen.api.exchange.MailboxEntry entry = null;
            for (int i = 0; i < 10 && entry == null; i++) {
                entry = chunhua.mailbox(Duration.ofSeconds(2)).stream().filter(e -> e.messageId().equals(id)).findFirst().orElse(null);
            }
            assertTrue(entry != null, "the message reached the mailbox");
            try (ReliableExchange first = Samples.GW.reliableExchange(chunhua,
                    ReliableConfig.builder(inboxDir).handler(FILING).build())) {
                assertTrue(first.runReceiveRound(Duration.ZERO) >= 1);
                assertEquals(InboxState.RECEIVED, first.inboxEntry(LIQUAN, id).orElseThrow().state());
            }
            // the next exchange on the same store finds nothing new in the mailbox and hands the stored message over once
            try (ReliableExchange second = Samples.GW.reliableExchange(chunhua,
                    ReliableConfig.builder(inboxDir).handler(FILING).build())) {
                assertEquals(0, second.runReceiveRound(Duration.ZERO), "nothing new");
                assertTrue(second.runHandlerRound() >= 1);
                assertEquals(InboxState.HANDLED, second.inboxEntry(LIQUAN, id).orElseThrow().state());
                assertEquals(0, second.runHandlerRound());
            }
        }
    }

    @Test
    void aHandlerThatRaisesAnErrorOrTriesToCommitIsRecordedAndParkedAndTheWorkerGoesOn() throws Exception {
        Path first = Samples.pkg(dir, dev, CHUNHUA, List.of(LIQUAN), List.of(), 1_500);
        Path second = Samples.pkg(dir, dev, CHUNHUA, List.of(LIQUAN), List.of(), 1_600);
        UUID a = Samples.id(Samples.verify(dev, first));
        UUID b = Samples.id(Samples.verify(dev, second));
        List<String> seen = new CopyOnWriteArrayList<>();
        InboxHandler misbehaving = m -> {
            UUID id = m.message().entry().messageId();
            seen.add(id + "#" + m.attempt());
            if (id.equals(a)) {
                throw new AssertionError("an Error, not an Exception");
            }
            FILING.handle(m);
            m.transaction().commit(); // not allowed: the inbox owns the transaction
        };
        try (ExchangeClient chunhua = client(CHUNHUA); ExchangeClient liquan = client(LIQUAN);
                ReliableExchange out = Samples.GW.reliableExchange(chunhua, store("ch-err").build());
                ReliableExchange in = Samples.GW.reliableExchange(liquan, store("lq-err").handler(misbehaving).handlerAttempts(2).build())) {
            out.send(first);
            out.send(second);
            out.runSendRound();
            receiveUntilStored(in, CHUNHUA, a);
            receiveUntilStored(in, CHUNHUA, b);
            for (int i = 0; i < 1000 && in.parked(10).size() < 2; i++) {
                in.runHandlerRound();
            }
            assertEquals(2, in.parked(10).size(), "both parked after two calls each: " + seen);
            InboxEntry pa = in.inboxEntry(CHUNHUA, a).orElseThrow();
            assertTrue(pa.lastError().orElseThrow().contains("AssertionError"), pa.toString());
            assertEquals(2, pa.attempts());
            InboxEntry pb = in.inboxEntry(CHUNHUA, b).orElseThrow();
            assertTrue(pb.lastError().orElseThrow().contains("the inbox owns this transaction"), pb.lastError().orElseThrow());
            assertEquals(List.of(a + "#1", a + "#2"), seen.stream().filter(x -> x.startsWith(a.toString())).toList());
        }
    }

    @Test
    void theOutboxRefusesAnExpiredPackageAndTheNodeAnswersAResendAfterExpiryWithItsFirstReceipt() throws Exception {
        Instant now = Instant.now();
        Header old = Header.builder().sender(CHUNHUA).to(XIANYANG).created(now.minusSeconds(7200)).expires(now.minusSeconds(3600)).build();
        Path expired = Samples.pkg(dir, dev.signingIdentity(CHUNHUA), old, 500);
        Header soon = Header.builder().sender(CHUNHUA).to(XIANYANG).expires(now.plusSeconds(2)).build();
        Path shortLived = Samples.pkg(dir, dev.signingIdentity(CHUNHUA), soon, 500);
        try (ExchangeClient chunhua = client(CHUNHUA); ReliableExchange out = Samples.GW.reliableExchange(chunhua, store("ch-exp").build())) {
            GongwenException e = assertThrows(GongwenException.class, () -> out.send(expired));
            assertEquals(ErrorCode.MESSAGE_EXPIRED, e.code());
            assertTrue(out.outbox(OutboxState.QUEUED, 10).isEmpty());

            Receipt first = chunhua.send(shortLived);
            while (Instant.now().isBefore(soon.expires().orElseThrow().plusMillis(100))) {
                Thread.sleep(100); // the message must have expired before it is sent again
            }
            Receipt again = chunhua.send(shortLived);
            assertEquals(first.receiptId(), again.receiptId(), "the stored receipt, not POL-002");
        }
    }
}
