package org.gongwen.internal.transport;

import static org.gongwen.internal.transport.ExchangeFixtures.GW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.internal.wire.MailboxDocument;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the mailbox and fetching: one verified pass to disk, and nothing left behind on any failure. */
class FetchTest {
    private static final SignatureProfile P = SignatureProfile.ECDSA_P256_SHA256;

    @TempDir
    Path dir;

    private Path inbox;
    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        inbox = Files.createDirectory(dir.resolve("inbox"));
        node = TestNode.https(ExchangeFixtures.nodeTls(), ExchangeFixtures.tlsCa().certificate());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private ExchangeConfig.Builder config(OrgCode org) {
        return ExchangeFixtures.config(node.uri(), org, P);
    }

    private ExchangeClient client() throws GongwenException {
        return GW.exchangeClient(config(Fixtures.XIANYANG).build());
    }

    /** Serves {@code served} for the entry's path with the given digest header. */
    private void serve(MailboxEntry entry, Path served, String header) {
        node.on("GET", Binding.mailboxEntry(entry.sender().value(), entry.messageId().toString()),
                (ex, req) -> TestNode.sendPackage(ex, served, header));
    }

    private List<Path> inboxFiles() throws IOException {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.toList();
        }
    }

    @Test
    void aGoodFetchGivesTheIdenticalBytesVerified() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 500_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        serve(entry, pkg, entry.packageSha256());
        Path target = inbox.resolve("a.gwpkg");
        long[] seen = {0};
        try (HttpExchangeClient c = HttpExchangeClient.open(config(Fixtures.XIANYANG).build(), (d, id, bytes, total) -> seen[0] = bytes)) {
            ReceivedMessage m = c.fetch(entry, target);
            assertArrayEquals(Files.readAllBytes(pkg), Files.readAllBytes(target));
            assertEquals(target, m.packageFile());
            assertEquals(entry, m.entry());
            assertEquals(ExchangeFixtures.envelope(pkg), m.verified().envelope());
            assertEquals(Fixtures.LIQUAN, m.verified().signer().organisation());
        }
        assertEquals(List.of(target), inboxFiles(), "no temporary file is left");
        assertEquals(Files.size(pkg), seen[0]);
        assertEquals(Fixtures.XIANYANG.value(), node.requests().get(0).party());
    }

    @Test
    void aWrongDigestHeaderIsRefusedAndLeavesNothing() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 50_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        serve(entry, pkg, "0".repeat(64));
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(Binding.PACKAGE_SHA256_HEADER) || e.getMessage().contains("declared"), e.getMessage());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void aMissingDigestHeaderIsRefused() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 5_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        serve(entry, pkg, null);
        try (ExchangeClient c = client()) {
            assertEquals(ErrorCode.TRANSPORT_FATAL, assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg"))).code());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void bytesThatDifferFromTheListingAreRefused() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 5_000);
        MailboxEntry real = ExchangeFixtures.entry(pkg);
        MailboxEntry listed = new MailboxEntry(real.sender(), real.messageId(), real.messageType(), real.size(), "1".repeat(64), real.arrived());
        serve(listed, pkg, real.packageSha256());
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(listed, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("mailbox listing"), e.getMessage());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void aTruncatedBodyIsTrn001AndLeavesNothing() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 400_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        byte[] all = Files.readAllBytes(pkg);
        node.on("GET", Binding.mailboxEntry(entry.sender().value(), entry.messageId().toString()), (ex, req) -> {
            ex.getResponseHeaders().set("Content-Type", Binding.PACKAGE_TYPE);
            ex.getResponseHeaders().set(Binding.PACKAGE_SHA256_HEADER, entry.packageSha256());
            ex.sendResponseHeaders(200, all.length);
            OutputStream out = ex.getResponseBody();
            out.write(all, 0, all.length / 2);
            out.flush();
            // the exchange is closed with half the promised bytes: the server drops the connection
        });
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.TRANSPORT_RETRYABLE, e.code(), e.getMessage());
            assertTrue(e.retryable());
        }
        assertEquals(List.of(), inboxFiles());
        assertEquals(1, node.requests().size());
    }

    @Test
    void aPackageLargerThanTheLimitIsLim001AndLeavesNothing() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 300_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        serve(entry, pkg, entry.packageSha256());
        try (ExchangeClient c = GW.exchangeClient(config(Fixtures.XIANYANG).limits(Limits.builder().maxPackageBytes(100_000).build()).build())) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.LIMIT_SIZE, e.code(), e.getMessage());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void aBodyThatGoesOnAfterThePackageIsRefusedWithoutReadingItAll() throws Exception {
        // a node that sends the package and then far more: the client stops after the end record,
        // and since the node sends another length than it lists, the fault is the node's (T-5.6)
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        byte[] bytes = Files.readAllBytes(pkg);
        long promised = 256L << 20;
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        node.on("GET", Binding.mailboxEntry(entry.sender().value(), entry.messageId().toString()), (ex, req) -> {
            ex.getResponseHeaders().set("Content-Type", Binding.PACKAGE_TYPE);
            ex.getResponseHeaders().set(Binding.PACKAGE_SHA256_HEADER, entry.packageSha256());
            ex.sendResponseHeaders(200, promised);
            OutputStream out = ex.getResponseBody();
            out.write(bytes);
            written.addAndGet(bytes.length);
            byte[] junk = new byte[64 * 1024];
            while (written.get() + junk.length <= promised) {
                out.write(junk);
                written.addAndGet(junk.length);
            }
        });
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(ErrorCode.PACKAGE_LAYOUT.code()), e.getMessage());
        }
        assertEquals(List.of(), inboxFiles());
        assertTrue(written.get() < promised, "the client closed the connection instead of reading " + promised + " bytes");
    }

    @Test
    void aPackageJustOverTheLimitIsLim001() throws Exception {
        // the parts fit the limit, the whole package does not: the count of bytes read catches it
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 20_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        serve(entry, pkg, entry.packageSha256());
        try (ExchangeClient c = GW.exchangeClient(config(Fixtures.XIANYANG).limits(Limits.builder().maxPackageBytes(21_000).build()).build())) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.LIMIT_SIZE, e.code(), e.getMessage());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void aTamperedPackageIsRefusedWithItsCodeAndLeavesNothing() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 300_000);
        byte[] bytes = Files.readAllBytes(pkg);
        bytes[bytes.length / 2] ^= 0x01;
        Path tampered = Files.write(dir.resolve("tampered.gwpkg"), bytes);
        MailboxEntry entry = ExchangeFixtures.entry(tampered);
        serve(entry, tampered, entry.packageSha256());
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.DIGEST_PART, e.code(), e.getMessage());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void aPackageFromAnUntrustedSignerIsRefused() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 5_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        serve(entry, pkg, entry.packageSha256());
        SignatureProfile other = SignatureProfile.ED25519;
        try (ExchangeClient c = GW.exchangeClient(config(Fixtures.XIANYANG).trust(Fixtures.pki(other).trust())
                .signingIdentity(ExchangeFixtures.signer(other, Fixtures.XIANYANG).identity()).build())) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg")));
            assertTrue(e.code() == ErrorCode.TRUST_PATH || e.code() == ErrorCode.ALGORITHM_NOT_ALLOWED, e.getMessage());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 5_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        serve(entry, pkg, entry.packageSha256());
        Path target = Files.writeString(inbox.resolve("a.gwpkg"), "mine");
        try (ExchangeClient c = client()) {
            assertEquals(ErrorCode.LOCAL_IO, assertThrows(GongwenException.class, () -> c.fetch(entry, target)).code());
        }
        assertEquals("mine", Files.readString(target));
        assertEquals(List.of(target), inboxFiles());
        assertTrue(node.requests().isEmpty());
    }

    @Test
    void aPackageThatIsNotTheEntrysMessageIsMsg004() throws Exception {
        Path a = ExchangeFixtures.pack(dir, "a", P, 5_000);
        Path b = ExchangeFixtures.pack(dir, "b", P, 5_000);
        MailboxEntry ea = ExchangeFixtures.entry(a);
        MailboxEntry eb = ExchangeFixtures.entry(b);
        MailboxEntry mixed = new MailboxEntry(ea.sender(), ea.messageId(), ea.messageType(), eb.size(), eb.packageSha256(), ea.arrived());
        serve(mixed, b, eb.packageSha256());
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(mixed, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.RECEIPT_NOT_BOUND, e.code(), e.getMessage());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void aPackageNotAddressedToThisOrganisationIsAut002() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 5_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        serve(entry, pkg, entry.packageSha256());
        try (ExchangeClient c = GW.exchangeClient(config(Fixtures.BINZHOU).build())) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg")));
            assertEquals(ErrorCode.AUTH_FORBIDDEN, e.code(), e.getMessage());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void anEntryTheNodeDoesNotKnowIsMsg003() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 5_000);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        node.on("GET", Binding.mailboxEntry(entry.sender().value(), entry.messageId().toString()), (ex, req) ->
                TestNode.send(ex, 404, Binding.ERROR_TYPE, new ErrorDocument(ErrorCode.MESSAGE_UNKNOWN, "not in your mailbox").toXml()));
        try (ExchangeClient c = client()) {
            assertEquals(ErrorCode.MESSAGE_UNKNOWN, assertThrows(GongwenException.class, () -> c.fetch(entry, inbox.resolve("a.gwpkg"))).code());
        }
        assertEquals(List.of(), inboxFiles());
    }

    @Test
    void theMailboxListsEntriesAndCapsTheWait() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 5_000);
        List<MailboxEntry> listed = List.of(ExchangeFixtures.entry(pkg),
                new MailboxEntry(Fixtures.CHUNHUA, java.util.UUID.randomUUID(), MessageType.DOCUMENT, 123, "a".repeat(64), Instant.parse("2026-11-26T10:15:30.123Z")));
        node.on("GET", Binding.MAILBOX, (ex, req) -> {
            try {
                TestNode.send(ex, 200, Binding.MAILBOX_TYPE, MailboxDocument.write(listed));
            } catch (GongwenException e) {
                throw new IOException(e);
            }
        });
        try (ExchangeClient c = client()) {
            assertEquals(listed, c.mailbox(Duration.ofSeconds(5)));
            c.mailbox(Duration.ofMinutes(10));
            c.mailbox(Duration.ofMillis(-5));
        }
        try (ExchangeClient c = GW.exchangeClient(config(Fixtures.XIANYANG).maxPollWait(Duration.ofMinutes(5)).build())) {
            c.mailbox(Duration.ofMinutes(10));
        }
        assertEquals(List.of("wait=5", "wait=30", "wait=0", "wait=60"), node.requests().stream().map(TestNode.Request::query).toList());
    }

    @Test
    void aMalformedListingIsRefused() throws Exception {
        node.on("GET", Binding.MAILBOX, (ex, req) -> TestNode.send(ex, 200, Binding.MAILBOX_TYPE,
                "<Mailbox xmlns=\"urn:gongwen:exchange:1.0\"><Entry><Sender>bad</Sender></Entry></Mailbox>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.mailbox(Duration.ZERO));
            assertFalse(e.retryable());
            assertEquals(ErrorCode.SCHEMA_VIOLATION, e.code(), e.getMessage());
        }
    }
}
