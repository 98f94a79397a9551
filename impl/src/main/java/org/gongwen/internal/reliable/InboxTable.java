package org.gongwen.internal.reliable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongwen.api.reliable.InboxState;

/** The SQL of {@code gongwen_inbox}. Stateless. */
final class InboxTable {
    private static final String COLUMNS = "sender, message_id, message_type, sha256, size_bytes, arrived_ms, file_name, state,"
            + " attempts, received_ms, next_ms, handled_ms, last_code, last_error";

    private InboxTable() {
    }

    static void insert(Connection c, InboxRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gongwen_inbox (" + COLUMNS
                + ", claim_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            ps.setString(1, r.sender());
            ps.setString(2, r.messageId());
            ps.setString(3, r.messageType());
            ps.setString(4, r.sha256());
            ps.setLong(5, r.size());
            ps.setLong(6, r.arrivedMs());
            ps.setString(7, r.fileName());
            ps.setString(8, r.state().name());
            ps.setInt(9, r.attempts());
            ps.setLong(10, r.receivedMs());
            ps.setLong(11, r.nextMs());
            OutboxTable.setLong(ps, 12, r.handledMs());
            ps.setString(13, r.lastCode());
            ps.setString(14, r.lastError());
            ps.executeUpdate();
        }
    }

    static Optional<InboxRow> find(Connection c, String sender, String messageId) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM gongwen_inbox WHERE sender = ? AND message_id = ?", sender, messageId);
    }

    /** The row, locked against other workers until the transaction ends. */
    static Optional<InboxRow> lock(Connection c, String sender, String messageId) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM gongwen_inbox WHERE sender = ? AND message_id = ? FOR UPDATE", sender, messageId);
    }

    static boolean exists(Connection c, String fileName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gongwen_inbox WHERE file_name = ?")) {
            ps.setString(1, fileName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Rows waiting for the handler and due by {@code now}, oldest first. */
    static List<InboxRow> due(Connection c, long now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gongwen_inbox WHERE state = 'RECEIVED'"
                + " AND next_ms <= ? AND claim_ms <= ? ORDER BY next_ms, received_ms, sender, message_id LIMIT ?")) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setInt(3, limit);
            return rows(ps);
        }
    }

    static Optional<Long> nextDue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(CASE WHEN claim_ms > next_ms THEN claim_ms ELSE next_ms END)"
                + " FROM gongwen_inbox WHERE state = 'RECEIVED'");
                ResultSet rs = ps.executeQuery()) {
            long v = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Optional.empty() : Optional.of(v);
        }
    }

    static List<InboxRow> inState(Connection c, InboxState state, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gongwen_inbox WHERE state = ?"
                + " ORDER BY received_ms, sender, message_id LIMIT ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, limit);
            return rows(ps);
        }
    }

    /** Counts a handler call about to be made and keeps the row from other workers until {@code until}. */
    static void claim(Connection c, String sender, String messageId, int attempts, long until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_inbox SET attempts = ?, claim_ms = ?"
                + " WHERE sender = ? AND message_id = ? AND state = 'RECEIVED'")) {
            ps.setInt(1, attempts);
            ps.setLong(2, until);
            ps.setString(3, sender);
            ps.setString(4, messageId);
            ps.executeUpdate();
        }
    }

    static void handled(Connection c, String sender, String messageId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_inbox SET state = 'HANDLED', handled_ms = ?"
                + " WHERE sender = ? AND message_id = ? AND state = 'RECEIVED'")) {
            ps.setLong(1, now);
            ps.setString(2, sender);
            ps.setString(3, messageId);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the inbox row " + sender + "/" + messageId + " is no longer waiting for its handler");
            }
        }
    }

    static void failed(Connection c, String sender, String messageId, InboxState state, int attempts, long nextMs, String code,
            String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_inbox SET state = ?, attempts = ?, next_ms = ?, claim_ms = 0,"
                + " last_code = ?, last_error = ? WHERE sender = ? AND message_id = ? AND state = 'RECEIVED'")) {
            ps.setString(1, state.name());
            ps.setInt(2, attempts);
            ps.setLong(3, nextMs);
            ps.setString(4, code);
            ps.setString(5, OutboxTable.clip(error));
            ps.setString(6, sender);
            ps.setString(7, messageId);
            ps.executeUpdate();
        }
    }

    /** Whether another worker claimed the row until after {@code now}. */
    static boolean claimed(Connection c, String sender, String messageId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT claim_ms FROM gongwen_inbox WHERE sender = ? AND message_id = ?")) {
            ps.setString(1, sender);
            ps.setString(2, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > now;
            }
        }
    }

    /** Frees every claim (at start: no handler call of this store is running any more in this process). */
    static int releaseClaims(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_inbox SET claim_ms = 0 WHERE claim_ms > 0")) {
            return ps.executeUpdate();
        }
    }

    /** Puts a parked row back to the handler with a fresh count; false if it is not parked. */
    static boolean unpark(Connection c, String sender, String messageId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_inbox SET state = 'RECEIVED', attempts = 0, next_ms = ?"
                + " WHERE sender = ? AND message_id = ? AND state = 'PARKED'")) {
            ps.setLong(1, now);
            ps.setString(2, sender);
            ps.setString(3, messageId);
            return ps.executeUpdate() == 1;
        }
    }

    private static Optional<InboxRow> one(Connection c, String sql, String sender, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sender);
            ps.setString(2, messageId);
            List<InboxRow> r = rows(ps);
            return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
        }
    }

    private static List<InboxRow> rows(PreparedStatement ps) throws SQLException {
        List<InboxRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new InboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                        rs.getString(7), InboxState.valueOf(rs.getString(8)), rs.getInt(9), rs.getLong(10), rs.getLong(11),
                        OutboxTable.getLong(rs, 12), rs.getString(13), rs.getString(14)));
            }
        }
        return out;
    }
}
