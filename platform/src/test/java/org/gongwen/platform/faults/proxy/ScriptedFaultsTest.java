package org.gongwen.platform.faults.proxy;

import static org.gongwen.platform.DevPlatform.BINZHOU;
import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.XIAN;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.InboxState;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.RetrySchedule;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fault at a chosen request, with the exchange's work done in explicit rounds, for the
 * promises the random run relies on: a 503's Retry-After is honoured; a message whose receipt was
 * lost ends ACCEPTED with the receipt the node issued the first time; a lost acknowledgement costs
 * no second handler call; a cut download leaves no file and no row.
 */
class ScriptedFaultsTest {
    @TempDir
    static Path dir;
    static DevPlatform dev;

    /** Much shorter than the proxy's Retry-After of one second. */
    private static final RetrySchedule QUICK = RetrySchedule.exponential(Duration.ofMillis(1), Duration.ofMillis(5));

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.RSA_SHA256);
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    private static ProxiedParty party(OrgCode org, FaultPlan plan) throws Exception {
        Path store = Files.createTempDirectory(dir, org.value());
        return ProxiedParty.open(dev, org, plan, store, ReliableConfig.builder(store).sendRetry(QUICK).handlerRetry(QUICK)
                .statusInterval(Duration.ofMinutes(10)).receiveWait(Duration.ofSeconds(1)));
    }

    private static Path pkg(OrgCode sender, OrgCode to) throws Exception {
        Header h = Header.builder().sender(sender).to(to).build();
        Path work = Files.createTempDirectory(dir, "pkg");
        Path body = Fixtures.file(work, "body.pdf", 3_000, h.messageId().getMostSignificantBits());
        Path out = work.resolve(h.messageId() + ".gwpkg");
        ProxiedParty.GW.newPackage().header(h).metadata(Fixtures.metadata()).body(body, "正文.pdf", "application/pdf")
                .signWith(dev.signingIdentity(sender)).writeTo(out);
        return out;
    }

    private static UUID id(Path pkg) throws Exception {
        return ProxiedParty.GW.verifier(dev.trustPolicy()).verify(pkg).envelope().header().messageId();
    }

    /** Sends in rounds until the entry leaves QUEUED (polling: the next attempt may be due only after a Retry-After). */
    private static OutboxEntry sendUntilFinal(ProxiedParty p, UUID id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        OutboxEntry e = p.exchange.outboxEntry(id).orElseThrow();
        while (e.state() == OutboxState.QUEUED && System.nanoTime() < deadline) {
            if (p.exchange.runSendRound() == 0) {
                Thread.sleep(20); // polling for the next due attempt
            }
            e = p.exchange.outboxEntry(id).orElseThrow();
        }
        return e;
    }

    @Test
    void a503WithRetryAfterIsHonouredAndTheMessageIsThenAccepted() throws Exception {
        Path pkg = pkg(CHUNHUA, XIAN);
        UUID id = id(pkg);
        try (ProxiedParty chunhua = party(CHUNHUA, FaultPlan.seeded(1).once("POST /gongwen/v1/messages", Fault.ERROR_503).build())) {
            chunhua.exchange.send(pkg);
            Instant before = Instant.now();
            assertEquals(1, chunhua.exchange.runSendRound());
            OutboxEntry e = chunhua.exchange.outboxEntry(id).orElseThrow();
            assertEquals(OutboxState.QUEUED, e.state());
            assertEquals(ErrorCode.TRANSPORT_RETRYABLE.code(), e.lastErrorCode().orElseThrow());
            assertTrue(!e.nextAttempt().orElseThrow().isBefore(before.plusSeconds(1)),
                    "the next attempt waits for the Retry-After of 1 s, not the schedule's 1 ms: " + e.nextAttempt() + " after " + before);
            assertEquals(0, chunhua.exchange.runSendRound(), "nothing is due before the Retry-After");
            assertEquals(OutboxState.ACCEPTED, sendUntilFinal(chunhua, id).state());
            assertEquals(1, chunhua.proxy.counts().of(Fault.ERROR_503));
        }
    }

    @Test
    void aReceiptCutOffAfterTheNodeStoredTheMessageEndsAcceptedWithTheFirstReceipt() throws Exception {
        Path pkg = pkg(CHUNHUA, XIAN);
        UUID id = id(pkg);
        try (ProxiedParty chunhua = party(CHUNHUA, FaultPlan.seeded(2).once("POST /gongwen/v1/messages", Fault.CUT_DOWNLOAD)
                .once("POST /gongwen/v1/messages", Fault.ERROR_503_AFTER).build());
                ExchangeClient direct = ProxiedParty.GW.exchangeClient(dev.clientConfig(CHUNHUA))) {
            chunhua.exchange.send(pkg);
            OutboxEntry done = sendUntilFinal(chunhua, id);
            assertEquals(OutboxState.ACCEPTED, done.state());
            assertEquals(3, done.attempts(), "the receipt was cut off, then replaced by a 503, then heard");
            assertEquals(direct.status(id).accepted().receiptId(), done.accepted().orElseThrow().receiptId(),
                    "the receipt heard on the third attempt is the one the node issued on the first");
            assertEquals(1, chunhua.proxy.counts().of(Fault.CUT_DOWNLOAD));
            assertEquals(1, chunhua.proxy.counts().of(Fault.ERROR_503_AFTER));
        }
    }

    @Test
    void lostAcknowledgementsCostNoSecondHandlerCall() throws Exception {
        Path first = pkg(CHUNHUA, XIANYANG);
        Path second = pkg(CHUNHUA, XIANYANG);
        UUID a = id(first);
        UUID b = id(second);
        try (ProxiedParty chunhua = party(CHUNHUA, FaultPlan.seeded(3).build());
                // the first DELIVERED never reaches the node; the node stores the second, but its answer is lost
                ProxiedParty xianyang = party(XIANYANG, FaultPlan.seeded(4).once("POST /gongwen/v1/receipts", Fault.ERROR_503)
                        .once("POST /gongwen/v1/receipts", Fault.ERROR_500_AFTER).build());
                ExchangeClient direct = ProxiedParty.GW.exchangeClient(dev.clientConfig(XIANYANG))) {
            chunhua.exchange.send(first);
            chunhua.exchange.send(second);
            assertEquals(OutboxState.ACCEPTED, sendUntilFinal(chunhua, a).state());
            assertEquals(OutboxState.ACCEPTED, sendUntilFinal(chunhua, b).state());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(xianyang.proxy.counts().of(Fault.ERROR_503) == 1 && xianyang.proxy.counts().of(Fault.ERROR_500_AFTER) == 1
                    && direct.mailbox(Duration.ZERO).isEmpty()) && System.nanoTime() < deadline) {
                xianyang.exchange.runReceiveRound(Duration.ofSeconds(1));
                xianyang.exchange.runHandlerRound();
            }
            assertTrue(direct.mailbox(Duration.ZERO).isEmpty(), "both messages were acknowledged in the end");
            assertEquals(InboxState.HANDLED, xianyang.exchange.inboxEntry(CHUNHUA, a).orElseThrow().state());
            assertEquals(InboxState.HANDLED, xianyang.exchange.inboxEntry(CHUNHUA, b).orElseThrow().state());
            assertEquals(Map.of(CHUNHUA.value() + "/" + a, 1, CHUNHUA.value() + "/" + b, 1), xianyang.filed());
            assertTrue(xianyang.exchange.counters().duplicatesSuppressed() >= 1,
                    "the message the node offered again was recognised: " + xianyang.exchange.counters());
        }
    }

    @Test
    void aCutDownloadLeavesNoFileAndNoRowAndTheMessageIsFetchedAgain() throws Exception {
        Path pkg = pkg(CHUNHUA, BINZHOU);
        UUID id = id(pkg);
        try (ProxiedParty chunhua = party(CHUNHUA, FaultPlan.seeded(5).build());
                ProxiedParty binzhou = party(BINZHOU, FaultPlan.seeded(6).once("GET /gongwen/v1/mailbox/", Fault.CUT_DOWNLOAD).build())) {
            chunhua.exchange.send(pkg);
            assertEquals(OutboxState.ACCEPTED, sendUntilFinal(chunhua, id).state());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (binzhou.proxy.counts().of(Fault.CUT_DOWNLOAD) == 0 && System.nanoTime() < deadline) {
                assertEquals(0, binzhou.exchange.runReceiveRound(Duration.ofSeconds(1)));
            }
            assertEquals(1, binzhou.proxy.counts().of(Fault.CUT_DOWNLOAD));
            assertTrue(binzhou.exchange.inboxEntry(CHUNHUA, id).isEmpty(), "no row for the cut download");
            try (Stream<Path> files = Files.list(binzhou.store.resolve("inbox"))) {
                assertEquals(List.of(), files.toList(), "no file, not even a partial one");
            }
            // the entry that broke off is set aside for a second, then fetched again
            int stored = 0;
            while (stored == 0 && System.nanoTime() < deadline) {
                stored = binzhou.exchange.runReceiveRound(Duration.ofSeconds(1));
            }
            assertEquals(1, stored);
            assertEquals(1, binzhou.exchange.runHandlerRound());
            assertEquals(Map.of(CHUNHUA.value() + "/" + id, 1), binzhou.filed());
        }
    }
}
