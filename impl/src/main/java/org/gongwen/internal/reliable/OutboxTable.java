package org.gongwen.internal.reliable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongwen.api.reliable.OutboxState;

/** The SQL of {@code gongwen_outbox} and {@code gongwen_outbox_receipt}. Stateless. */
final class OutboxTable {
    private static final String COLUMNS = "message_id, sender, sha256, size_bytes, file_name, state, attempts, queued_ms, next_ms,"
            + " give_up_ms, expires_ms, last_code, last_error, accepted_base64, status_next_ms, track_until_ms, recipient_list";

    private OutboxTable() {
    }

    static void insert(Connection c, OutboxRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gongwen_outbox (" + COLUMNS
                + ", lease_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            ps.setString(1, r.messageId());
            ps.setString(2, r.sender());
            ps.setString(3, r.sha256());
            ps.setLong(4, r.size());
            ps.setString(5, r.fileName());
            ps.setString(6, r.state().name());
            ps.setInt(7, r.attempts());
            ps.setLong(8, r.queuedMs());
            ps.setLong(9, r.nextMs());
            ps.setLong(10, r.giveUpMs());
            setLong(ps, 11, r.expiresMs());
            ps.setString(12, r.lastCode());
            ps.setString(13, r.lastError());
            ps.setString(14, r.acceptedBase64());
            setLong(ps, 15, r.statusNextMs());
            setLong(ps, 16, r.trackUntilMs());
            ps.setString(17, r.recipientList());
            ps.executeUpdate();
        }
    }

    static Optional<OutboxRow> find(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gongwen_outbox WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static boolean exists(Connection c, String fileName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gongwen_outbox WHERE file_name = ?")) {
            ps.setString(1, fileName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static List<OutboxRow> inState(Connection c, OutboxState state, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM gongwen_outbox WHERE state = ? ORDER BY queued_ms, message_id LIMIT ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, limit);
            return rows(ps);
        }
    }

    /** Queued rows due by {@code now} and not leased to a worker, earliest first. */
    static List<OutboxRow> due(Connection c, long now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gongwen_outbox WHERE state = 'QUEUED'"
                + " AND next_ms <= ? AND lease_ms <= ? ORDER BY next_ms, message_id LIMIT ?")) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setInt(3, limit);
            return rows(ps);
        }
    }

    /** When the earliest queued row is due, if any is queued. */
    static Optional<Long> nextDue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(CASE WHEN lease_ms > next_ms THEN lease_ms ELSE next_ms END)"
                + " FROM gongwen_outbox WHERE state = 'QUEUED'");
                ResultSet rs = ps.executeQuery()) {
            long v = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Optional.empty() : Optional.of(v);
        }
    }

    /** Takes a due row for one attempt until {@code leaseUntil}; false if another worker has it. */
    static boolean lease(Connection c, String messageId, long now, long leaseUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_outbox SET lease_ms = ?"
                + " WHERE message_id = ? AND state = 'QUEUED' AND lease_ms <= ?")) {
            ps.setLong(1, leaseUntil);
            ps.setString(2, messageId);
            ps.setLong(3, now);
            return ps.executeUpdate() == 1;
        }
    }

    /** Frees every lease: at start, no attempt of this store is running any more in this process. */
    static int releaseLeases(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_outbox SET lease_ms = 0 WHERE lease_ms > 0")) {
            return ps.executeUpdate();
        }
    }

    static void accepted(Connection c, String messageId, int attempts, String acceptedBase64, long firstStatus, long trackUntil)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_outbox SET state = 'ACCEPTED', attempts = ?, lease_ms = 0,"
                + " accepted_base64 = ?, last_code = NULL, last_error = NULL, status_next_ms = ?, track_until_ms = ?"
                + " WHERE message_id = ? AND state = 'QUEUED'")) {
            ps.setInt(1, attempts);
            ps.setString(2, acceptedBase64);
            ps.setLong(3, firstStatus);
            ps.setLong(4, trackUntil);
            ps.setString(5, messageId);
            ps.executeUpdate();
        }
    }

    static void retry(Connection c, String messageId, int attempts, long nextMs, String code, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_outbox SET attempts = ?, next_ms = ?, lease_ms = 0,"
                + " last_code = ?, last_error = ? WHERE message_id = ? AND state = 'QUEUED'")) {
            ps.setInt(1, attempts);
            ps.setLong(2, nextMs);
            ps.setString(3, code);
            ps.setString(4, clip(error));
            ps.setString(5, messageId);
            ps.executeUpdate();
        }
    }

    static void finish(Connection c, String messageId, OutboxState state, int attempts, String code, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_outbox SET state = ?, attempts = ?, lease_ms = 0,"
                + " last_code = ?, last_error = ? WHERE message_id = ? AND state = 'QUEUED'")) {
            ps.setString(1, state.name());
            ps.setInt(2, attempts);
            ps.setString(3, code);
            ps.setString(4, clip(error));
            ps.setString(5, messageId);
            ps.executeUpdate();
        }
    }

    /** Accepted rows whose next status read is due. */
    static List<OutboxRow> statusDue(Connection c, long now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gongwen_outbox WHERE status_next_ms IS NOT NULL"
                + " AND status_next_ms <= ? ORDER BY status_next_ms, message_id LIMIT ?")) {
            ps.setLong(1, now);
            ps.setInt(2, limit);
            return rows(ps);
        }
    }

    /** When the earliest status read is due, if any is. */
    static Optional<Long> nextStatusDue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(status_next_ms) FROM gongwen_outbox WHERE status_next_ms IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            long v = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Optional.empty() : Optional.of(v);
        }
    }

    /** Sets the next status read; null ends the reading. */
    static void statusNext(Connection c, String messageId, Long next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_outbox SET status_next_ms = ? WHERE message_id = ?")) {
            setLong(ps, 1, next);
            ps.setString(2, messageId);
            ps.executeUpdate();
        }
    }

    /** Stores a recipient's receipt once; false if it was stored before. */
    static boolean addReceipt(Connection c, String messageId, String receiptId, String type, String recipients, long now,
            String xmlBase64) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM gongwen_outbox_receipt WHERE message_id = ? AND receipt_id = ?")) {
            q.setString(1, messageId);
            q.setString(2, receiptId);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gongwen_outbox_receipt (message_id, receipt_id, receipt_type,"
                + " recipient_list, seen_ms, xml_base64) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, messageId);
            ps.setString(2, receiptId);
            ps.setString(3, type);
            ps.setString(4, recipients);
            ps.setLong(5, now);
            ps.setString(6, xmlBase64);
            ps.executeUpdate();
            return true;
        }
    }

    /** The stored receipts of a message, in the order they were first seen. */
    static List<String> receipts(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT xml_base64 FROM gongwen_outbox_receipt WHERE message_id = ?"
                + " ORDER BY seen_ms, receipt_id")) {
            ps.setString(1, messageId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static List<OutboxRow> rows(PreparedStatement ps) throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                OutboxState.valueOf(rs.getString(6)), rs.getInt(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), getLong(rs, 11),
                rs.getString(12), rs.getString(13), rs.getString(14), getLong(rs, 15), getLong(rs, 16), rs.getString(17));
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static Long getLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
