package org.gongwen.platform.faults.crash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongwen.api.Gongwen;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.InboxHandler;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.testing.Fixtures;

/**
 * What the crash tests and their child JVMs share: documents whose message id and bytes follow
 * from their index (so a restarted application offers the very same package again), the filing
 * handler (one row per call, in the inbox's transaction, in a table without a unique constraint
 * so that a second call would show), and reading a store's H2 file once its JVM is gone.
 */
final class CrashDocuments {
    static final Gongwen GW = Gongwen.load();
    private static final Instant CREATED = Instant.parse("2026-11-26T08:00:00Z");

    private CrashDocuments() {
    }

    /** The message id of document {@code index} of a series. */
    static UUID id(String series, int index) {
        return UUID.nameUUIDFromBytes((series + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Document {@code index} of a series as a signed package in {@code dir}: made once (written
     * under a temporary name and renamed), the same file on every later call. Its body is 2 to 4
     * KiB of bytes that follow from the index.
     */
    static Path pkg(Path dir, SigningIdentity signer, OrgCode sender, List<OrgCode> to, List<OrgCode> cc, String series, int index)
            throws Exception {
        UUID id = id(series, index);
        Path out = dir.resolve(id + ".gwpkg");
        if (Files.exists(out)) {
            return out;
        }
        Path work = dir.resolve("work-" + id);
        clear(work); // what a process killed while making this document left
        Files.createDirectories(work);
        Path body = Fixtures.file(work, "正文.pdf", 2048 + (index * 37L) % 2048, id.getLeastSignificantBits());
        Header h = Header.builder().messageId(id).created(CREATED).sender(sender).to(to.toArray(new OrgCode[0]))
                .cc(cc.toArray(new OrgCode[0])).build();
        Path temp = work.resolve("package.tmp");
        GW.newPackage().header(h).metadata(Fixtures.metadata()).body(body).signWith(signer).writeTo(temp);
        Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
        clear(work);
        return out;
    }

    private static void clear(Path work) throws java.io.IOException {
        if (Files.isDirectory(work)) {
            try (java.util.stream.Stream<Path> files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(work);
        }
    }

    /** Files each message as one row of {@code filed}, through the inbox's transaction. */
    static final InboxHandler FILING = m -> {
        try (PreparedStatement ps = m.transaction().prepareStatement("INSERT INTO filed (sender, message_id, attempt) VALUES (?, ?, ?)")) {
            ps.setString(1, m.message().entry().sender().value());
            ps.setString(2, m.message().entry().messageId().toString());
            ps.setInt(3, m.attempt());
            ps.executeUpdate();
        }
    };

    /** The JDBC URL of a store folder's default H2 file (the one {@code ReliableConfig.builder(folder)} uses). */
    static String storeUrl(Path store) {
        return "jdbc:h2:file:" + store.toAbsolutePath().resolve("db").resolve("gongwen-store").toString().replace('\\', '/')
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /**
     * Creates the filing table in a store's database (outside any handler call: DDL would commit
     * the handler's transaction half way). Call it after the exchange opened the store.
     */
    static void createFilingTable(Path store) throws SQLException {
        try (Connection c = DriverManager.getConnection(storeUrl(store), "", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS filed (sender VARCHAR(18), message_id VARCHAR(36), attempt INTEGER)");
        }
    }

    /** How many rows the handler filed per message id. */
    static Map<String, Integer> filed(Path store) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(storeUrl(store), "", "");
                PreparedStatement ps = c.prepareStatement("SELECT message_id, COUNT(*) FROM filed GROUP BY message_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** An outbox row as the test reads it from the store: state and attempts. */
    record OutboxRow(String state, int attempts) {
    }

    /** Every outbox row of a store, by message id. */
    static Map<String, OutboxRow> outbox(Path store) throws SQLException {
        Map<String, OutboxRow> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(storeUrl(store), "", "");
                PreparedStatement ps = c.prepareStatement("SELECT message_id, state, attempts FROM gongwen_outbox");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new OutboxRow(rs.getString(2), rs.getInt(3)));
            }
        }
        return out;
    }

    /** How many inbox rows of a store are in each state, and their failed handler attempts in total. */
    static Map<String, Integer> inboxStates(Path store) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(storeUrl(store), "", "");
                PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*), SUM(attempts) FROM gongwen_inbox GROUP BY state");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
                out.merge("attempts", rs.getInt(3), Integer::sum);
            }
        }
        return out;
    }
}
