package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.MailboxDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay task that cannot even be worked (here: a row whose target is no node id) is put back
 * with its backoff, and the tasks behind it in the queue are still relayed (T-6.3).
 */
class RelayQueueFaultTest {
    @TempDir
    Path dir;

    @Test
    void aTaskThatFailsDoesNotBlockTheQueue() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519);
                TwoNodes t = TwoNodes.start(dev, dir)) {
            Path first = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 1_000);
            assertEquals(201, t.atCity(XIANYANG).submit(first).status());
            UUID firstId = Samples.id(Samples.verify(dev, first));
            String broken = UUID.randomUUID().toString();
            try (Connection c = t.cityDatabase(); PreparedStatement ps = c.prepareStatement("INSERT INTO gw_relay (relay_id, kind, target,"
                    + " sender, message_id, recipients, receipt_id, attempts, next_ms, created_ms) VALUES (?, 'MESSAGE', 'GWNODE-BROKEN', ?, ?, ?,"
                    + " NULL, 0, 0, 0)")) {
                ps.setString(1, broken);
                ps.setString(2, XIANYANG.value());
                ps.setString(3, firstId.toString());
                ps.setString(4, LIQUAN.value());
                ps.executeUpdate();
            }

            Path second = Samples.pkg(dir, dev, XIANYANG, List.of(LIQUAN), List.of(), 1_000);
            assertEquals(201, t.atCity(XIANYANG).submit(second).status());
            UUID secondId = Samples.id(Samples.verify(dev, second));
            List<UUID> listed = List.of();
            for (int round = 0; round < 2 && listed.isEmpty(); round++) {
                listed = MailboxDocument.read(t.atCounty(LIQUAN).mailbox(15).body()).stream().map(MailboxEntry::messageId).toList();
            }
            assertEquals(List.of(secondId), listed, "the relay behind the broken task reached the county");

            try (Connection c = t.cityDatabase(); PreparedStatement ps = c.prepareStatement(
                    "SELECT attempts, next_ms, last_error FROM gw_relay WHERE relay_id = ?")) {
                ps.setString(1, broken);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the broken task stays queued");
                    assertTrue(rs.getInt(1) >= 1, "its failure was counted");
                    assertTrue(rs.getLong(2) > 0, "it was put back with a delay");
                    assertNotNull(rs.getString(3));
                    assertTrue(rs.getString(3).contains("GWNODE-BROKEN"), rs.getString(3));
                }
            }
        }
    }
}
