package org.gongwen.platform.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;

/** The signed receipts a node keeps (as Base64 text, see {@link Schema}). Stateless. */
public final class ReceiptTables {
    private static final String COLUMNS = "receipt_id, sender, message_id, receipt_type, issuer, recipients, issued_ms, xml_base64";

    private ReceiptTables() {
    }

    /** Stores a receipt; returns false if one with its id is already stored. */
    public static boolean insertIfAbsent(Connection c, StoredReceipt r) throws SQLException {
        if (find(c, r.receiptId()).isPresent()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gw_receipt (" + COLUMNS + ", stored_ms) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, r.receiptId().toString());
            ps.setString(2, r.sender().value());
            ps.setString(3, r.messageId().toString());
            ps.setString(4, r.type().name());
            ps.setString(5, r.issuer());
            ps.setString(6, Codes.join(r.recipients()));
            ps.setLong(7, r.issued().toEpochMilli());
            ps.setString(8, Base64.getEncoder().encodeToString(r.xml()));
            ps.setLong(9, System.currentTimeMillis());
            ps.executeUpdate();
        }
        return true;
    }

    /** The receipt with this id, if stored. */
    public static Optional<StoredReceipt> find(Connection c, UUID receiptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gw_receipt WHERE receipt_id = ?")) {
            ps.setString(1, receiptId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Every receipt stored for a message, oldest first by issue time. */
    public static List<StoredReceipt> forMessage(Connection c, OrgCode sender, UUID id) throws SQLException {
        List<StoredReceipt> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gw_receipt WHERE sender = ? AND message_id = ?"
                + " ORDER BY issued_ms, stored_ms, receipt_id")) {
            ps.setString(1, sender.value());
            ps.setString(2, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    private static StoredReceipt row(ResultSet rs) throws SQLException {
        return new StoredReceipt(UUID.fromString(rs.getString(1)), OrgCode.of(rs.getString(2)), UUID.fromString(rs.getString(3)),
                ReceiptType.valueOf(rs.getString(4)), rs.getString(5), Codes.split(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7)),
                Base64.getDecoder().decode(rs.getString(8)));
    }
}
