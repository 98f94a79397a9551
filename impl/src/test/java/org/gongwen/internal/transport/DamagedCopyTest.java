package org.gongwen.internal.transport;

import static org.gongwen.internal.transport.ExchangeFixtures.GW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.MailboxDocument;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose stored copy of a message was damaged after it took it (T-5.5, T-5.6): the package
 * no longer verifies, but its bytes are not the ones the node vouches for in its header and
 * listing, so the failure is the node's (TRN-002), no REJECTED receipt is posted, and the entry
 * stays listed to be fetched again.
 */
class DamagedCopyTest {
    private static final SignatureProfile P = SignatureProfile.ECDSA_P256_SHA256;

    @TempDir
    Path dir;

    private Path inbox;
    private TestNode node;
    private Path damaged;
    private MailboxEntry entry;

    @BeforeEach
    void start() throws Exception {
        inbox = Files.createDirectory(dir.resolve("inbox"));
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 40_000);
        entry = ExchangeFixtures.entry(pkg);
        byte[] b = Files.readAllBytes(pkg);
        b[b.length / 2] ^= 0x01;
        damaged = Files.write(dir.resolve("damaged.gwpkg"), b);
        node = TestNode.https(ExchangeFixtures.nodeTls(), ExchangeFixtures.tlsCa().certificate());
        node.on("GET", Binding.MAILBOX, (ex, req) -> {
            try {
                TestNode.send(ex, 200, Binding.MAILBOX_TYPE, MailboxDocument.write(List.of(entry)));
            } catch (GongwenException e) {
                throw new IOException(e);
            }
        });
        node.on("POST", Binding.RECEIPTS, (ex, req) -> TestNode.send(ex, 201, Binding.RECEIPT_TYPE, req.body()));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private void serve(String sha256Header) {
        node.on("GET", Binding.mailboxEntry(entry.sender().value(), entry.messageId().toString()),
                (ex, req) -> TestNode.sendPackage(ex, damaged, sha256Header));
    }

    private List<Path> inboxFiles() throws IOException {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.toList();
        }
    }

    @Test
    void aDamagedCopyIsTheNodesFaultAndIsNotRejected() throws Exception {
        serve(entry.packageSha256());
        List<MailboxEntry> handled = new ArrayList<>();
        ReceiveResult result;
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).build())) {
            result = c.receive(inbox, Duration.ZERO, m -> handled.add(m.entry()));
        }
        assertEquals(List.of(), handled);
        assertEquals(List.of(), result.rejected(), "no REJECTED for a message the node damaged");
        assertEquals(1, result.handlerFailures().size());
        GongwenException e = assertInstanceOf(GongwenException.class, result.handlerFailures().get(0).error());
        assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("stays listed") && e.getMessage().contains(ErrorCode.DIGEST_PART.code()), e.getMessage());
        assertEquals(0, node.count("POST", Binding.RECEIPTS), "no receipt was posted");
        assertEquals(List.of(), inboxFiles(), "nothing is kept");
    }

    @Test
    void aNodeThatVouchesForTheDamagedBytesInOnlyOnePlaceIsStillAtFault() throws Exception {
        serve(ExchangeFixtures.sha256(damaged));
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).build())) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
            ReceiveResult r = c.receive(inbox, Duration.ZERO, m -> { });
            assertEquals(List.of(), r.rejected());
        }
        assertEquals(0, node.count("POST", Binding.RECEIPTS));
        assertEquals(List.of(), inboxFiles());
    }
}
