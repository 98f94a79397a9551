package org.gongwen.platform.faults.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.ExchangeListener;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.api.reliable.RetrySchedule;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform node killed with SIGKILL while documents are submitted: the city node 咸阳市
 * (GWNODE-610400) runs as a child JVM ({@code PlatformMain} with a config file), its parent and
 * child nodes stay in this JVM. Two organisations homed on it (淳化县, 彬州市) send 500 documents
 * through their reliable outboxes, each to one recipient: 咸阳市 (a mailbox on the killed node)
 * or 礼泉县 (relayed by the killed node to 礼泉县's node). The node is killed four times at random
 * points of the run and restarted on the same database, folders and port. Every document must be
 * accepted once and handled once by its recipient: nothing the node acknowledged may be lost.
 */
class PlatformNodeKilledTest {
    private static final int DOCUMENTS = 500;
    private static final int KILLS = 4;
    private static final Duration DEADLINE = Duration.ofSeconds(170);
    private static final String SERIES = "node-killed";
    private static final RetrySchedule QUICK = RetrySchedule.exponential(Duration.ofMillis(100), Duration.ofSeconds(2));

    @TempDir
    Path dir;

    private static OrgCode sender(int i) {
        return i % 2 == 0 ? DevPlatform.CHUNHUA : DevPlatform.BINZHOU;
    }

    private static OrgCode recipient(int i) {
        return (i / 2) % 2 == 0 ? DevPlatform.XIANYANG : DevPlatform.LIQUAN;
    }

    @Test
    void killedNodeComesBackWithEverythingItAcknowledged() throws Exception {
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int[] thresholds = new int[KILLS];
        for (int k = 0; k < KILLS; k++) {
            thresholds[k] = DOCUMENTS / 10 + DOCUMENTS * 4 * k / (5 * KILLS) + random.nextInt(DOCUMENTS * 4 / (5 * KILLS));
        }
        Progress accepted = new Progress();
        Map<OrgCode, Progress> handled = Map.of(DevPlatform.XIANYANG, new Progress(), DevPlatform.LIQUAN, new Progress());
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.SM2_SM3)) {
            Path pki = dev.writeFiles();
            dev.stop(DevPlatform.XIANYANG_NODE); // replaced by the child JVM
            try (NodeProcess node = new NodeProcess(pki.resolve("nodes").resolve(DevPlatform.XIANYANG_NODE.value()).resolve("node.properties"),
                    Map.of("parent.uri", dev.node(DevPlatform.SHAANXI_NODE).uri().toString(),
                            "child." + DevPlatform.LIQUAN_NODE.value(), dev.node(DevPlatform.LIQUAN_NODE).uri().toString(),
                            "relay.retry.initial-seconds", "1", "relay.retry.max-seconds", "2"),
                    ChildJvm.logFile("platform-node"))) {
                URI uri = node.start(deadline);
                dev.node(DevPlatform.SHAANXI_NODE).setPeer(DevPlatform.XIANYANG_NODE, uri);
                dev.node(DevPlatform.LIQUAN_NODE).setPeer(DevPlatform.XIANYANG_NODE, uri);
                List<AutoCloseable> open = new ArrayList<>();
                try {
                    Map<OrgCode, ReliableExchange> in = new TreeMap<>();
                    for (OrgCode r : handled.keySet()) {
                        ExchangeConfig cc = r.equals(DevPlatform.LIQUAN) ? dev.clientConfig(r) : onNode(dev, r, uri);
                        Path store = dir.resolve("store-" + r.value());
                        ReliableExchange x = exchange(open, cc, ReliableConfig.builder(store).handler(CrashDocuments.FILING)
                                .handlerRetry(QUICK).receiveWait(Duration.ofSeconds(2)).listener(new ExchangeListener() {
                                    @Override
                                    public void handled(InboxEntry entry) {
                                        handled.get(r).add(entry.messageId());
                                    }
                                }));
                        CrashDocuments.createFilingTable(store);
                        x.start();
                        in.put(r, x);
                    }
                    Map<OrgCode, ReliableExchange> out = new TreeMap<>();
                    for (OrgCode s : List.of(DevPlatform.CHUNHUA, DevPlatform.BINZHOU)) {
                        ReliableExchange x = exchange(open, onNode(dev, s, uri), ReliableConfig.builder(dir.resolve("store-" + s.value()))
                                .sendRetry(QUICK).statusInterval(Duration.ofHours(1)).listener(new ExchangeListener() {
                                    @Override
                                    public void accepted(OutboxEntry entry) {
                                        accepted.add(entry.messageId());
                                    }
                                }));
                        x.start();
                        out.put(s, x);
                    }
                    CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                        try {
                            for (int i = 0; i < DOCUMENTS; i++) {
                                out.get(sender(i)).send(CrashDocuments.pkg(dir.resolve("packages"), dev.signingIdentity(sender(i)), sender(i),
                                        List.of(recipient(i)), List.of(), SERIES, i));
                            }
                        } catch (Exception e) {
                            throw new CompletionException(e);
                        }
                    });

                    for (int k = 0; k < KILLS; k++) {
                        assertTrue(accepted.awaitAtLeast(thresholds[k], deadline), "the deadline passed before " + thresholds[k]
                                + " documents were accepted (kill " + (k + 1) + "); " + accepted.count() + " were");
                        node.kill();
                        System.out.printf("kill %d: platform node at %d accepted, %d + %d handled, %.1f s%n", k + 1, accepted.count(),
                                handled.get(DevPlatform.XIANYANG).count(), handled.get(DevPlatform.LIQUAN).count(),
                                (System.nanoTime() - start) / 1e9);
                        node.start(deadline);
                    }
                    writing.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    boolean all = accepted.awaitAtLeast(DOCUMENTS, deadline);
                    for (Progress p : handled.values()) {
                        all &= p.awaitAtLeast(DOCUMENTS / 2, deadline);
                    }
                    if (!all) {
                        List<String> missing = new ArrayList<>();
                        for (int i = 0; i < DOCUMENTS && missing.size() < 20; i++) {
                            UUID id = CrashDocuments.id(SERIES, i);
                            if (!handled.get(recipient(i)).contains(id)) {
                                Optional<OutboxEntry> e = out.get(sender(i)).outboxEntry(id);
                                missing.add(i + " (" + id + " to " + recipient(i) + ", outbox " + e.map(OutboxEntry::toString).orElse("none")
                                        + ")");
                            }
                        }
                        throw new AssertionError("the deadline passed: " + accepted.count() + " of " + DOCUMENTS + " accepted, "
                                + handled.get(DevPlatform.XIANYANG).count() + " + " + handled.get(DevPlatform.LIQUAN).count()
                                + " handled; not handled (first 20): " + missing);
                    }
                    int acceptedInOutbox = 0;
                    long retries = 0;
                    for (ReliableExchange x : out.values()) {
                        acceptedInOutbox += x.outbox(OutboxState.ACCEPTED, 10_000).size();
                        assertEquals(List.of(), x.outbox(OutboxState.QUEUED, 10), "nothing is left queued");
                        retries += x.counters().retries();
                    }
                    long suppressed = 0;
                    for (ReliableExchange x : in.values()) {
                        suppressed += x.counters().duplicatesSuppressed();
                    }
                    closeAll(open);

                    int delivered = 0;
                    int duplicates = 0;
                    List<String> wrong = new ArrayList<>();
                    Map<OrgCode, Map<String, Integer>> filed = new TreeMap<>();
                    for (OrgCode r : handled.keySet()) {
                        filed.put(r, CrashDocuments.filed(dir.resolve("store-" + r.value())));
                    }
                    for (int i = 0; i < DOCUMENTS; i++) {
                        String id = CrashDocuments.id(SERIES, i).toString();
                        for (OrgCode r : handled.keySet()) {
                            int n = filed.get(r).getOrDefault(id, 0);
                            delivered += n;
                            duplicates += Math.max(0, n - 1);
                            if (n != (r.equals(recipient(i)) ? 1 : 0)) {
                                wrong.add(i + " filed " + n + " time(s) by " + r);
                            }
                        }
                    }
                    new CrashSummary("platform node killed", DOCUMENTS, acceptedInOutbox, delivered, duplicates, suppressed, retries, KILLS,
                            seed, (System.nanoTime() - start) / 1e9).print();
                    System.out.printf("platform node killed: %d restart(s) found the port not yet free%n", node.refusedStarts());
                    assertEquals(List.of(), wrong, "every document is filed exactly once, by its recipient");
                    assertEquals(DOCUMENTS, acceptedInOutbox, "every outbox entry ends ACCEPTED");
                    assertEquals(DOCUMENTS, delivered);
                } finally {
                    closeAll(open);
                }
            }
        }
    }

    /** A client configuration for an organisation whose home is the node in the child JVM. */
    private static ExchangeConfig onNode(DevPlatform dev, OrgCode org, URI node) {
        DevPlatform.TlsIdentity tls = dev.tlsIdentity(org);
        return ExchangeConfig.builder().node(node).tlsIdentity(tls.key(), tls.chain()).tlsTrustAnchors(dev.tlsTrustAnchors())
                .signingIdentity(dev.signingIdentity(org)).trust(dev.trustPolicy()).build();
    }

    private static ReliableExchange exchange(List<AutoCloseable> open, ExchangeConfig cc, ReliableConfig.Builder rc) throws Exception {
        ExchangeClient client = CrashDocuments.GW.exchangeClient(cc);
        open.add(client);
        ReliableExchange x = CrashDocuments.GW.reliableExchange(client, rc.build());
        open.add(0, x);
        return x;
    }

    private static void closeAll(List<AutoCloseable> open) throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        open.clear();
    }
}
