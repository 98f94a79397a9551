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
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.reliable.ExchangeListener;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sending application killed with SIGKILL between writing to its outbox and the node's
 * receipt: a child JVM writes 500 documents into its outbox (an H2 file in a folder) while its
 * background senders send them; it is killed twice while it writes and once while it sends, and
 * started again on the same store each time. The restarted application offers every document
 * again; the outbox must answer with the entry it holds (no second entry, no conflict), finish
 * sending, and the recipient must handle every document exactly once.
 */
class SendingApplicationKilledTest {
    private static final int DOCUMENTS = 500;
    private static final Duration DEADLINE = Duration.ofSeconds(170);
    private static final String SERIES = "sender-killed";

    @TempDir
    Path dir;

    @Test
    void killedSenderResumesFromItsOutboxWithoutDuplicatesOrLosses() throws Exception {
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        // two kills while writing (at a count of distinct documents written), one while sending (at a count accepted)
        int[] writtenKills = {DOCUMENTS / 10 + random.nextInt(DOCUMENTS / 4), DOCUMENTS / 2 + random.nextInt(DOCUMENTS * 2 / 5)};
        int acceptedKill = 0; // chosen at the second kill: somewhere in what is still to be accepted
        Path senderStore = dir.resolve("chunhua-store");
        Path receiverStore = dir.resolve("xianyang-store");
        Path log = ChildJvm.logFile("sending-application");
        Progress handled = new Progress();
        int kills = 0;
        int again = 0;
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.SM2_SM3)) {
            dev.writeFiles();
            try (ExchangeClient xianyang = CrashDocuments.GW.exchangeClient(dev.clientConfig(DevPlatform.XIANYANG));
                    ReliableExchange in = CrashDocuments.GW.reliableExchange(xianyang, ReliableConfig.builder(receiverStore)
                            .handler(CrashDocuments.FILING).receiveWait(Duration.ofSeconds(2)).listener(new ExchangeListener() {
                                @Override
                                public void handled(InboxEntry entry) {
                                    handled.add(entry.messageId());
                                }
                            }).build())) {
                CrashDocuments.createFilingTable(receiverStore);
                in.start();
                Set<Integer> written = new HashSet<>();
                Set<String> accepted = new HashSet<>();
                boolean done = false;
                for (int incarnation = 1; !done; incarnation++) {
                    assertTrue(System.nanoTime() < deadline, "the deadline passed before the sender finished; incarnation " + incarnation);
                    try (ChildJvm app = ChildJvm.start("sending application #" + incarnation, "64m", log, SendingApp.class,
                            dev.clientFile(DevPlatform.CHUNHUA).toString(), senderStore.toString(), dir.resolve("packages").toString(),
                            SERIES, String.valueOf(DOCUMENTS), DevPlatform.CHUNHUA.value(), DevPlatform.XIANYANG.value())) {
                        String line;
                        boolean killed = false;
                        while ((line = app.nextLine(deadline, "the sender to finish")) != null) {
                            String[] w = line.split(" ");
                            switch (w[0]) {
                                case "written" -> written.add(Integer.parseInt(w[1]));
                                case "again" -> {
                                    written.add(Integer.parseInt(w[1]));
                                    again++;
                                }
                                case "accepted" -> accepted.add(w[1]);
                                case "done" -> done = true;
                                default -> { }
                            }
                            boolean due = kills < 2 ? written.size() >= writtenKills[kills]
                                    : kills == 2 && !done && accepted.size() >= acceptedKill;
                            if (due) {
                                app.kill();
                                killed = true;
                                kills++;
                                acceptedKill = accepted.size() + 1 + random.nextInt(Math.max(1, (DOCUMENTS - accepted.size()) * 4 / 5));
                                System.out.printf("kill %d: sending application at %d written, %d accepted, %.1f s%n", kills, written.size(),
                                        accepted.size(), (System.nanoTime() - start) / 1e9);
                                break;
                            }
                        }
                        if (!killed) {
                            int status = app.awaitExit(deadline);
                            assertTrue(done && status == 0, app + " ended with status " + status + (done ? " (a message was given up)" : "")
                                    + "; " + app.tail());
                        }
                    }
                }
                boolean all = handled.awaitAtLeast(DOCUMENTS, deadline);
                List<String> missing = new ArrayList<>();
                for (int i = 0; i < DOCUMENTS && missing.size() < 20; i++) {
                    if (!handled.contains(CrashDocuments.id(SERIES, i))) {
                        missing.add(i + "=" + CrashDocuments.id(SERIES, i));
                    }
                }
                assertTrue(all, "the recipient handled " + handled.count() + " of " + DOCUMENTS + " documents before the deadline;"
                        + " missing (first 20): " + missing);
                long suppressed = again + in.counters().duplicatesSuppressed();
                System.out.printf("sending application killed: %d documents offered again to the outbox after a restart and answered with"
                        + " the entry it held; %d messages offered again by the node and recognised by the recipient's inbox%n", again,
                        in.counters().duplicatesSuppressed());
                in.close();

                Map<String, CrashDocuments.OutboxRow> outbox = CrashDocuments.outbox(senderStore); // the sender JVM is gone
                assertEquals(DOCUMENTS, outbox.size(), "one outbox entry per document");
                Map<String, Integer> states = new TreeMap<>();
                long attempts = 0;
                for (CrashDocuments.OutboxRow r : outbox.values()) {
                    states.merge(r.state(), 1, Integer::sum);
                    attempts += r.attempts();
                }
                assertEquals(Map.of("ACCEPTED", DOCUMENTS), states, "every outbox entry ends ACCEPTED");
                for (int i = 0; i < DOCUMENTS; i++) {
                    assertTrue(outbox.containsKey(CrashDocuments.id(SERIES, i).toString()), "document " + i + " is in the outbox");
                }
                Map<String, Integer> filed = CrashDocuments.filed(receiverStore);
                int delivered = filed.values().stream().mapToInt(Integer::intValue).sum();
                int duplicates = delivered - filed.size();
                new CrashSummary("sending application killed", outbox.size(), states.getOrDefault("ACCEPTED", 0), delivered, duplicates,
                        suppressed, attempts - outbox.size(), kills, seed, (System.nanoTime() - start) / 1e9).print();
                assertEquals(DOCUMENTS, filed.size(), "every document was handled");
                assertEquals(0, duplicates, "no document was handled twice: " + filed);
                assertEquals(3, kills, "the sender was killed three times");
                assertTrue(Files.isDirectory(senderStore.resolve("outbox")));
            }
        }
    }
}
