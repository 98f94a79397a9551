package org.gongwen.platform.faults.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.gongwen.api.Gongwen;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.InboxHandler;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.platform.DevPlatform;

/**
 * One organisation of a fault run: its fault proxy in front of its home node, an SDK client that
 * talks to the proxy, and a {@link ReliableExchange} whose store is an H2 database the test can
 * read. Its handler files every call as a row of {@code filed} (no unique constraint) in the
 * inbox's own transaction, so a second call for a message would leave a second row.
 */
final class ProxiedParty implements AutoCloseable {
    static final Gongwen GW = Gongwen.load();

    /** The handler: one row per call, written through the inbox's transaction. */
    static final InboxHandler FILING = m -> {
        try (PreparedStatement ps = m.transaction().prepareStatement("INSERT INTO filed (sender, message_id, attempt) VALUES (?, ?, ?)")) {
            ps.setString(1, m.message().entry().sender().value());
            ps.setString(2, m.message().entry().messageId().toString());
            ps.setInt(3, m.attempt());
            ps.executeUpdate();
        }
    };

    final OrgCode org;
    final FaultProxy proxy;
    final ExchangeClient client;
    final ReliableExchange exchange;
    final Path store;
    private final String jdbcUrl;

    private ProxiedParty(OrgCode org, FaultProxy proxy, ExchangeClient client, ReliableExchange exchange, Path store, String jdbcUrl) {
        this.org = org;
        this.proxy = proxy;
        this.client = client;
        this.exchange = exchange;
        this.store = store;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Starts the proxy and opens the client and the exchange; {@code config} is for the folder
     * {@code store} and gets its database and handler here.
     */
    static ProxiedParty open(DevPlatform dev, OrgCode org, FaultPlan plan, Path store, ReliableConfig.Builder config) throws Exception {
        var node = dev.node(dev.homeNode(org));
        FaultProxy proxy = FaultProxy.start(node.uri(), node.id(), dev.nodeTlsIdentity(node.id()), dev.tlsIdentity(org),
                dev.tlsTrustAnchors(), plan);
        ExchangeClient client = null;
        try {
            client = GW.exchangeClient(dev.clientConfig(org).toBuilder().node(proxy.uri()).build());
            String url = "jdbc:h2:file:" + store.toAbsolutePath().resolve("db").resolve("store").toString().replace('\\', '/')
                    + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE filed (sender VARCHAR(18) NOT NULL, message_id VARCHAR(36) NOT NULL, attempt INTEGER NOT NULL)");
            }
            ReliableExchange exchange = GW.reliableExchange(client, config.handler(FILING).database(url, null, null).build());
            return new ProxiedParty(org, proxy, client, exchange, store, url);
        } catch (Exception | Error e) {
            if (client != null) {
                client.close();
            }
            proxy.close();
            throw e;
        }
    }

    /** How many times the handler filed each message, by {@code <sender>/<message id>}. */
    Map<String, Integer> filed() throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sender, message_id, COUNT(*) FROM filed GROUP BY sender, message_id")) {
            while (rs.next()) {
                out.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            exchange.close();
        } finally {
            try {
                client.close();
            } finally {
                proxy.close();
            }
        }
    }
}
