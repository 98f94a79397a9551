package org.gongwen.platform.faults.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.reliable.ExchangeListener;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.api.reliable.RetrySchedule;

/**
 * The receiving application of {@link ReceivingApplicationKilledTest}, run in its own JVM: a
 * {@link ReliableExchange} with background receiver and handler, the handler filing one row per
 * call through the inbox's transaction. It runs until {@code n} distinct messages are filed and
 * none waits for the handler.
 *
 * <p>Prints {@code started}, {@code received <id>} and {@code handled <id>} as the listener hears
 * of them, {@code counters <duplicates suppressed> <received> <handled>} every 200 ms (what this
 * incarnation did), and finally {@code done <filed>}.
 *
 * <p>Arguments: client file, store folder, n.
 */
public final class ReceivingApp {
    private ReceivingApp() {
    }

    /** Runs the application; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path clientFile = Path.of(args[0]);
        Path store = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        Object news = new Object();
        ExchangeListener listener = new ExchangeListener() {
            @Override
            public void received(InboxEntry entry) {
                System.out.println("received " + entry.messageId());
            }

            @Override
            public void handled(InboxEntry entry) {
                System.out.println("handled " + entry.messageId());
                synchronized (news) {
                    news.notifyAll();
                }
            }
        };
        ReliableConfig rc = ReliableConfig.builder(store).handler(CrashDocuments.FILING).listener(listener)
                .handlerRetry(RetrySchedule.exponential(Duration.ofMillis(50), Duration.ofSeconds(1)))
                .receiveWait(Duration.ofSeconds(2)).build();
        try (ExchangeClient client = CrashDocuments.GW.exchangeClient(CrashDocuments.GW.exchangeConfig(clientFile));
                ReliableExchange x = CrashDocuments.GW.reliableExchange(client, rc)) {
            CrashDocuments.createFilingTable(store);
            x.start();
            System.out.println("started");
            try (Connection c = DriverManager.getConnection(CrashDocuments.storeUrl(store), "", "")) {
                int filed;
                while ((filed = count(c, "SELECT COUNT(DISTINCT message_id) FROM filed")) < n
                        || count(c, "SELECT COUNT(*) FROM gongwen_inbox WHERE state = 'RECEIVED'") > 0) {
                    synchronized (news) {
                        news.wait(200); // woken by the listener; the timeout reports the counters
                    }
                    ReliableExchange.Counters k = x.counters();
                    System.out.println("counters " + k.duplicatesSuppressed() + " " + k.received() + " " + k.handled());
                }
                ReliableExchange.Counters k = x.counters();
                System.out.println("counters " + k.duplicatesSuppressed() + " " + k.received() + " " + k.handled());
                System.out.println("done " + filed);
            }
        }
        System.out.flush();
        System.exit(0);
    }

    private static int count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
