package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.BINZHOU;
import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.SHAANXI_NODE;
import static org.gongwen.platform.DevPlatform.XIAN;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding up and down the three development nodes, with the national profile; receipts travel back to the sender's home node. */
class ThreeNodesTest {
    @TempDir
    static Path dir;
    static DevPlatform dev;

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.SM2_SM3);
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    @Test
    void upFromTheCountyToTheCityAndThroughTheProvince() throws Exception {
        Path sent = Samples.pkg(dir, dev, LIQUAN, List.of(XIANYANG), List.of(XIAN, CHUNHUA), 200_000);
        NodeClient.Resp acc = NodeClient.of(dev, LIQUAN).submit(sent);
        assertEquals(201, acc.status(), acc::toString);

        VerifiedPackage atXianyang = Flows.receive(dev, dir, XIANYANG, sent);
        Flows.post(dev, XIANYANG, ReceiptType.DELIVERED, atXianyang);
        Flows.post(dev, XIANYANG, ReceiptType.SIGNED_FOR, atXianyang);
        VerifiedPackage atChunhua = Flows.receive(dev, dir, CHUNHUA, sent);
        Flows.post(dev, CHUNHUA, ReceiptType.DELIVERED, atChunhua);
        Flows.post(dev, CHUNHUA, ReceiptType.RETURNED, atChunhua);
        VerifiedPackage atXian = Flows.receive(dev, dir, XIAN, sent);
        Flows.post(dev, XIAN, ReceiptType.DELIVERED, atXian);
        Flows.post(dev, XIAN, ReceiptType.SIGNED_FOR, atXian);
        Flows.quiet(dev);

        MessageStatus s = Flows.status(dev, LIQUAN, atXianyang);
        assertEquals(List.of(XIANYANG, XIAN, CHUNHUA), s.recipients().stream().map(RecipientStatus::recipient).toList());
        assertEquals(List.of(true, false, false), s.recipients().stream().map(RecipientStatus::primary).toList());
        assertTimeline(s, XIANYANG, DeliveryState.SIGNED_FOR, "RELAYED by GWNODE-610400", "DELIVERED by " + XIANYANG, "SIGNED_FOR by " + XIANYANG);
        assertTimeline(s, CHUNHUA, DeliveryState.RETURNED, "RELAYED by GWNODE-610400", "DELIVERED by " + CHUNHUA, "RETURNED by " + CHUNHUA);
        assertTimeline(s, XIAN, DeliveryState.SIGNED_FOR, "RELAYED by GWNODE-610400", "RELAYED by GWNODE-610000", "DELIVERED by " + XIAN,
                "SIGNED_FOR by " + XIAN);
        Receipt relayed = s.recipients().get(1).timeline().get(1);
        assertEquals(XIANYANG_NODE.value(), relayed.fromNode().orElseThrow(), "the province took it from the city");
    }

    @Test
    void downFromTheProvinceToTheCounty() throws Exception {
        Path sent = Samples.pkg(dir, dev, XIAN, List.of(LIQUAN), List.of(BINZHOU), 30_000);
        assertEquals(201, NodeClient.of(dev, XIAN).submit(sent).status());
        VerifiedPackage atLiquan = Flows.receive(dev, dir, LIQUAN, sent);
        Flows.post(dev, LIQUAN, ReceiptType.DELIVERED, atLiquan);
        Flows.receive(dev, dir, BINZHOU, sent);
        Flows.quiet(dev);

        MessageStatus s = Flows.status(dev, XIAN, atLiquan);
        assertTimeline(s, LIQUAN, DeliveryState.DELIVERED, "RELAYED by GWNODE-610400", "RELAYED by GWNODE-610425", "DELIVERED by " + LIQUAN);
        assertTimeline(s, BINZHOU, DeliveryState.RELAYED, "RELAYED by GWNODE-610400");
        assertEquals(SHAANXI_NODE.value(), s.recipients().get(0).timeline().get(0).fromNode().orElseThrow());
        assertEquals(XIANYANG_NODE.value(), s.recipients().get(0).timeline().get(1).fromNode().orElseThrow());
        assertEquals(LIQUAN_NODE.value(), s.recipients().get(0).timeline().get(1).issuer());
    }

    private static void assertTimeline(MessageStatus s, OrgCode recipient, DeliveryState state, String... steps) {
        RecipientStatus r = s.recipients().stream().filter(x -> x.recipient().equals(recipient)).findFirst().orElseThrow();
        assertEquals(state, r.state(), r::toString);
        assertEquals(List.of(steps), r.timeline().stream().map(x -> x.type() + " by " + x.issuer()).toList());
    }
}
