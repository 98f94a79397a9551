package org.gongwen.platform.internal.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * The node's tables, created at start if missing. Portable SQL only (H2, PostgreSQL): VARCHAR,
 * BIGINT, INTEGER, BOOLEAN; times as BIGINT milliseconds since the epoch; signed receipts as
 * Base64 text (a receipt is at most 64 KiB, so at most 87,384 characters), because binary
 * column types differ between databases. Package bytes live in files, never in the database.
 */
final class Schema {
    /** The schema version this code writes. */
    static final int VERSION = 2;

    private static final String[] V1 = {
        "CREATE TABLE gw_schema_version (version INTEGER NOT NULL)",
        "CREATE TABLE gw_message (sender VARCHAR(18) NOT NULL, message_id VARCHAR(36) NOT NULL, sha256 VARCHAR(64) NOT NULL,"
            + " size_bytes BIGINT NOT NULL, message_type VARCHAR(16) NOT NULL, digest_alg VARCHAR(16) NOT NULL,"
            + " signature_digest VARCHAR(100) NOT NULL, expires_ms BIGINT, arrived_ms BIGINT NOT NULL, file_name VARCHAR(200) NOT NULL,"
            + " from_node VARCHAR(13), answer_receipt VARCHAR(36) NOT NULL, PRIMARY KEY (sender, message_id))",
        "CREATE TABLE gw_recipient (sender VARCHAR(18) NOT NULL, message_id VARCHAR(36) NOT NULL, recipient VARCHAR(18) NOT NULL,"
            + " seq_no INTEGER NOT NULL, is_primary BOOLEAN NOT NULL, route VARCHAR(16) NOT NULL, PRIMARY KEY (sender, message_id, recipient))",
        "CREATE TABLE gw_mailbox (recipient VARCHAR(18) NOT NULL, sender VARCHAR(18) NOT NULL, message_id VARCHAR(36) NOT NULL,"
            + " arrived_ms BIGINT NOT NULL, PRIMARY KEY (recipient, sender, message_id))",
        "CREATE TABLE gw_receipt (receipt_id VARCHAR(36) NOT NULL PRIMARY KEY, sender VARCHAR(18) NOT NULL, message_id VARCHAR(36) NOT NULL,"
            + " receipt_type VARCHAR(16) NOT NULL, issuer VARCHAR(18) NOT NULL, recipients VARCHAR(20000) NOT NULL,"
            + " issued_ms BIGINT NOT NULL, stored_ms BIGINT NOT NULL, xml_base64 VARCHAR(100000) NOT NULL)",
        "CREATE INDEX gw_receipt_message ON gw_receipt (sender, message_id)",
        "CREATE TABLE gw_relay (relay_id VARCHAR(36) NOT NULL PRIMARY KEY, kind VARCHAR(8) NOT NULL, target VARCHAR(13) NOT NULL,"
            + " sender VARCHAR(18) NOT NULL, message_id VARCHAR(36) NOT NULL, recipients VARCHAR(20000), receipt_id VARCHAR(36),"
            + " attempts INTEGER NOT NULL, next_ms BIGINT NOT NULL, created_ms BIGINT NOT NULL, last_error VARCHAR(2000))",
        "CREATE INDEX gw_relay_due ON gw_relay (next_ms)",
        "INSERT INTO gw_schema_version (version) VALUES (1)",
    };

    /** Version 2: each message's conversation and the message it refers to (spec/lifecycle.md). */
    private static final String[] V2 = {
        "ALTER TABLE gw_message ADD COLUMN conversation_id VARCHAR(36)",
        "ALTER TABLE gw_message ADD COLUMN ref_to VARCHAR(36)",
        "CREATE INDEX gw_mailbox_arrived ON gw_mailbox (arrived_ms)",
        "UPDATE gw_schema_version SET version = 2",
    };

    private Schema() {
    }

    static void createOrCheck(Connection c) throws SQLException, GongwenException {
        if (!exists(c, "gw_schema_version")) {
            run(c, V1);
        }
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM gw_schema_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version == 1) {
            run(c, V2);
            version = 2;
        }
        if (version != VERSION) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "the database has schema version " + version + "; this node needs " + VERSION);
        }
    }

    private static void run(Connection c, String[] statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
