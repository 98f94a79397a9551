package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.BINZHOU;
import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's exchange client against the reference nodes, over mutual TLS: 礼泉县 sends to 咸阳市
 * (cc 淳化县) through its county node; the recipients receive, sign for and return it with the
 * client; the sender reads the status with every receipt verified.
 */
class ExchangeClientEndToEndTest {
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

    private static ExchangeClient client(org.gongwen.api.id.OrgCode org) throws GongwenException {
        return Samples.GW.exchangeClient(dev.clientConfig(org));
    }

    /** Receives until the message arrives (it travels through a relay), handing it to {@code handled}. */
    private static ReceivedMessage receiveOne(ExchangeClient c, Path inbox, UUID id) throws Exception {
        List<ReceivedMessage> got = new ArrayList<>();
        for (int round = 0; round < 20 && got.isEmpty(); round++) {
            ReceiveResult r = c.receive(inbox, Duration.ofSeconds(5), m -> {
                if (m.entry().messageId().equals(id)) {
                    got.add(m);
                }
            });
            assertTrue(r.rejected().isEmpty() && r.handlerFailures().isEmpty(), r.toString());
        }
        assertEquals(1, got.size(), "the message arrived within 20 rounds");
        return got.get(0);
    }

    @Test
    void sendReceiveSignForReturnAndStatusThroughTheRealNodes() throws Exception {
        Path sent = Samples.pkg(dir, dev, LIQUAN, List.of(XIANYANG), List.of(CHUNHUA), 300_000);
        UUID id = Samples.id(Samples.verify(dev, sent));
        try (ExchangeClient liquan = client(LIQUAN); ExchangeClient xianyang = client(XIANYANG); ExchangeClient chunhua = client(CHUNHUA)) {
            Receipt accepted = liquan.send(sent);
            assertEquals(ReceiptType.ACCEPTED, accepted.type());
            assertEquals(LIQUAN_NODE.value(), accepted.issuer());
            assertArrayEquals(accepted.xml(), liquan.send(sent).xml(), "a resubmission gets the stored receipt");

            ReceivedMessage atXianyang = receiveOne(xianyang, dir.resolve("xianyang"), id);
            assertArrayEquals(Files.readAllBytes(sent), Files.readAllBytes(atXianyang.packageFile()));
            assertEquals(ReceiptType.SIGNED_FOR, xianyang.signFor(atXianyang.verified(), "办公室 王文书").type());

            ReceivedMessage atChunhua = receiveOne(chunhua, dir.resolve("chunhua"), id);
            assertEquals(ReceiptType.RETURNED, chunhua.returnDocument(atChunhua.verified(), "请补充附件后重新发送").type());
            GongwenException late = assertThrows(GongwenException.class, () -> chunhua.signFor(atChunhua.verified(), "王文书"));
            assertEquals(ErrorCode.STATE_CONFLICT, late.code(), late.getMessage());

            assertTrue(xianyang.mailbox(Duration.ZERO).stream().noneMatch(e -> e.messageId().equals(id)), "acknowledged, so no longer listed");

            assertTrue(dev.awaitQuiet(Duration.ofSeconds(60)), "relays still pending: " + dev);
            MessageStatus s = liquan.status(id);
            assertEquals(DeliveryState.SIGNED_FOR, s.recipient(XIANYANG).orElseThrow().state());
            assertEquals(DeliveryState.RETURNED, s.recipient(CHUNHUA).orElseThrow().state());
            assertEquals("请补充附件后重新发送", s.recipient(CHUNHUA).orElseThrow().timeline().stream()
                    .filter(r -> r.type() == ReceiptType.RETURNED).findFirst().orElseThrow().reason().orElseThrow());
            assertTrue(s.isFinal());

            assertEquals(dev.homeNode(BINZHOU), liquan.lookup(BINZHOU).orElseThrow().homeNode());
            assertEquals(ErrorCode.MESSAGE_UNKNOWN, assertThrows(GongwenException.class, () -> xianyang.status(id)).code(),
                    "only the sender reads the status");
        }
    }

    @Test
    void theNodeRefusesWhatItMustAndTheClientReportsTheCode() throws Exception {
        Path fromXianyang = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 1_000);
        try (ExchangeClient liquan = client(LIQUAN)) {
            // the client does not even send a package of another sender
            assertEquals(ErrorCode.LOCAL_ARGUMENT, assertThrows(GongwenException.class, () -> liquan.send(fromXianyang)).code());
            assertEquals(ErrorCode.MESSAGE_UNKNOWN, assertThrows(GongwenException.class, () -> liquan.status(UUID.randomUUID())).code());
        }
        try (ExchangeClient wrongNode = Samples.GW.exchangeClient(dev.clientConfig(LIQUAN).toBuilder()
                .node(dev.node(DevPlatform.XIANYANG_NODE).uri()).build())) {
            GongwenException e = assertThrows(GongwenException.class, () -> wrongNode.mailbox(Duration.ZERO));
            assertEquals(ErrorCode.AUTH_FORBIDDEN, e.code(), "an organisation uses only its home node: " + e.getMessage());
        }
    }

    @Test
    void aMessageTheRecipientRefusesIsAnsweredWithRejectedAndLeavesTheMailbox() throws Exception {
        Path sent = Samples.pkg(dir, dev, LIQUAN, List.of(XIANYANG), List.of(), 200_000);
        UUID id = Samples.id(Samples.verify(dev, sent));
        try (ExchangeClient liquan = client(LIQUAN);
                ExchangeClient strict = Samples.GW.exchangeClient(dev.clientConfig(XIANYANG).toBuilder()
                        .limits(org.gongwen.api.pkg.Limits.builder().maxPackageBytes(100_000).build()).build())) {
            liquan.send(sent);
            List<ReceiveResult.Rejection> rejected = new ArrayList<>();
            for (int round = 0; round < 20 && rejected.isEmpty(); round++) {
                ReceiveResult r = strict.receive(dir.resolve("strict"), Duration.ofSeconds(5), m -> {
                    throw new AssertionError("a refused message reached the handler: " + m);
                });
                rejected.addAll(r.rejected());
            }
            assertEquals(1, rejected.size());
            assertEquals("LIM-001", rejected.get(0).errorCode());
            assertTrue(!rejected.get(0).message().contains("could not be posted"), rejected.get(0).message());
            assertTrue(strict.mailbox(Duration.ZERO).stream().noneMatch(e -> e.messageId().equals(id)), "REJECTED removes it from the mailbox");

            assertTrue(dev.awaitQuiet(Duration.ofSeconds(60)), "relays still pending: " + dev);
            var row = liquan.status(id).recipient(XIANYANG).orElseThrow();
            assertEquals(DeliveryState.REJECTED, row.state());
            assertEquals("LIM-001", row.timeline().get(row.timeline().size() - 1).errorCode().orElseThrow());
        }
    }
}
