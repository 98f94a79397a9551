package org.gongwen.internal.reliable;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * The outbox and inbox tables and their upgrades. Portable SQL only (H2, PostgreSQL and other
 * standard databases): VARCHAR, BIGINT, INTEGER; times as BIGINT milliseconds since the epoch;
 * signed receipts as Base64 text; package bytes in files, never in the database.
 *
 * <p>{@code gongwen_schema} holds one row with the version. Opening a store creates the tables
 * at the current version, or applies each later step in order, inside the opening transaction
 * and under a row lock, so two processes opening the same database do not both upgrade it. A
 * database written by a newer SDK is refused rather than guessed at.
 */
final class StoreSchema {
    /** The steps; step {@code i} brings version {@code i} to {@code i + 1}. */
    static final List<String[]> STEPS = List.of(
        new String[] {
            "CREATE TABLE gongwen_outbox (message_id VARCHAR(36) NOT NULL PRIMARY KEY, sender VARCHAR(18) NOT NULL,"
                + " sha256 VARCHAR(64) NOT NULL, size_bytes BIGINT NOT NULL, file_name VARCHAR(200) NOT NULL,"
                + " state VARCHAR(12) NOT NULL, attempts INTEGER NOT NULL, queued_ms BIGINT NOT NULL, next_ms BIGINT NOT NULL,"
                + " give_up_ms BIGINT NOT NULL, expires_ms BIGINT, lease_ms BIGINT NOT NULL, last_code VARCHAR(16),"
                + " last_error VARCHAR(2000), accepted_base64 VARCHAR(100000), recipient_list VARCHAR(40000) NOT NULL)",
            "CREATE INDEX gongwen_outbox_due ON gongwen_outbox (state, next_ms)",
            "CREATE TABLE gongwen_inbox (sender VARCHAR(18) NOT NULL, message_id VARCHAR(36) NOT NULL,"
                + " message_type VARCHAR(16) NOT NULL, sha256 VARCHAR(64) NOT NULL, size_bytes BIGINT NOT NULL,"
                + " arrived_ms BIGINT NOT NULL, file_name VARCHAR(200) NOT NULL, state VARCHAR(12) NOT NULL,"
                + " attempts INTEGER NOT NULL, received_ms BIGINT NOT NULL, next_ms BIGINT NOT NULL, handled_ms BIGINT,"
                + " last_code VARCHAR(16), last_error VARCHAR(2000), claim_ms BIGINT NOT NULL, PRIMARY KEY (sender, message_id))",
            "CREATE INDEX gongwen_inbox_due ON gongwen_inbox (state, next_ms)",
        },
        new String[] {
            // version 2: recipients' receipts of outgoing messages, read from the status
            "ALTER TABLE gongwen_outbox ADD COLUMN status_next_ms BIGINT",
            "ALTER TABLE gongwen_outbox ADD COLUMN track_until_ms BIGINT",
            "CREATE INDEX gongwen_outbox_status ON gongwen_outbox (status_next_ms)",
            "CREATE TABLE gongwen_outbox_receipt (message_id VARCHAR(36) NOT NULL, receipt_id VARCHAR(36) NOT NULL,"
                + " receipt_type VARCHAR(16) NOT NULL, recipient_list VARCHAR(20000) NOT NULL, seen_ms BIGINT NOT NULL,"
                + " xml_base64 VARCHAR(100000) NOT NULL, PRIMARY KEY (message_id, receipt_id))",
        });

    /** The version this code writes. */
    static final int VERSION = STEPS.size();

    private StoreSchema() {
    }

    /** Creates or upgrades the tables to {@link #VERSION}. */
    static void bringUpToDate(Connection c) throws SQLException, GongwenException {
        upgradeTo(c, VERSION);
    }

    /** Creates or upgrades the tables to {@code target} (tests build older versions with it). */
    static void upgradeTo(Connection c, int target) throws SQLException, GongwenException {
        if (!exists(c, "gongwen_schema")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE gongwen_schema (id INTEGER NOT NULL PRIMARY KEY, version INTEGER NOT NULL, organisation VARCHAR(18))");
                s.execute("INSERT INTO gongwen_schema (id, version) VALUES (1, 0)");
            }
        }
        int version;
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM gongwen_schema WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "the table gongwen_schema has no version row; the database was changed by hand");
            }
            version = rs.getInt(1);
        }
        if (version > VERSION) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "the outbox/inbox database has schema version " + version
                    + ", written by a newer SDK; this SDK knows versions up to " + VERSION);
        }
        for (int v = version; v < target; v++) {
            try (Statement s = c.createStatement()) {
                for (String sql : STEPS.get(v)) {
                    s.execute(sql);
                }
            }
        }
        if (target > version) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_schema SET version = ? WHERE id = 1")) {
                ps.setInt(1, target);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Binds the store to one organisation: the first organisation to open it owns it; any
     * other is refused with {@code LOC-002}.
     */
    static void claim(Connection c, String organisation) throws SQLException, GongwenException {
        String owner;
        try (PreparedStatement ps = c.prepareStatement("SELECT organisation FROM gongwen_schema WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            owner = rs.next() ? rs.getString(1) : null;
        }
        if (owner == null) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gongwen_schema SET organisation = ? WHERE id = 1")) {
                ps.setString(1, organisation);
                ps.executeUpdate();
            }
        } else if (!owner.equals(organisation)) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "this outbox/inbox store belongs to " + owner + ", not to " + organisation
                    + "; every organisation needs its own store (its own database or schema)");
        }
    }

    /** The version stored in the database; 0 if it has no Gongwen tables. */
    static int version(Connection c) throws SQLException {
        if (!exists(c, "gongwen_schema")) {
            return 0;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM gongwen_schema WHERE id = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema(); // the connection's own schema: another schema's tables are another store's
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(null, schema, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
