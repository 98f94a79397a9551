package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.XIAN;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three development nodes with their stores in PostgreSQL instead of H2: the same exchange
 * across nodes, duplicates and conflicts, and a node restarted on its PostgreSQL database.
 *
 * <p>Needs a PostgreSQL server: {@code GONGWEN_TEST_POSTGRES_URL} names a database in which the test
 * user may create databases, for example {@code jdbc:postgresql://127.0.0.1:55432/gongwen?user=gongwen}.
 * {@code .ci/run} starts one ({@code .ci/postgres.sh}) and sets it, so CI always runs this test; on a
 * machine without PostgreSQL it is skipped, saying so.
 */
class PostgresPlatformTest {
    private static final String BASE = System.getenv("GONGWEN_TEST_POSTGRES_URL");

    @TempDir
    static Path dir;
    static DevPlatform dev;
    static final Map<NodeId, String> DATABASES = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(BASE != null && !BASE.isBlank(),
                "GONGWEN_TEST_POSTGRES_URL is not set: there is no PostgreSQL server to run against (.ci/postgres.sh starts one)");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(BASE); Statement s = c.createStatement()) {
            for (NodeId id : List.of(DevPlatform.SHAANXI_NODE, XIANYANG_NODE, DevPlatform.LIQUAN_NODE)) {
                String name = "gw_" + id.division().value() + "_" + suffix;
                s.execute("CREATE DATABASE " + name);
                DATABASES.put(id, name);
            }
        }
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.RSA_SHA256,
                id -> new DevPlatform.Database(urlOf(DATABASES.get(id)), "", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        if (dev != null) {
            dev.close();
        }
        if (BASE != null && !DATABASES.isEmpty()) {
            try (Connection c = DriverManager.getConnection(BASE); Statement s = c.createStatement()) {
                for (String name : DATABASES.values()) {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                }
            }
        }
    }

    /** The base URL with another database name, keeping its parameters. */
    private static String urlOf(String database) {
        URI u = URI.create(BASE.substring("jdbc:".length()));
        return "jdbc:" + u.getScheme() + "://" + u.getRawAuthority() + "/" + database + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private static long rows(NodeId node, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(urlOf(DATABASES.get(node))); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ExchangeClient client(OrgCode org) throws GongwenException {
        return Samples.GW.exchangeClient(dev.clientConfig(org));
    }

    private static ReceivedMessage receiveOne(ExchangeClient c, Path inbox, UUID id) throws Exception {
        List<ReceivedMessage> got = new ArrayList<>();
        for (int round = 0; round < 20 && got.isEmpty(); round++) {
            ReceiveResult r = c.receive(inbox, Duration.ofSeconds(5), m -> {
                if (m.entry().messageId().equals(id)) {
                    got.add(m);
                }
            });
            assertTrue(r.rejected().isEmpty() && r.handlerFailures().isEmpty(), r.toString());
        }
        assertEquals(1, got.size(), "the message arrived within 20 rounds");
        return got.get(0);
    }

    @Test
    void exchangeAcrossNodesWithPostgresStoresSurvivesARestart() throws Exception {
        Path sent = Samples.pkg(dir, dev, LIQUAN, List.of(XIANYANG), List.of(XIAN), 150_000);
        UUID id = Samples.id(Samples.verify(dev, sent));
        try (ExchangeClient liquan = client(LIQUAN); ExchangeClient xianyang = client(XIANYANG); ExchangeClient xian = client(XIAN)) {
            Receipt accepted = liquan.send(sent);
            assertArrayEquals(accepted.xml(), liquan.send(sent).xml(), "a resubmission gets the stored receipt");
            Path conflicting = Samples.pkg(Files.createDirectories(dir.resolve("conflict")), dev.signingIdentity(LIQUAN),
                    Samples.verify(dev, sent).envelope().header(), 1_000);   // same message id, other bytes
            assertEquals(ErrorCode.MESSAGE_ID_CONFLICT, assertThrows(GongwenException.class, () -> liquan.send(conflicting)).code());
            assertEquals(1, rows(DevPlatform.LIQUAN_NODE, "gw_message"), "the message is stored in PostgreSQL once");

            ReceivedMessage atXianyang = receiveOne(xianyang, dir.resolve("xianyang"), id);
            xianyang.signFor(atXianyang.verified(), "办公室 王文书");

            dev.restart(XIANYANG_NODE);   // the city node restarts on its PostgreSQL database and folder
            ReceivedMessage atXian = receiveOne(xian, dir.resolve("xian"), id);
            assertArrayEquals(Files.readAllBytes(sent), Files.readAllBytes(atXian.packageFile()));
            xian.returnDocument(atXian.verified(), "请改送有关部门");

            assertTrue(dev.awaitQuiet(Duration.ofSeconds(60)), "relays still pending: " + dev);
            MessageStatus s = liquan.status(id);
            assertEquals(DeliveryState.SIGNED_FOR, s.recipient(XIANYANG).orElseThrow().state());
            assertEquals(DeliveryState.RETURNED, s.recipient(XIAN).orElseThrow().state());
            assertTrue(rows(XIANYANG_NODE, "gw_receipt") > 0, "receipts are kept in the city node's PostgreSQL database");
        }
    }
}
