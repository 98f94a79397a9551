package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.MailboxDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node restarted on the same storage and database serves what it stored and resumes what it owed. */
class RestartTest {
    @TempDir
    Path dir;
    DevPlatform dev;

    @BeforeEach
    void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ECDSA_P256_SHA256);
    }

    @AfterEach
    void stop() {
        dev.close();
    }

    @Test
    void pendingRelaysSurviveARestartAndCompleteWhenThePeerIsBack() throws Exception {
        dev.stop(XIANYANG_NODE);
        Path sent = Samples.pkg(dir, dev, LIQUAN, List.of(XIANYANG), List.of(CHUNHUA), 20_000);
        NodeClient.Resp acc = NodeClient.of(dev, LIQUAN).submit(sent);
        assertEquals(201, acc.status(), acc::toString);
        assertEquals(1, dev.node(LIQUAN_NODE).pendingRelays(), "one relay owed to 咸阳, which is down");

        PlatformNode liquan = dev.restart(LIQUAN_NODE);
        assertEquals(1, liquan.pendingRelays(), "the relay is still owed after the restart");
        VerifiedPackage v = Samples.verify(dev, sent);
        assertEquals(DeliveryState.ACCEPTED, Flows.status(dev, LIQUAN, v).recipients().get(0).state());
        NodeClient.Resp again = NodeClient.of(dev, LIQUAN).submit(sent);
        assertEquals(200, again.status(), "the stored message is still known");
        assertArrayEquals(acc.body(), again.body());

        dev.restart(XIANYANG_NODE);
        VerifiedPackage got = Flows.receive(dev, dir, XIANYANG, sent);
        Flows.post(dev, XIANYANG, ReceiptType.DELIVERED, got);
        Flows.quiet(dev);
        List<RecipientStatus> rows = Flows.status(dev, LIQUAN, v).recipients();
        assertEquals(DeliveryState.DELIVERED, rows.get(0).state());
        assertEquals(DeliveryState.RELAYED, rows.get(1).state());
    }

    @Test
    void mailboxAndStatusAreServedAfterARestart() throws Exception {
        Path first = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 5_000);
        Path second = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 6_000);
        NodeClient.Resp acc = NodeClient.of(dev, XIANYANG).submit(first);
        assertEquals(201, acc.status());
        assertEquals(201, NodeClient.of(dev, XIANYANG).submit(second).status());
        VerifiedPackage v1 = Flows.receive(dev, dir, CHUNHUA, first);
        Flows.post(dev, CHUNHUA, ReceiptType.DELIVERED, v1);

        dev.restart(XIANYANG_NODE);
        NodeClient chunhua = NodeClient.of(dev, CHUNHUA);
        List<MailboxEntry> box = MailboxDocument.read(chunhua.mailbox(0).body());
        assertEquals(List.of(Samples.id(Samples.verify(dev, second))), box.stream().map(MailboxEntry::messageId).toList());
        assertArrayEquals(Files.readAllBytes(first), chunhua.fetch(XIANYANG, Samples.id(v1)).body());
        assertArrayEquals(Files.readAllBytes(second), chunhua.fetch(XIANYANG, box.get(0).messageId()).body());
        assertEquals(DeliveryState.DELIVERED, Flows.status(dev, XIANYANG, v1).recipients().get(0).state());
        NodeClient.Resp dup = NodeClient.of(dev, XIANYANG).submit(first);
        assertEquals(200, dup.status());
        assertArrayEquals(acc.body(), dup.body());
        NodeClient.Resp ackAgain = chunhua.receipt(Samples.receipt(dev, CHUNHUA, ReceiptType.DELIVERED, v1));
        assertEquals(200, ackAgain.status(), "the stored DELIVERED answers a second one");
    }
}
