package org.gongwen.internal.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.reliable.ReliableConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, upgrading and refusing store schemas, on the default H2 file. */
class StoreSchemaTest {
    @TempDir
    Path dir;

    private Connection connect() throws Exception {
        return DriverManager.getConnection(StoreDatabase.defaultUrl(dir));
    }

    @Test
    void aNewStoreGetsTheCurrentVersion() throws Exception {
        try (StoreDatabase db = StoreDatabase.open(ReliableConfig.builder(dir).build(), 2)) {
            assertEquals(StoreSchema.VERSION, db.inTransaction(StoreSchema::version));
        }
        try (StoreDatabase again = StoreDatabase.open(ReliableConfig.builder(dir).build(), 2)) {
            assertEquals(StoreSchema.VERSION, again.inTransaction(StoreSchema::version), "opening twice changes nothing");
        }
    }

    @Test
    void aVersionOneStoreIsUpgradedKeepingItsRows() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            StoreSchema.upgradeTo(c, 1);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO gongwen_outbox (message_id, sender, sha256, size_bytes, file_name, state, attempts, queued_ms,"
                        + " next_ms, give_up_ms, lease_ms, recipient_list) VALUES ('8f0e2a36-5f0e-4b8e-9d55-2b0b8c1f4a11',"
                        + " '116104250162020100', 'ab', 10, 'x.gwpkg', 'QUEUED', 2, 1, 2, 3, 0, '11610400016001016Y:T')");
            }
            c.commit();
            assertEquals(1, StoreSchema.version(c));
        }
        try (StoreDatabase db = StoreDatabase.open(ReliableConfig.builder(dir).build(), 2)) {
            assertEquals(2, db.inTransaction(StoreSchema::version));
            OutboxRow row = db.inTransaction(c -> OutboxTable.find(c, "8f0e2a36-5f0e-4b8e-9d55-2b0b8c1f4a11")).orElseThrow();
            assertEquals(2, row.attempts());
            assertNull(row.statusNextMs(), "a column added by the upgrade starts empty");
            assertTrue(db.inTransaction(c -> OutboxTable.receipts(c, row.messageId())).isEmpty(), "the table added by the upgrade exists");
        }
    }

    @Test
    void aStoreBelongsToTheFirstOrganisationThatOpensIt() throws Exception {
        StoreDatabase.open(ReliableConfig.builder(dir).build(), 2, "116104250162020100").close();
        StoreDatabase.open(ReliableConfig.builder(dir).build(), 2, "116104250162020100").close();
        GongwenException e = assertThrows(GongwenException.class,
                () -> StoreDatabase.open(ReliableConfig.builder(dir).build(), 2, "11610400016001016Y"));
        assertEquals(ErrorCode.LOCAL_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("belongs to 116104250162020100"), e.getMessage());
    }

    @Test
    void aStoreWrittenByANewerSdkIsRefusedAndLeftAlone() throws Exception {
        try (StoreDatabase db = StoreDatabase.open(ReliableConfig.builder(dir).build(), 2)) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("UPDATE gongwen_schema SET version = 99");
                }
                return null;
            });
        }
        GongwenException e = assertThrows(GongwenException.class, () -> StoreDatabase.open(ReliableConfig.builder(dir).build(), 2));
        assertEquals(ErrorCode.LOCAL_IO, e.code());
        assertTrue(e.getMessage().contains("newer SDK"), e.getMessage());
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM gongwen_schema")) {
            rs.next();
            assertEquals(99, rs.getInt(1));
        }
    }
}
