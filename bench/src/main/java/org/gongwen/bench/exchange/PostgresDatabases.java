package org.gongwen.bench.exchange;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for one case, made on the server of a base URL (whose user may
 * create databases) and dropped when the case ends.
 */
final class PostgresDatabases implements AutoCloseable {
    private final String base;
    private final List<String> made = new ArrayList<>();

    PostgresDatabases(String base) {
        if (!base.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the PostgreSQL URL must start with jdbc:postgresql:, got " + base.replaceAll("\\?.*", "?..."));
        }
        this.base = base;
    }

    /** Creates a new database and returns its URL (the base URL's host, port and parameters). */
    String create(String role) throws SQLException {
        String name = "gw_bench_" + role + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        made.add(name);
        URI u = URI.create(base.substring("jdbc:".length()));
        return "jdbc:" + u.getScheme() + "://" + u.getRawAuthority() + "/" + name + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Drops every database this made. */
    @Override
    public void close() throws SQLException {
        if (made.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            for (String name : made) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
        made.clear();
    }
}
