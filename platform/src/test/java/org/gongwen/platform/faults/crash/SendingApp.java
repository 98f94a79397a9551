package org.gongwen.platform.faults.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.ExchangeListener;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.api.reliable.RetrySchedule;

/**
 * The sending application of {@link SendingApplicationKilledTest}, run in its own JVM: writes
 * documents 0 to n-1 into its outbox while the background senders hand them to the node, then
 * waits until none is queued. Started again after a kill, it offers every document again (the
 * same package file, so the outbox answers with the entry it holds) and carries on.
 *
 * <p>Prints {@code started}, then per document {@code written <i>} (new entry) or
 * {@code again <i>} (the outbox held it already), {@code accepted <id>} when the node accepted
 * one, and finally {@code done <accepted>}; exits 3 if a message was given up.
 *
 * <p>Arguments: client file, store folder, package folder, series, n, sender, recipients (codes).
 */
public final class SendingApp {
    private SendingApp() {
    }

    /** Runs the application; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path clientFile = Path.of(args[0]);
        Path store = Path.of(args[1]);
        Path packages = Files.createDirectories(Path.of(args[2]));
        String series = args[3];
        int n = Integer.parseInt(args[4]);
        OrgCode sender = OrgCode.of(args[5]);
        List<OrgCode> to = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            to.add(OrgCode.of(args[i]));
        }
        Object news = new Object();
        ExchangeListener listener = new ExchangeListener() {
            @Override
            public void accepted(OutboxEntry entry) {
                System.out.println("accepted " + entry.messageId());
                synchronized (news) {
                    news.notifyAll();
                }
            }

            @Override
            public void gaveUp(OutboxEntry entry) {
                System.out.println("gave-up " + entry);
                synchronized (news) {
                    news.notifyAll();
                }
            }
        };
        ExchangeConfig cc = CrashDocuments.GW.exchangeConfig(clientFile);
        ReliableConfig rc = ReliableConfig.builder(store).sendRetry(RetrySchedule.exponential(Duration.ofMillis(50), Duration.ofSeconds(1)))
                .statusInterval(Duration.ofHours(1)).listener(listener).build();
        try (ExchangeClient client = CrashDocuments.GW.exchangeClient(cc);
                ReliableExchange x = CrashDocuments.GW.reliableExchange(client, rc)) {
            x.start();
            System.out.println("started");
            for (int i = 0; i < n; i++) {
                UUID id = CrashDocuments.id(series, i);
                boolean held = x.outboxEntry(id).isPresent();
                Path pkg = CrashDocuments.pkg(packages, cc.signingIdentity(), sender, to, List.of(), series, i);
                OutboxEntry e = x.send(pkg);
                if (!e.messageId().equals(id)) {
                    throw new IllegalStateException("document " + i + " came back as " + e);
                }
                System.out.println((held ? "again " : "written ") + i);
            }
            while (!x.outbox(OutboxState.QUEUED, 1).isEmpty()) {
                synchronized (news) {
                    news.wait(200); // woken by the listener; the timeout re-reads the store
                }
            }
            int accepted = x.outbox(OutboxState.ACCEPTED, 10_000).size();
            System.out.println("done " + accepted);
            System.out.flush();
            System.exit(accepted == n ? 0 : 3);
        }
    }
}
