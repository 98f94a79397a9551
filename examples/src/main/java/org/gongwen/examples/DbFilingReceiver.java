package org.gongwen.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.gongwen.api.Gongwen;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;

/**
 * A sample integration: a receiver that files every received document into a database table,
 * where a department's OA picks new rows up ({@code status = 'NEW'}).
 *
 * <p>Each round long-polls the mailbox; every package that verifies is extracted into
 * {@code STORE/<sender>_<message id>/} and filed as one row of {@code received_document} in the
 * same step; only then does the SDK acknowledge it (DELIVERED). A message that was filed before a
 * crash is not filed twice: the row's key is (sender, message id). H2 is the default database;
 * any JDBC URL works if its driver is on the class path.
 *
 * <pre>
 * java ... DbFilingReceiver --client client.properties --db jdbc:h2:file:./oa --store DIR [--once] [--wait SECONDS]
 * </pre>
 */
public final class DbFilingReceiver {
    static final String TABLE = "received_document";

    private final ExchangeClient client;
    private final PackageVerifier verifier;
    private final String jdbcUrl;
    private final Path store;
    private final PrintStream log;

    /** A receiver filing into the database at {@code jdbcUrl}; creates the table if it is missing. */
    public DbFilingReceiver(Gongwen gongwen, ExchangeConfig config, ExchangeClient client, String jdbcUrl, Path store, PrintStream log)
            throws SQLException, java.io.IOException {
        this.client = client;
        this.verifier = gongwen.verifier(config.trust(), config.limits());
        this.jdbcUrl = jdbcUrl;
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
        try (ExchangeClient client = gongwen.exchangeClient(config)) {
            DbFilingReceiver r = new DbFilingReceiver(gongwen, config, client, db, store, System.out);
            do {
                ReceiveResult result = r.runOnce(Duration.ofSeconds(wait));
                System.out.println("filed " + result.handled().size() + ", rejected " + result.rejected().size()
                        + ", handler failures " + result.handlerFailures().size());
            } while (!once);
        }
    }

    /** One round: long-poll up to {@code wait}, file what verifies. */
    public ReceiveResult runOnce(Duration wait) throws Exception {
        ReceiveResult result = client.receive(store, wait, this::file);
        for (ReceiveResult.Rejection x : result.rejected()) {
            log.println("rejected " + x.entry().sender() + "/" + x.entry().messageId() + ": " + x.errorCode() + " " + x.message());
        }
        for (ReceiveResult.HandlerFailure f : result.handlerFailures()) {
            log.println("not filed " + f.entry().sender() + "/" + f.entry().messageId() + ": " + f.error());
        }
        return result;
    }

    /** The handler: extract the parts and insert the row; throwing leaves the message in the mailbox. */
    private void file(ReceivedMessage m) throws Exception {
        VerifiedPackage v = m.verified();
        Envelope env = v.envelope();
        String key = env.header().sender() + "_" + env.header().messageId();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.setAutoCommit(false);
            if (exists(c, env)) {
                log.println("already filed " + key + "; acknowledging again");
                return;
            }
            Path parts = store.resolve(key);
            if (!Files.exists(parts)) {
                verifier.extract(m.packageFile(), parts);
            }
            DocumentMetadata d = env.metadata();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (sender, message_id, kind, doc_number, title, urgency, "
                    + "date_of_writing, signed_by_certificate, package_path, parts_dir, received_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,'NEW')")) {
                ps.setString(1, env.header().sender().value());
                ps.setString(2, env.header().messageId().toString());
                ps.setString(3, d.kind().label());
                ps.setString(4, d.documentNumber().map(Object::toString).orElse(null));
                ps.setString(5, d.title());
                ps.setString(6, d.urgency().map(u -> u.label()).orElse(null));
                ps.setObject(7, d.dateOfWriting());
                ps.setString(8, v.signer().certificate().getSubjectX500Principal().getName());
                ps.setString(9, m.packageFile().toAbsolutePath().toString());
                ps.setString(10, parts.toAbsolutePath().toString());
                ps.setTimestamp(11, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
            log.println("filed " + key + ": " + d.title());
        }
    }

    private static boolean exists(Connection c, Envelope env) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE sender = ? AND message_id = ?")) {
            ps.setString(1, env.header().sender().value());
            ps.setString(2, env.header().messageId().toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
