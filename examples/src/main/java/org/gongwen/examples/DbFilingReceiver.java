package org.gongwen.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.InboxMessage;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;

/**
 * A sample integration: a receiver that files every received document into a database table,
 * where a department's OA picks new rows up ({@code status = 'NEW'}), exactly once.
 *
 * <p>The SDK's inbox lives in the OA's own database ({@code --db}): each message is fetched,
 * verified and stored in the inbox before it is acknowledged (DELIVERED), and the handler files it
 * through the inbox's transaction, so the row in {@code received_document} and the inbox's "handled"
 * mark commit together. A crash at any point files nothing twice and loses nothing; a document the
 * handler cannot file is tried again and, after five failures, parked for an operator. H2 is the
 * default database; any JDBC URL works if its driver is on the class path.
 *
 * <pre>
 * java ... DbFilingReceiver --client client.properties --db jdbc:h2:file:./oa --store DIR [--once] [--wait SECONDS]
 * </pre>
 */
public final class DbFilingReceiver implements AutoCloseable {
    static final String TABLE = "received_document";

    private final PackageVerifier verifier;
    private final Path store;
    private final PrintStream log;
    private final ReliableExchange exchange;

    /** A receiver filing into the database at {@code jdbcUrl}, which also holds the SDK's inbox; creates the table if it is missing. */
    public DbFilingReceiver(Gongwen gongwen, ExchangeConfig config, ExchangeClient client, String jdbcUrl, Path store, PrintStream log)
            throws SQLException, java.io.IOException, GongwenException {
        this.verifier = gongwen.verifier(config.trust(), config.limits());
        this.store = Files.createDirectories(store);
        this.log = log;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "sender VARCHAR(18) NOT NULL, message_id VARCHAR(36) NOT NULL, "
                    + "kind VARCHAR(20) NOT NULL, doc_number VARCHAR(100), title VARCHAR(500) NOT NULL, "
                    + "urgency VARCHAR(10), date_of_writing DATE NOT NULL, signed_by_certificate VARCHAR(500) NOT NULL, "
                    + "package_path VARCHAR(1000) NOT NULL, parts_dir VARCHAR(1000) NOT NULL, "
                    + "received_at TIMESTAMP NOT NULL, status VARCHAR(20) NOT NULL, "
                    + "PRIMARY KEY (sender, message_id))");
        }
        this.exchange = gongwen.reliableExchange(client, ReliableConfig.builder(store.resolve("exchange"))
                .database(jdbcUrl, null, null).handler(this::file).build());
    }

    public static void main(String[] args) throws Exception {
        Path clientFile = null;
        String db = "jdbc:h2:file:./oa-inbox";
        Path store = Path.of("oa-store");
        boolean once = false;
        int wait = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--client": clientFile = Path.of(args[++i]); break;
                case "--db": db = args[++i]; break;
                case "--store": store = Path.of(args[++i]); break;
                case "--once": once = true; break;
                case "--wait": wait = Integer.parseInt(args[++i]); break;
                default:
                    System.err.println("usage: DbFilingReceiver --client client.properties [--db JDBC_URL] [--store DIR] [--once] [--wait SECONDS]");
                    System.exit(2);
            }
        }
        if (clientFile == null) {
            System.err.println("usage: DbFilingReceiver --client client.properties [--db JDBC_URL] [--store DIR] [--once] [--wait SECONDS]");
            System.exit(2);
        }
        Gongwen gongwen = Gongwen.load();
        ExchangeConfig config = gongwen.exchangeConfig(clientFile);
        try (ExchangeClient client = gongwen.exchangeClient(config);
                DbFilingReceiver r = new DbFilingReceiver(gongwen, config, client, db, store, System.out)) {
            if (once) {
                r.runOnce(Duration.ofSeconds(wait));
            } else {
                r.exchange.start(); // background workers: receive, file, retry, until the process ends
                Thread.currentThread().join();
            }
        }
    }

    /** One round: long-poll up to {@code wait}, store what verifies in the inbox, then file what waits there. */
    public void runOnce(Duration wait) throws GongwenException {
        int stored = exchange.runReceiveRound(wait);
        int filed = exchange.runHandlerRound();
        for (InboxEntry p : exchange.parked(100)) {
            log.println("parked " + p.sender() + "/" + p.messageId() + " after " + p.attempts() + " attempts: " + p.lastError().orElse(""));
        }
        log.println("stored " + stored + ", filed " + filed);
    }

    /** The handler: extract the parts and insert the row through the inbox's transaction. */
    private void file(InboxMessage m) throws Exception {
        VerifiedPackage v = m.message().verified();
        Envelope env = v.envelope();
        String key = env.header().sender() + "_" + env.header().messageId();
        Path parts = store.resolve(key);
        deleteTree(parts); // left by an attempt whose transaction did not commit
        verifier.extract(m.message().packageFile(), parts);
        DocumentMetadata d = env.metadata();
        try (PreparedStatement ps = m.transaction().prepareStatement("INSERT INTO " + TABLE + " (sender, message_id, kind, doc_number, title, "
                + "urgency, date_of_writing, signed_by_certificate, package_path, parts_dir, received_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,'NEW')")) {
            ps.setString(1, env.header().sender().value());
            ps.setString(2, env.header().messageId().toString());
            ps.setString(3, d.kind().label());
            ps.setString(4, d.documentNumber().map(Object::toString).orElse(null));
            ps.setString(5, d.title());
            ps.setString(6, d.urgency().map(u -> u.label()).orElse(null));
            ps.setObject(7, d.dateOfWriting());
            ps.setString(8, v.signer().certificate().getSubjectX500Principal().getName());
            ps.setString(9, m.message().packageFile().toAbsolutePath().toString());
            ps.setString(10, parts.toAbsolutePath().toString());
            ps.setTimestamp(11, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
        log.println("filed " + key + ": " + d.title());
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    @Override
    public void close() {
        exchange.close();
    }
}
