package org.gongwen.platform.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.id.OrgCode;

/** Messages, their recipients' routes and the mailboxes. Stateless; every call joins the caller's transaction. */
public final class MessageTables {
    private MessageTables() {
    }

    /** The stored message, if any. */
    public static Optional<StoredMessage> find(Connection c, OrgCode sender, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256, size_bytes, message_type, digest_alg, signature_digest, expires_ms,"
                + " arrived_ms, file_name, from_node, answer_receipt, conversation_id, ref_to FROM gw_message WHERE sender = ? AND message_id = ?")) {
            ps.setString(1, sender.value());
            ps.setString(2, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long expires = rs.getLong(6);
                Instant exp = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
                return Optional.of(new StoredMessage(sender, id, rs.getString(1), rs.getLong(2), MessageType.valueOf(rs.getString(3)),
                        DigestAlgorithm.valueOf(rs.getString(4)), Base64.getDecoder().decode(rs.getString(5)), exp,
                        Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), rs.getString(9), UUID.fromString(rs.getString(10)),
                        uuid(rs.getString(11)), uuid(rs.getString(12))));
            }
        }
    }

    private static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s);
    }

    /**
     * The senders of stored messages with this id that were delivered to the recipient's mailbox
     * here (route LOCAL), for binding a reply to the message it answers.
     */
    public static List<OrgCode> sendersDeliveredTo(Connection c, UUID id, OrgCode recipient) throws SQLException {
        List<OrgCode> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sender FROM gw_recipient WHERE message_id = ? AND recipient = ? AND route = ?"
                + " ORDER BY sender")) {
            ps.setString(1, id.toString());
            ps.setString(2, recipient.value());
            ps.setString(3, RecipientRoute.LOCAL);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(OrgCode.of(rs.getString(1)));
                }
            }
        }
        return out;
    }

    /** A mailbox entry whose message's expiry has passed. */
    public record ExpiredEntry(OrgCode recipient, OrgCode sender, UUID messageId) {
    }

    /** Mailbox entries whose message expired before {@code nowMs}, at most {@code max}. */
    public static List<ExpiredEntry> expiredInMailbox(Connection c, long nowMs, int max) throws SQLException {
        List<ExpiredEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.recipient, b.sender, b.message_id FROM gw_mailbox b JOIN gw_message m"
                + " ON m.sender = b.sender AND m.message_id = b.message_id WHERE m.expires_ms IS NOT NULL AND m.expires_ms < ?"
                + " ORDER BY m.expires_ms, b.sender, b.message_id, b.recipient")) {
            ps.setLong(1, nowMs);
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < max) {
                    out.add(new ExpiredEntry(OrgCode.of(rs.getString(1)), OrgCode.of(rs.getString(2)), UUID.fromString(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /** Stores a message row. */
    public static void insert(Connection c, StoredMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gw_message (sender, message_id, sha256, size_bytes, message_type, digest_alg,"
                + " signature_digest, expires_ms, arrived_ms, file_name, from_node, answer_receipt, conversation_id, ref_to)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, m.sender().value());
            ps.setString(2, m.messageId().toString());
            ps.setString(3, m.sha256());
            ps.setLong(4, m.size());
            ps.setString(5, m.type().name());
            ps.setString(6, m.digestAlgorithm().name());
            ps.setString(7, Base64.getEncoder().encodeToString(m.signatureDigest()));
            if (m.expires() == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, m.expires().toEpochMilli());
            }
            ps.setLong(9, m.arrived().toEpochMilli());
            ps.setString(10, m.fileName());
            ps.setString(11, m.fromNode());
            ps.setString(12, m.answerReceipt().toString());
            ps.setString(13, m.conversationId() == null ? null : m.conversationId().toString());
            ps.setString(14, m.refTo() == null ? null : m.refTo().toString());
            ps.executeUpdate();
        }
    }

    /** Stores a recipient's route. */
    public static void insertRoute(Connection c, OrgCode sender, UUID id, int position, RecipientRoute r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gw_recipient (sender, message_id, recipient, seq_no, is_primary, route) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, sender.value());
            ps.setString(2, id.toString());
            ps.setString(3, r.recipient().value());
            ps.setInt(4, position);
            ps.setBoolean(5, r.primary());
            ps.setString(6, r.route());
            ps.executeUpdate();
        }
    }

    /**
     * Locks a recipient's row of a message until the transaction ends ({@code SELECT ... FOR
     * UPDATE}, on H2 and PostgreSQL alike), so that two requests about the same recipient and message
     * take their turns: the second one reads what the first committed.
     *
     * @return the recipient's route, or empty if this node has no such recipient for the message
     */
    public static Optional<String> lockRecipient(Connection c, OrgCode sender, UUID id, OrgCode recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT route FROM gw_recipient WHERE sender = ? AND message_id = ? AND recipient = ? FOR UPDATE")) {
            ps.setString(1, sender.value());
            ps.setString(2, id.toString());
            ps.setString(3, recipient.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The routes this node stored for a message, in envelope order. */
    public static List<RecipientRoute> routes(Connection c, OrgCode sender, UUID id) throws SQLException {
        List<RecipientRoute> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT recipient, is_primary, route FROM gw_recipient WHERE sender = ? AND message_id = ? ORDER BY seq_no")) {
            ps.setString(1, sender.value());
            ps.setString(2, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecipientRoute(OrgCode.of(rs.getString(1)), rs.getBoolean(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** Puts a message into a recipient's mailbox. */
    public static void insertMailbox(Connection c, OrgCode recipient, OrgCode sender, UUID id, Instant arrived) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gw_mailbox (recipient, sender, message_id, arrived_ms) VALUES (?,?,?,?)")) {
            ps.setString(1, recipient.value());
            ps.setString(2, sender.value());
            ps.setString(3, id.toString());
            ps.setLong(4, arrived.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** Whether the message is listed in the recipient's mailbox. */
    public static boolean inMailbox(Connection c, OrgCode recipient, OrgCode sender, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM gw_mailbox WHERE recipient = ? AND sender = ? AND message_id = ?")) {
            ps.setString(1, recipient.value());
            ps.setString(2, sender.value());
            ps.setString(3, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Takes a message out of a recipient's mailbox. */
    public static void removeMailbox(Connection c, OrgCode recipient, OrgCode sender, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM gw_mailbox WHERE recipient = ? AND sender = ? AND message_id = ?")) {
            ps.setString(1, recipient.value());
            ps.setString(2, sender.value());
            ps.setString(3, id.toString());
            ps.executeUpdate();
        }
    }

    /** The recipient's waiting messages, oldest first. */
    public static List<MailboxEntry> mailbox(Connection c, OrgCode recipient, int max) throws SQLException {
        List<MailboxEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.sender, b.message_id, m.message_type, m.size_bytes, m.sha256, b.arrived_ms"
                + " FROM gw_mailbox b JOIN gw_message m ON m.sender = b.sender AND m.message_id = b.message_id"
                + " WHERE b.recipient = ? ORDER BY b.arrived_ms, b.sender, b.message_id")) {
            ps.setString(1, recipient.value());
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < max) {
                    out.add(new MailboxEntry(OrgCode.of(rs.getString(1)), UUID.fromString(rs.getString(2)), MessageType.valueOf(rs.getString(3)),
                            rs.getLong(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        }
        return out;
    }
}
