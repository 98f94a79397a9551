package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.InboxState;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.api.reliable.RetrySchedule;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox and inbox on PostgreSQL, the same code as on H2 with a JDBC URL: documents go from
 * two senders' outboxes to one recipient's inbox; two exchanges of the recipient share its store
 * and hand messages over at the same time, and each message is handled exactly once (the row
 * lock decides). The handler writes into the inbox's PostgreSQL transaction.
 *
 * <p>Needs {@code GONGWEN_TEST_POSTGRES_URL} (a database in which the user may create databases);
 * {@code .ci/run} starts a server and sets it. Without it the test is skipped, saying so.
 */
class PostgresReliableExchangeTest {
    private static final String BASE = System.getenv("GONGWEN_TEST_POSTGRES_URL");
    private static final RetrySchedule QUICK = RetrySchedule.exponential(Duration.ofMillis(1), Duration.ofMillis(5));
    private static final int DOCUMENTS = 20;

    @TempDir
    static Path dir;
    static DevPlatform dev;
    static final List<String> DATABASES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(BASE != null && !BASE.isBlank(),
                "GONGWEN_TEST_POSTGRES_URL is not set: there is no PostgreSQL server to run against (.ci/postgres.sh starts one)");
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.SM2_SM3);
    }

    @AfterAll
    static void stop() throws Exception {
        if (dev != null) {
            dev.close();
        }
        if (BASE != null && !DATABASES.isEmpty()) {
            try (Connection c = DriverManager.getConnection(BASE); Statement s = c.createStatement()) {
                for (String name : DATABASES) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        }
    }

    /** A fresh database on the test server, and its URL. */
    private static String database(String role) throws Exception {
        String name = "gw_store_" + role + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(BASE); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        DATABASES.add(name);
        URI u = URI.create(BASE.substring("jdbc:".length()));
        return "jdbc:" + u.getScheme() + "://" + u.getRawAuthority() + "/" + name + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private static ReliableConfig.Builder store(String url) throws Exception {
        return ReliableConfig.builder(Files.createTempDirectory(dir, "files")).database(url, null, null).sendRetry(QUICK)
                .handlerRetry(QUICK).receiveWait(Duration.ofSeconds(1));
    }

    private static ExchangeClient client(OrgCode org) throws Exception {
        return Samples.GW.exchangeClient(dev.clientConfig(org));
    }

    @Test
    void documentsGoThroughOutboxesAndAnInboxOnPostgresqlAndTwoHandlersShareTheStoreWithoutDoubleHandling() throws Exception {
        String liquanDb = database("liquan");
        String chunhuaDb = database("chunhua");
        String xianyangDb = database("xianyang");
        Path xianyangFiles = Files.createTempDirectory(dir, "xy-files");
        Set<UUID> sent = new HashSet<>();
        try (ExchangeClient liquan = client(LIQUAN); ExchangeClient chunhua = client(CHUNHUA); ExchangeClient xianyang = client(XIANYANG);
                ReliableExchange a = Samples.GW.reliableExchange(liquan, store(liquanDb).build());
                ReliableExchange b = Samples.GW.reliableExchange(chunhua, store(chunhuaDb).build());
                ReliableExchange in1 = Samples.GW.reliableExchange(xianyang, ReliableConfig.builder(xianyangFiles)
                        .database(xianyangDb, null, null).handler(ReliableExchangeTest.FILING).build());
                ReliableExchange in2 = Samples.GW.reliableExchange(xianyang, ReliableConfig.builder(xianyangFiles)
                        .database(xianyangDb, null, null).handler(ReliableExchangeTest.FILING).build())) {
            for (int i = 0; i < DOCUMENTS; i++) {
                OrgCode sender = i % 2 == 0 ? LIQUAN : CHUNHUA;
                Path pkg = Samples.pkg(dir, dev, sender, List.of(XIANYANG), List.of(), 2_000 + i);
                sent.add((sender == LIQUAN ? a : b).send(pkg).messageId());
            }
            a.runSendRound();
            b.runSendRound();
            assertEquals(DOCUMENTS / 2, a.outbox(OutboxState.ACCEPTED, 100).size());
            assertEquals(DOCUMENTS / 2, b.outbox(OutboxState.ACCEPTED, 100).size());

            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (countIn(xianyangDb, "SELECT COUNT(*) FROM gongwen_inbox") < DOCUMENTS && System.nanoTime() < deadline) {
                in1.runReceiveRound(Duration.ofSeconds(1));
            }
            try (Connection c = DriverManager.getConnection(xianyangDb); Statement s = c.createStatement()) {
                // created before the two handlers race to create it in their first transactions
                s.execute("CREATE TABLE IF NOT EXISTS filed (sender VARCHAR(18), message_id VARCHAR(36), attempt INTEGER)");
            }
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> rounds = new ArrayList<>();
                for (ReliableExchange x : List.of(in1, in2)) {
                    rounds.add(two.submit(() -> {
                        int n = 0;
                        for (int k = 0; k < 5; k++) {
                            n += x.runHandlerRound();
                        }
                        return n;
                    }));
                }
                int handled = rounds.get(0).get() + rounds.get(1).get();
                assertEquals(DOCUMENTS, handled, "each message handed over by one of the two exchanges");
            } finally {
                two.shutdown();
            }
            for (UUID id : sent) {
                OrgCode sender = a.outboxEntry(id).isPresent() ? LIQUAN : CHUNHUA;
                assertEquals(InboxState.HANDLED, in1.inboxEntry(sender, id).orElseThrow().state());
            }
            assertEquals(DOCUMENTS, countIn(xianyangDb, "SELECT COUNT(*) FROM filed"));
            assertEquals(DOCUMENTS, countIn(xianyangDb, "SELECT COUNT(DISTINCT message_id) FROM filed"), "no message filed twice");
            assertTrue(countIn(liquanDb, "SELECT version FROM gongwen_schema") >= 2);
        }
    }

    private static long countIn(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
