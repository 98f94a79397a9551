package org.gongwen.platform.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.gongwen.api.id.OrgCode;

/** The durable relay queue (T-6.3). Stateless. */
public final class RelayTables {
    private RelayTables() {
    }

    /** Queues a task. */
    public static void insert(Connection c, RelayTask t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gw_relay (relay_id, kind, target, sender, message_id, recipients, receipt_id,"
                + " attempts, next_ms, created_ms) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, t.relayId());
            ps.setString(2, t.kind().name());
            ps.setString(3, t.target());
            ps.setString(4, t.sender().value());
            ps.setString(5, t.messageId().toString());
            ps.setString(6, Codes.join(t.recipients()));
            ps.setString(7, t.receiptId() == null ? null : t.receiptId().toString());
            ps.setInt(8, t.attempts());
            ps.setLong(9, t.nextMillis());
            ps.setLong(10, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    /** Tasks due at {@code now}, oldest due first. */
    public static List<RelayTask> due(Connection c, long now, int max) throws SQLException {
        List<RelayTask> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT relay_id, kind, target, sender, message_id, recipients, receipt_id, attempts, next_ms"
                + " FROM gw_relay WHERE next_ms <= ? ORDER BY next_ms, created_ms")) {
            ps.setLong(1, now);
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < max) {
                    String receipt = rs.getString(7);
                    out.add(new RelayTask(rs.getString(1), RelayTask.Kind.valueOf(rs.getString(2)), rs.getString(3), OrgCode.of(rs.getString(4)),
                            UUID.fromString(rs.getString(5)), Codes.split(rs.getString(6)), receipt == null ? null : UUID.fromString(receipt),
                            rs.getInt(8), rs.getLong(9)));
                }
            }
        }
        return out;
    }

    /** When the earliest task is due, if any is queued. */
    public static OptionalLong nextDue(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(next_ms) FROM gw_relay")) {
            if (rs.next()) {
                long v = rs.getLong(1);
                if (!rs.wasNull()) {
                    return OptionalLong.of(v);
                }
            }
            return OptionalLong.empty();
        }
    }

    /** How many tasks are queued. */
    public static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM gw_relay")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Makes every task for a target due now (its address changed). */
    public static void dueNow(Connection c, String target, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gw_relay SET next_ms = ? WHERE target = ? AND next_ms > ?")) {
            ps.setLong(1, now);
            ps.setString(2, target);
            ps.setLong(3, now);
            ps.executeUpdate();
        }
    }

    /** Removes a finished task. */
    public static void delete(Connection c, String relayId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM gw_relay WHERE relay_id = ?")) {
            ps.setString(1, relayId);
            ps.executeUpdate();
        }
    }

    /** Records a failed attempt and when to try again. */
    public static void reschedule(Connection c, String relayId, int attempts, long next, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gw_relay SET attempts = ?, next_ms = ?, last_error = ? WHERE relay_id = ?")) {
            ps.setInt(1, attempts);
            ps.setLong(2, next);
            ps.setString(3, error.length() > 2000 ? error.substring(0, 2000) : error);
            ps.setString(4, relayId);
            ps.executeUpdate();
        }
    }

    /** Whether a message relay to {@code target} of the message (sender, id) is still queued. */
    public static boolean messageQueued(Connection c, String target, String sender, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gw_relay WHERE kind = ? AND target = ? AND sender = ?"
                + " AND message_id = ?")) {
            ps.setString(1, RelayTask.Kind.MESSAGE.name());
            ps.setString(2, target);
            ps.setString(3, sender);
            ps.setString(4, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
