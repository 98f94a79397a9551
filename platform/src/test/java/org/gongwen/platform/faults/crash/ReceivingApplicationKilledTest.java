package org.gongwen.platform.faults.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.api.reliable.RetrySchedule;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiving application killed with SIGKILL between fetching a message and acknowledging it,
 * or while its handler runs: a child JVM receives 500 documents with a {@link ReliableExchange}
 * whose handler files one row per call through the inbox's transaction into a table without a
 * unique constraint. It is killed five times at random points of the run (after a random number of
 * messages were stored, or handled) and started again on the same store. At the end every
 * document must have exactly one row: none lost, none handled twice.
 */
class ReceivingApplicationKilledTest {
    private static final int DOCUMENTS = 500;
    private static final int KILLS = 5;
    private static final Duration DEADLINE = Duration.ofSeconds(170);
    private static final String SERIES = "receiver-killed";

    @TempDir
    Path dir;

    @Test
    void killedReceiverHandlesEveryDocumentExactlyOnce() throws Exception {
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        // kill k comes once the count of messages stored (even k) or handled (odd k) reaches its threshold
        int[] thresholds = new int[KILLS];
        for (int k = 0; k < KILLS; k++) {
            int from = DOCUMENTS * (2 * k + 1) / (2 * KILLS + 2);
            thresholds[k] = from + random.nextInt(DOCUMENTS / (2 * KILLS + 2));
        }
        Path receiverStore = dir.resolve("xianyang-store");
        Path log = ChildJvm.logFile("receiving-application");
        int kills = 0;
        long suppressed = 0;
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.SM2_SM3)) {
            dev.writeFiles();
            try (ExchangeClient chunhua = CrashDocuments.GW.exchangeClient(dev.clientConfig(DevPlatform.CHUNHUA));
                    ReliableExchange out = CrashDocuments.GW.reliableExchange(chunhua, ReliableConfig.builder(dir.resolve("chunhua-store"))
                            .sendRetry(RetrySchedule.exponential(Duration.ofMillis(50), Duration.ofSeconds(1)))
                            .statusInterval(Duration.ofHours(1)).build())) {
                out.start();
                // the sender writes its documents while the receiver runs
                CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                    try {
                        for (int i = 0; i < DOCUMENTS; i++) {
                            out.send(CrashDocuments.pkg(dir.resolve("packages"), dev.signingIdentity(DevPlatform.CHUNHUA),
                                    DevPlatform.CHUNHUA, List.of(DevPlatform.XIANYANG), List.of(), SERIES, i));
                        }
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
                Set<String> stored = new HashSet<>();
                Set<String> handled = new HashSet<>();
                boolean done = false;
                for (int incarnation = 1; !done; incarnation++) {
                    assertTrue(System.nanoTime() < deadline, "the deadline passed before the receiver finished; incarnation " + incarnation);
                    long lastSuppressed = 0;
                    try (ChildJvm app = ChildJvm.start("receiving application #" + incarnation, "64m", log, ReceivingApp.class,
                            dev.clientFile(DevPlatform.XIANYANG).toString(), receiverStore.toString(), String.valueOf(DOCUMENTS))) {
                        String line;
                        boolean killed = false;
                        while ((line = app.nextLine(deadline, "the receiver to finish")) != null) {
                            String[] w = line.split(" ");
                            switch (w[0]) {
                                case "received" -> stored.add(w[1]);
                                case "handled" -> handled.add(w[1]);
                                case "counters" -> lastSuppressed = Long.parseLong(w[1]);
                                case "done" -> done = true;
                                default -> { }
                            }
                            boolean due = kills < KILLS && !done && (kills % 2 == 0 ? stored : handled).size() >= thresholds[kills];
                            if (due) {
                                app.kill();
                                killed = true;
                                kills++;
                                System.out.printf("kill %d: receiving application at %d stored, %d handled, %.1f s%n", kills, stored.size(),
                                        handled.size(), (System.nanoTime() - start) / 1e9);
                                break;
                            }
                        }
                        if (!killed) {
                            int status = app.awaitExit(deadline);
                            assertTrue(done && status == 0, app + " ended with status " + status + "; " + app.tail());
                        }
                    }
                    suppressed += lastSuppressed; // what each incarnation last reported: a killed one may have done more
                }
                writing.get(1, TimeUnit.SECONDS); // done long ago: the receiver filed every document
                List<org.gongwen.api.reliable.OutboxEntry> accepted = out.outbox(OutboxState.ACCEPTED, 10_000);
                long retries = out.counters().retries();

                Map<String, Integer> filed = CrashDocuments.filed(receiverStore); // the receiver JVM is gone
                Map<String, Integer> inbox = CrashDocuments.inboxStates(receiverStore);
                int delivered = filed.values().stream().mapToInt(Integer::intValue).sum();
                int duplicates = delivered - filed.size();
                retries += inbox.getOrDefault("attempts", 0);
                new CrashSummary("receiving application killed", DOCUMENTS, accepted.size(), delivered, duplicates, suppressed, retries,
                        kills, seed, (System.nanoTime() - start) / 1e9).print();
                List<Integer> missing = new ArrayList<>();
                Map<String, Integer> twice = new TreeMap<>();
                for (int i = 0; i < DOCUMENTS; i++) {
                    Integer n = filed.get(CrashDocuments.id(SERIES, i).toString());
                    if (n == null) {
                        missing.add(i);
                    } else if (n > 1) {
                        twice.put(i + "=" + CrashDocuments.id(SERIES, i), n);
                    }
                }
                assertEquals(List.of(), missing, "documents never handled");
                assertEquals(Map.of(), twice, "documents handled more than once");
                assertEquals(DOCUMENTS, filed.size(), "no other rows were filed");
                assertEquals(Map.of("HANDLED", DOCUMENTS, "attempts", inbox.get("attempts")), inbox, "every inbox entry ends HANDLED");
                assertEquals(DOCUMENTS, accepted.size(), "every outbox entry ends ACCEPTED");
                assertEquals(KILLS, kills, "the receiver was killed " + KILLS + " times");
                assertTrue(Files.isDirectory(receiverStore.resolve("inbox")));
            }
        }
    }
}
