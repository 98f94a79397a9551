package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIAN;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.MailboxDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle of a document (spec/lifecycle.md) through the three development nodes with the
 * SDK's client: 撤销 refused after 签收 and taken for the others, 催办, replies, expiry in the
 * mailbox, the illegal steps refused with their codes, and the state kept across restarts.
 */
class LifecycleTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static DevPlatform dev;

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ECDSA_P256_SHA256);
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    private static ExchangeClient client(OrgCode org) throws GongwenException {
        return Samples.GW.exchangeClient(dev.clientConfig(org));
    }

    /** Every message each client of this test handled, by id (a round hands over everything waiting). */
    private static final Map<ExchangeClient, Map<UUID, ReceivedMessage>> HANDLED = new ConcurrentHashMap<>();

    /** Receives until a message with this id has arrived, and returns it. */
    private static ReceivedMessage receiveOne(ExchangeClient c, UUID id) throws Exception {
        Path inbox = Files.createTempDirectory(dir, "inbox");
        Map<UUID, ReceivedMessage> handled = HANDLED.computeIfAbsent(c, k -> new ConcurrentHashMap<>());
        Instant end = Instant.now().plus(DEADLINE);
        while (!handled.containsKey(id) && Instant.now().isBefore(end)) {
            ReceiveResult r = c.receive(inbox, Duration.ofSeconds(2), m -> handled.put(m.entry().messageId(), m));
            assertTrue(r.rejected().isEmpty() && r.handlerFailures().isEmpty(), r.toString());
        }
        assertTrue(handled.containsKey(id), id + " arrived");
        return handled.get(id);
    }

    /** Polls the status until the condition holds. */
    private static MessageStatus awaitStatus(ExchangeClient c, UUID id, Predicate<MessageStatus> ok) throws Exception {
        Instant end = Instant.now().plus(DEADLINE);
        MessageStatus s = c.status(id);
        while (!ok.test(s) && Instant.now().isBefore(end)) {
            dev.awaitQuiet(Duration.ofSeconds(5));
            s = c.status(id);
        }
        assertTrue(ok.test(s), "status never reached the expected form: " + s);
        return s;
    }

    private static DeliveryState state(MessageStatus s, OrgCode r) {
        return s.recipient(r).orElseThrow().state();
    }

    private static List<String> steps(MessageStatus s, OrgCode r) {
        return s.recipient(r).orElseThrow().timeline().stream().map(x -> x.type() + " by " + x.issuer()).toList();
    }

    private static Receipt last(MessageStatus s, OrgCode r, ReceiptType type) {
        return s.recipient(r).orElseThrow().timeline().stream().filter(x -> x.type() == type).reduce((a, b) -> b).orElseThrow();
    }

    private static void refused(ErrorCode code, org.junit.jupiter.api.function.Executable step) {
        GongwenException e = assertThrows(GongwenException.class, step);
        assertEquals(code, e.code(), e::getMessage);
    }

    @Test
    void withdrawalIsRefusedAfterSigningForAndTakenForTheOthersOnTheSameNodeAndAcrossARelay() throws Exception {
        // 咸阳市 sends to 淳化县 (same node) and 礼泉县 (one relay down)
        Path sent = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(LIQUAN), 20_000);
        VerifiedPackage original = Samples.verify(dev, sent);
        UUID id = Samples.id(original);
        try (ExchangeClient xianyang = client(XIANYANG); ExchangeClient chunhua = client(CHUNHUA); ExchangeClient liquan = client(LIQUAN)) {
            xianyang.send(sent);
            ReceivedMessage atChunhua = receiveOne(chunhua, id);
            chunhua.signFor(atChunhua.verified(), "办公室 李文书");

            // a withdrawal naming only 淳化县, who signed for it: refused at once by the sender's node
            Path onlyChunhua = dir.resolve("withdraw-chunhua.gwpkg");
            Samples.GW.withdrawal(original.envelope().header(), "发文有误").recipients(CHUNHUA).issuer("咸阳市人民政府办公室")
                    .signWith(dev.signingIdentity(XIANYANG)).writeTo(onlyChunhua);
            refused(ErrorCode.STATE_CONFLICT, () -> xianyang.send(onlyChunhua));

            // a withdrawal naming both: 淳化县's node refuses it for 淳化县, 礼泉县's node withdraws the document for 礼泉县
            Path both = dir.resolve("withdraw-both.gwpkg");
            Header wh = Samples.GW.withdrawal(original.envelope().header(), "发文有误，撤回重发").issuer("咸阳市人民政府办公室")
                    .signWith(dev.signingIdentity(XIANYANG)).writeTo(both).header();
            assertEquals(MessageType.WITHDRAWAL, wh.messageType());
            assertEquals(id, wh.refToMessageId().orElseThrow());
            assertEquals(original.envelope().header().conversationId(), wh.conversationId());
            Receipt accepted = xianyang.send(both);
            assertArrayEquals(accepted.xml(), xianyang.send(both).xml(), "the same bytes again are a duplicate, not a second withdrawal");

            MessageStatus s = awaitStatus(xianyang, id, x -> state(x, LIQUAN) == DeliveryState.WITHDRAWN);
            assertEquals(DeliveryState.SIGNED_FOR, state(s, CHUNHUA));
            assertEquals(List.of("RELAYED by " + LIQUAN_NODE, "WITHDRAWN by " + LIQUAN_NODE), steps(s, LIQUAN));
            Receipt withdrawn = last(s, LIQUAN, ReceiptType.WITHDRAWN);
            assertEquals(wh.messageId(), withdrawn.causedBy().orElseThrow());
            assertEquals("发文有误，撤回重发", withdrawn.reason().orElseThrow());
            MessageStatus ofWithdrawal = awaitStatus(xianyang, wh.messageId(), x -> state(x, CHUNHUA) == DeliveryState.REJECTED);
            assertEquals(ErrorCode.STATE_CONFLICT.code(), last(ofWithdrawal, CHUNHUA, ReceiptType.REJECTED).errorCode().orElseThrow());

            // 礼泉县 finds the withdrawal in its mailbox instead of the document
            List<UUID> listed = MailboxDocument.read(NodeClient.of(dev, LIQUAN).mailbox(0).body()).stream().map(e -> e.messageId()).toList();
            assertFalse(listed.contains(id), "the withdrawn document left the mailbox");
            ReceivedMessage w = receiveOne(liquan, wh.messageId());
            assertEquals(MessageType.WITHDRAWAL, w.verified().envelope().header().messageType());
            assertEquals(id, w.verified().envelope().header().refToMessageId().orElseThrow());
            assertEquals("发文有误，撤回重发", w.verified().envelope().metadata().annotation().orElseThrow());
            // it can no longer sign for or return the document
            NodeClient.Resp late = NodeClient.of(dev, LIQUAN).receipt(Samples.receipt(dev, LIQUAN, ReceiptType.DELIVERED, original));
            assertEquals(201, late.status(), "a copy fetched before may still be reported: " + late);
            NodeClient.Resp signed = NodeClient.of(dev, LIQUAN).receipt(Samples.receipt(dev, LIQUAN, ReceiptType.SIGNED_FOR, original));
            assertEquals(409, signed.status(), signed::toString);
            assertTrue(signed.toString().contains("MSG-005"), signed::toString);
            Flows.quiet(dev);

            // nothing is left to withdraw or remind of
            refused(ErrorCode.STATE_CONFLICT, () -> xianyang.withdraw(id, "再次撤销"));
            refused(ErrorCode.STATE_CONFLICT, () -> xianyang.remind(id, "请尽快办理"));
            refused(ErrorCode.STATE_CONFLICT, () -> xianyang.send(writeWithdrawal(original, LIQUAN, "再次撤销")));
            MessageStatus after = xianyang.status(id);
            assertEquals(DeliveryState.WITHDRAWN, state(after, LIQUAN), "the late DELIVERED does not undo the withdrawal");
            assertEquals(DeliveryState.SIGNED_FOR, state(after, CHUNHUA));

            // the state survives restarts of both nodes
            dev.restart(XIANYANG_NODE);
            dev.restart(LIQUAN_NODE);
        }
        try (ExchangeClient xianyang = client(XIANYANG)) {
            MessageStatus s = xianyang.status(id);
            assertEquals(DeliveryState.WITHDRAWN, state(s, LIQUAN));
            assertEquals(DeliveryState.SIGNED_FOR, state(s, CHUNHUA));
            NodeClient.Resp signed = NodeClient.of(dev, LIQUAN).receipt(Samples.receipt(dev, LIQUAN, ReceiptType.RETURNED, original));
            assertEquals(409, signed.status(), signed::toString);
        }
    }

    private static Path writeWithdrawal(VerifiedPackage original, OrgCode r, String reason) throws Exception {
        Path p = Files.createTempFile(dir, "withdrawal", ".gwpkg");
        Samples.GW.withdrawal(original.envelope().header(), reason).recipients(r).signWith(dev.signingIdentity(XIANYANG)).writeTo(p);
        return p;
    }

    @Test
    void remindersAndRepliesShowOnTheTimeline() throws Exception {
        // 礼泉县 sends to 西安市 (two relays up) and 咸阳市 (one relay)
        Path sent = Samples.pkg(dir, dev, LIQUAN, List.of(XIAN), List.of(XIANYANG), 10_000);
        VerifiedPackage original = Samples.verify(dev, sent);
        UUID id = Samples.id(original);
        try (ExchangeClient liquan = client(LIQUAN); ExchangeClient xian = client(XIAN); ExchangeClient xianyang = client(XIANYANG)) {
            liquan.send(sent);
            Receipt reminderAccepted = liquan.remind(id, "请于本周内签收");
            UUID reminderId = reminderAccepted.messageId();
            MessageStatus s = awaitStatus(liquan, id, x -> x.recipients().stream().allMatch(r -> r.timeline().stream()
                    .anyMatch(t -> t.type() == ReceiptType.REMINDED)));
            assertEquals(DeliveryState.RELAYED, state(s, XIAN), "a reminder does not change the state");
            assertEquals(reminderId, last(s, XIAN, ReceiptType.REMINDED).causedBy().orElseThrow());
            assertEquals("请于本周内签收", last(s, XIAN, ReceiptType.REMINDED).reason().orElseThrow());

            ReceivedMessage reminder = receiveOne(xian, reminderId);
            assertEquals(MessageType.REMINDER, reminder.verified().envelope().header().messageType());
            assertEquals(id, reminder.verified().envelope().header().refToMessageId().orElseThrow());
            ReceivedMessage doc = receiveOne(xian, id);
            xian.signFor(doc.verified(), "办公室 赵文书");

            // 西安市 replies in the same conversation
            Header reply = Header.replyTo(doc.verified().envelope().header(), XIAN).build();
            Path replyFile = Samples.pkg(dir, dev.signingIdentity(XIAN), reply, 3_000);
            xian.send(replyFile);
            ReceivedMessage gotReply = receiveOne(liquan, reply.messageId());
            assertEquals(MessageType.REPLY, gotReply.verified().envelope().header().messageType());
            assertEquals(original.envelope().header().conversationId(), gotReply.verified().envelope().header().conversationId());
            MessageStatus replied = awaitStatus(liquan, id, x -> x.recipient(XIAN).orElseThrow().timeline().stream()
                    .anyMatch(t -> t.type() == ReceiptType.REPLIED));
            assertEquals(DeliveryState.SIGNED_FOR, state(replied, XIAN));
            assertEquals(reply.messageId(), last(replied, XIAN, ReceiptType.REPLIED).causedBy().orElseThrow());

            // a second reminder goes to 咸阳市 only; after it signs for, nobody is left to remind
            awaitStatus(liquan, id, x -> state(x, XIAN) == DeliveryState.SIGNED_FOR);
            UUID second = liquan.remind(id, "再次催办").messageId();
            MessageStatus st2 = awaitStatus(liquan, second, x -> x.recipients().size() == 1);
            assertEquals(List.of(XIANYANG), st2.recipients().stream().map(RecipientStatus::recipient).toList());
            ReceivedMessage atXianyang = receiveOne(xianyang, id);
            xianyang.returnDocument(atXianyang.verified(), "请补充附件");
            awaitStatus(liquan, id, x -> state(x, XIANYANG) == DeliveryState.RETURNED);
            refused(ErrorCode.STATE_CONFLICT, () -> liquan.remind(id, "第三次催办"));
        }
    }

    @Test
    void aMessageThatExpiresInTheMailboxIsTakenOutWithAnExpiredReceipt() throws Exception {
        Header h = Header.builder().sender(XIANYANG).to(CHUNHUA).cc(LIQUAN).expires(Instant.now().plusSeconds(4)).build();
        Path sent = Samples.pkg(dir, dev.signingIdentity(XIANYANG), h, 5_000);
        VerifiedPackage original = Samples.verify(dev, sent);
        try (ExchangeClient xianyang = client(XIANYANG)) {
            xianyang.send(sent);
            MessageStatus s = awaitStatus(xianyang, h.messageId(),
                    x -> state(x, CHUNHUA) == DeliveryState.EXPIRED && state(x, LIQUAN) == DeliveryState.EXPIRED);
            assertEquals(XIANYANG_NODE.value(), last(s, CHUNHUA, ReceiptType.EXPIRED).issuer());
            assertEquals(LIQUAN_NODE.value(), last(s, LIQUAN, ReceiptType.EXPIRED).issuer(), "the node holding the mailbox issues it");
            for (OrgCode r : List.of(CHUNHUA, LIQUAN)) {
                assertTrue(MailboxDocument.read(NodeClient.of(dev, r).mailbox(0).body()).stream().noneMatch(e -> e.messageId().equals(h.messageId())),
                        "out of the mailbox of " + r);
                NodeClient.Resp late = NodeClient.of(dev, r).receipt(Samples.receipt(dev, r, ReceiptType.DELIVERED, original));
                assertEquals(409, late.status(), late::toString);
            }
            refused(ErrorCode.STATE_CONFLICT, () -> xianyang.withdraw(h.messageId(), "撤销"));
            refused(ErrorCode.STATE_CONFLICT, () -> xianyang.remind(h.messageId(), "催办"));
        }
    }

    @Test
    void aWithdrawalOfAnUnknownMessageIsRefused() throws Exception {
        Header never = Header.builder().sender(XIANYANG).to(CHUNHUA).build();
        Path p = dir.resolve("unknown-withdrawal.gwpkg");
        Samples.GW.withdrawal(never, "撤销").signWith(dev.signingIdentity(XIANYANG)).writeTo(p);
        try (ExchangeClient xianyang = client(XIANYANG); ExchangeClient liquan = client(LIQUAN)) {
            refused(ErrorCode.MESSAGE_UNKNOWN, () -> xianyang.send(p));
            refused(ErrorCode.MESSAGE_UNKNOWN, () -> xianyang.withdraw(never.messageId(), "撤销"));
            // another organisation's document: its status and so its withdrawal are unknown to the caller
            Path sent = Samples.pkg(dir, dev, LIQUAN, List.of(XIANYANG), List.of(), 1_000);
            liquan.send(sent);
            UUID theirs = Samples.id(Samples.verify(dev, sent));
            refused(ErrorCode.MESSAGE_UNKNOWN, () -> xianyang.withdraw(theirs, "撤销"));
            // and a withdrawal sent in another organisation's name is refused by its sender check
            Path forged = dir.resolve("forged.gwpkg");
            Samples.GW.withdrawal(Samples.verify(dev, sent).envelope().header(), "撤销").signWith(dev.signingIdentity(LIQUAN)).writeTo(forged);
            NodeClient.Resp r = NodeClient.of(dev, XIANYANG).submit(forged);
            assertEquals(403, r.status(), r::toString);
            assertTrue(r.toString().contains(ErrorCode.AUTH_FORBIDDEN.code()), r::toString);
        }
    }
}
