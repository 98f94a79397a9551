package org.gongwen.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.DivisionCode;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;

class WireDocumentsTest {
    @Test
    void errorDocumentsCarryCodeAndRetryFlag() throws Exception {
        for (ErrorCode code : ErrorCode.values()) {
            ErrorDocument back = ErrorDocument.read(new ErrorDocument(code, "text for people: " + code).toXml());
            assertEquals(code, back.code());
            assertEquals("text for people: " + code, back.message());
        }
        String unknown = "<Error xmlns=\"urn:gongwen:exchange:1.0\"><Code>ZZZ-999</Code><Retryable>true</Retryable><Message>m</Message></Error>";
        assertEquals(ErrorCode.TRANSPORT_FATAL, ErrorDocument.read(unknown.getBytes(StandardCharsets.UTF_8)).code());
        String wrongFlag = "<Error xmlns=\"urn:gongwen:exchange:1.0\"><Code>MSG-002</Code><Retryable>true</Retryable><Message>m</Message></Error>";
        assertEquals(ErrorCode.TRANSPORT_FATAL, ErrorDocument.read(wrongFlag.getBytes(StandardCharsets.UTF_8)).code());
        String dtd = "<!DOCTYPE Error [<!ENTITY x \"y\">]><Error xmlns=\"urn:gongwen:exchange:1.0\"><Code>MSG-002</Code></Error>";
        assertEquals(ErrorCode.XML_DTD, assertThrows(GongwenException.class, () -> ErrorDocument.read(dtd.getBytes(StandardCharsets.UTF_8))).code());
    }

    @Test
    void mailboxListingsRoundTrip() throws Exception {
        List<MailboxEntry> entries = List.of(
                new MailboxEntry(Fixtures.LIQUAN, UUID.randomUUID(), MessageType.DOCUMENT, 104_960, "ab".repeat(32), Instant.parse("2026-11-26T10:15:30.123Z")),
                new MailboxEntry(Fixtures.XIAN, UUID.randomUUID(), MessageType.REMINDER, 0, "0f".repeat(32), Instant.parse("2026-11-26T10:15:31Z")));
        assertEquals(entries, MailboxDocument.read(MailboxDocument.write(entries)));
        assertEquals(List.of(), MailboxDocument.read(MailboxDocument.write(List.of())));
        String badDigest = "<Mailbox xmlns=\"urn:gongwen:exchange:1.0\"><Entry><Sender>116104250162020100</Sender><MessageId>"
                + UUID.randomUUID() + "</MessageId><MessageType>DOCUMENT</MessageType><Size>1</Size><PackageSHA256>XYZ</PackageSHA256>"
                + "<Arrived>2026-11-26T10:15:31Z</Arrived></Entry></Mailbox>";
        assertEquals(ErrorCode.SCHEMA_VIOLATION, assertThrows(GongwenException.class,
                () -> MailboxDocument.read(badDigest.getBytes(StandardCharsets.UTF_8))).code());
    }

    @Test
    void directoryRoundTrips() throws Exception {
        Fixtures.Pki pki = Fixtures.pki(SignatureProfile.SM2_SM3);
        List<DirectoryEntry> dir = List.of(
                new DirectoryEntry(Fixtures.LIQUAN, "礼泉县人民政府办公室", NodeId.of(DivisionCode.of("610425")),
                        Set.of(SignatureProfile.SM2_SM3, SignatureProfile.RSA_SHA256), List.of(pki.liquan.certificate())),
                new DirectoryEntry(Fixtures.XIAN, "西安市人民政府办公厅", NodeId.of(DivisionCode.of("610000")),
                        Set.of(SignatureProfile.ED25519), List.of()));
        List<DirectoryEntry> back = DirectoryDocument.read(DirectoryDocument.write(dir));
        assertEquals(dir, back);
    }

    @Test
    void statusIsVerifiedAndItsStatesDerivedFromTheReceipts() throws Exception {
        SignatureProfile p = SignatureProfile.ECDSA_P256_SHA256;
        Fixtures.Pki pki = Fixtures.pki(p);
        NodeId nodeId = NodeId.of(DivisionCode.of("610425"));
        DevPki.Issued node = pki.ca.issueNode(nodeId, "礼泉县交换节点");
        UUID id = UUID.randomUUID();
        byte[] digest = Receipts.signatureDigest(p, new byte[] {1, 2, 3});
        byte[] accepted = Receipts.sign(new ReceiptDraft(ReceiptType.ACCEPTED, nodeId.value(), Fixtures.LIQUAN, id, p.digestAlgorithm(), digest),
                node.identity());
        byte[] delivered = Receipts.sign(new ReceiptDraft(ReceiptType.DELIVERED, Fixtures.XIANYANG.value(), Fixtures.LIQUAN, id,
                p.digestAlgorithm(), digest).recipient(Fixtures.XIANYANG), pki.xianyang.identity());
        TrustValidator trust = new TrustValidator(pki.trust());

        StatusDocument doc = new StatusDocument(Fixtures.LIQUAN, id, accepted, List.of(delivered), List.of(
                new StatusDocument.Row(Fixtures.XIANYANG, true, DeliveryState.DELIVERED),
                new StatusDocument.Row(Fixtures.CHUNHUA, false, DeliveryState.ACCEPTED)));
        StatusDocument read = StatusDocument.read(doc.toXml());
        assertArrayEquals(accepted, read.accepted());
        MessageStatus status = read.verify(trust, Fixtures.LIQUAN, id, null);
        assertEquals(DeliveryState.DELIVERED, status.recipient(Fixtures.XIANYANG).orElseThrow().state());
        assertEquals(DeliveryState.ACCEPTED, status.recipient(Fixtures.CHUNHUA).orElseThrow().state());
        assertEquals(ReceiptType.DELIVERED, status.recipient(Fixtures.XIANYANG).orElseThrow().timeline().get(0).type());
        assertTrue(status.recipient(Fixtures.CHUNHUA).orElseThrow().timeline().isEmpty());

        StatusDocument overclaimed = new StatusDocument(Fixtures.LIQUAN, id, accepted, List.of(delivered), List.of(
                new StatusDocument.Row(Fixtures.XIANYANG, true, DeliveryState.SIGNED_FOR)));
        assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class,
                () -> StatusDocument.read(overclaimed.toXml()).verify(trust, Fixtures.LIQUAN, id, null)).code());
        StatusDocument foreignReceipt = new StatusDocument(Fixtures.LIQUAN, id, accepted, List.of(delivered), List.of(
                new StatusDocument.Row(Fixtures.CHUNHUA, false, DeliveryState.ACCEPTED)));
        assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class,
                () -> StatusDocument.read(foreignReceipt.toXml()).verify(trust, Fixtures.LIQUAN, id, null)).code());
        StatusDocument repeated = new StatusDocument(Fixtures.LIQUAN, id, accepted, List.of(delivered, delivered), List.of(
                new StatusDocument.Row(Fixtures.XIANYANG, true, DeliveryState.DELIVERED)));
        assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class,
                () -> StatusDocument.read(repeated.toXml()).verify(trust, Fixtures.LIQUAN, id, null)).code());

        // the recipient's own word outranks a node's: a node's EXPIRED after 签收 does not undo it
        byte[] signedFor = Receipts.sign(new ReceiptDraft(ReceiptType.SIGNED_FOR, Fixtures.XIANYANG.value(), Fixtures.LIQUAN, id,
                p.digestAlgorithm(), digest).recipient(Fixtures.XIANYANG).signedBy("王文书"), pki.xianyang.identity());
        byte[] expired = Receipts.sign(new ReceiptDraft(ReceiptType.EXPIRED, nodeId.value(), Fixtures.LIQUAN, id,
                p.digestAlgorithm(), digest).recipient(Fixtures.XIANYANG), node.identity());
        StatusDocument late = new StatusDocument(Fixtures.LIQUAN, id, accepted, List.of(delivered, signedFor, expired), List.of(
                new StatusDocument.Row(Fixtures.XIANYANG, true, DeliveryState.SIGNED_FOR)));
        assertEquals(DeliveryState.SIGNED_FOR, StatusDocument.read(late.toXml()).verify(trust, Fixtures.LIQUAN, id, null)
                .recipient(Fixtures.XIANYANG).orElseThrow().state());
        StatusDocument expiredOnly = new StatusDocument(Fixtures.LIQUAN, id, accepted, List.of(expired), List.of(
                new StatusDocument.Row(Fixtures.XIANYANG, true, DeliveryState.EXPIRED)));
        assertEquals(DeliveryState.EXPIRED, StatusDocument.read(expiredOnly.toXml()).verify(trust, Fixtures.LIQUAN, id, null)
                .recipient(Fixtures.XIANYANG).orElseThrow().state());
        assertEquals(ErrorCode.RECEIPT_NOT_BOUND, assertThrows(GongwenException.class,
                () -> read.verify(trust, Fixtures.LIQUAN, UUID.randomUUID(), null)).code());
    }
}
