package org.gongwen.bench.exchange;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The recipient application's filing table: one row per handler call, with no key on the message
 * id, so that a message handled twice shows as two rows instead of being refused. The check after
 * a case counts the rows of every message.
 */
final class Filing {
    private static final String TABLE = "bench_filed";

    private Filing() {
    }

    /** Creates the table if it is missing. */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (message_id VARCHAR(36) NOT NULL, sender VARCHAR(18) NOT NULL,"
                    + " filed_ms BIGINT NOT NULL)");
        }
    }

    /** Files one message: one row. */
    static void insert(Connection c, UUID messageId, String sender) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (message_id, sender, filed_ms) VALUES (?, ?, ?)")) {
            ps.setString(1, messageId.toString());
            ps.setString(2, sender);
            ps.setLong(3, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    /**
     * Counts the rows per message in the database at {@code url} and compares them with the
     * messages submitted.
     *
     * @return the number of rows, each of a submitted message filed once
     * @throws ExchangeCase.Failed naming the first few messages lost, filed twice or never submitted
     */
    static long check(String url, Set<UUID> submitted) throws SQLException, ExchangeCase.Failed {
        Set<UUID> filed = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT message_id, COUNT(*) FROM " + TABLE + " GROUP BY message_id")) {
            while (rs.next()) {
                UUID id = UUID.fromString(rs.getString(1));
                long n = rs.getLong(2);
                rows += n;
                filed.add(id);
                if (n != 1) {
                    wrong.add(id + " filed " + n + " times");
                } else if (!submitted.contains(id)) {
                    wrong.add(id + " filed but never submitted");
                }
            }
        }
        for (UUID id : submitted) {
            if (!filed.contains(id)) {
                wrong.add(id + " submitted but never filed (lost)");
            }
        }
        if (!wrong.isEmpty()) {
            throw new ExchangeCase.Failed(wrong.size() + " message(s) not filed exactly once, e.g. "
                    + String.join("; ", wrong.subList(0, Math.min(5, wrong.size()))), null);
        }
        return rows;
    }
}
