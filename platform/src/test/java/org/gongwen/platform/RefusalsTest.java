package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.BINZHOU;
import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.SHAANXI_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.ErrorFamily;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.pkg.RawPackage;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.MailboxDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Refused submissions leave nothing behind (T-4.4), callers act only for themselves (T-2.3), and
 * every refusal is an error document with its status (T-3.4). One 咸阳 node with a 64 KiB package
 * limit and an in-memory database the test can read.
 */
class RefusalsTest {
    private static final long LIMIT = 64 * 1024;
    private static final String DB = "jdbc:h2:mem:refusals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @TempDir
    static Path dir;
    static DevPlatform dev;
    static PlatformNode node;
    static NodeClient xianyang;

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ECDSA_P256_SHA256);
        DevPlatform.TlsIdentity tls = dev.nodeTlsIdentity(XIANYANG_NODE);
        node = PlatformNode.start(NodeConfig.builder().node(XIANYANG_NODE, "咸阳 (refusals)")
                .signingIdentity(dev.nodeSigningIdentity(XIANYANG_NODE)).tlsIdentity(tls.key(), tls.chain())
                .tlsTrustAnchors(dev.tlsTrustAnchors()).trust(dev.trustPolicy())
                .limits(Limits.builder().maxPackageBytes(LIMIT).build()).storageDirectory(dir.resolve("node"))
                .database(DB, "", "").directory(dev.directory())
                .parent(SHAANXI_NODE, null).child(LIQUAN_NODE, null).build());
        xianyang = NodeClient.of(node.uri(), dev, dev.tlsIdentity(XIANYANG));
    }

    @AfterAll
    static void stop() {
        node.close();
        dev.close();
    }

    @AfterEach
    void nothingStored() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("node").resolve("packages"))) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "no package file");
        }
        try (Stream<Path> files = Files.list(dir.resolve("node").resolve("tmp"))) {
            assertEquals(List.of(), files.toList(), "no temporary file");
        }
        try (Connection c = DriverManager.getConnection(DB, "", ""); Statement s = c.createStatement()) {
            for (String table : List.of("gw_message", "gw_recipient", "gw_mailbox", "gw_receipt", "gw_relay")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "rows in " + table);
                }
            }
        }
        for (OrgCode org : List.of(CHUNHUA, BINZHOU)) {
            NodeClient c = NodeClient.of(node.uri(), dev, dev.tlsIdentity(org));
            assertEquals(List.of(), MailboxDocument.read(c.mailbox(0).body()), "nothing listed for " + org);
        }
    }

    private static Path pkg(long size) throws Exception {
        return Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(BINZHOU), size);
    }

    private static void refused(NodeClient.Resp r, int status, ErrorCode code) throws Exception {
        assertEquals(status, r.status(), r::toString);
        assertEquals(code, r.error(), r::toString);
    }

    @Test
    void tamperedPart() throws Exception {
        RawPackage raw = RawPackage.read(pkg(1_000));
        raw.entry("正文.pdf").data[10] ^= 1;
        refused(xianyang.submit(raw.toBytes()), 422, ErrorCode.DIGEST_PART);
    }

    @Test
    void untrustedSigner() throws Exception {
        DevPki.Authority other = DevPki.newAuthority(SignatureProfile.ECDSA_P256_SHA256, "Other CA");
        Path p = Samples.pkg(dir, other.issue(XIANYANG, "咸阳市人民政府办公室").identity(),
                Header.builder().sender(XIANYANG).to(CHUNHUA).build(), 1_000);
        refused(xianyang.submit(p), 422, ErrorCode.TRUST_PATH);
    }

    @Test
    void classifiedDocument() throws Exception {
        RawPackage raw = RawPackage.read(pkg(1_000));
        Document env = raw.envelope();
        Element copy = RawPackage.element(env, "CopyNumber");
        Element cls = env.createElementNS(copy.getNamespaceURI(), "Classification");
        cls.setAttribute("level", "SECRET");
        copy.getParentNode().insertBefore(cls, copy.getNextSibling());
        raw.resign(env, dev.signingIdentity(XIANYANG));
        refused(xianyang.submit(raw.toBytes()), 422, ErrorCode.CLASSIFIED_DOCUMENT);
    }

    @Test
    void oversizedBody() throws Exception {
        refused(xianyang.submit(pkg(LIMIT + 1)), 413, ErrorCode.LIMIT_SIZE);
    }

    @Test
    void oversizedBodyWithoutLength() throws Exception {
        byte[] body = Files.readAllBytes(pkg(LIMIT + 1));
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
        refused(xianyang.post(Binding.MESSAGES, Binding.PACKAGE_TYPE, chunked), 413, ErrorCode.LIMIT_SIZE);
    }

    @Test
    void unknownRecipient() throws Exception {
        String first17 = "11610402MB0000001";
        OrgCode stranger = OrgCode.of(first17 + OrgCode.checkCharacter(first17));
        Path p = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA, stranger), List.of(), 1_000);
        refused(xianyang.submit(p), 422, ErrorCode.ROUTING_UNKNOWN_RECIPIENT);
    }

    @Test
    void expiredMessage() throws Exception {
        Instant now = Instant.now();
        Path p = Samples.pkg(dir, dev.signingIdentity(XIANYANG), Header.builder().sender(XIANYANG).to(CHUNHUA)
                .created(now.minusSeconds(7200)).expires(now.minusSeconds(3600)).build(), 1_000);
        refused(xianyang.submit(p), 422, ErrorCode.MESSAGE_EXPIRED);
    }

    @Test
    void notAZipAndMalformed() throws Exception {
        NodeClient.Resp text = xianyang.submit("这不是一个公文包".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, text.status(), text::toString);
        assertEquals(ErrorFamily.PACKAGE, text.error().family());
        byte[] noise = new byte[5_000];
        new Random(7).nextBytes(noise);
        NodeClient.Resp random = xianyang.submit(noise);
        assertEquals(422, random.status());
        assertEquals(ErrorFamily.PACKAGE, random.error().family());
        byte[] good = Files.readAllBytes(pkg(1_000));
        NodeClient.Resp truncated = xianyang.submit(java.util.Arrays.copyOf(good, good.length - 10));
        assertEquals(422, truncated.status());
        assertEquals(ErrorFamily.PACKAGE, truncated.error().family());
        NodeClient.Resp trailing = xianyang.submit(java.util.Arrays.copyOf(good, good.length + 1));
        refused(trailing, 422, ErrorCode.PACKAGE_LAYOUT);
    }

    @Test
    void impersonationIsForbidden() throws Exception {
        Path p = Samples.pkg(dir, dev, CHUNHUA, List.of(BINZHOU), List.of(), 1_000);
        refused(xianyang.submit(p), 403, ErrorCode.AUTH_FORBIDDEN);
    }

    @Test
    void callersWithoutAUsableCertificate() throws Exception {
        refused(NodeClient.anonymous(node.uri(), dev.tlsTrustAnchors()).mailbox(0), 401, ErrorCode.AUTH_UNAUTHENTICATED);
        DevPki.Authority other = DevPki.newAuthority(SignatureProfile.ECDSA_P256_SHA256, "Other TLS CA");
        DevPki.Issued foreign = other.issueTls(CHUNHUA.value(), "淳化县人民政府办公室");
        NodeClient c = NodeClient.of(node.uri(), dev, new DevPlatform.TlsIdentity(foreign.keys().getPrivate(), List.of(foreign.certificate())));
        refused(c.mailbox(0), 401, ErrorCode.AUTH_UNAUTHENTICATED);
        refused(c.submit(pkg(1_000)), 401, ErrorCode.AUTH_UNAUTHENTICATED);
    }

    @Test
    void rolesAreKeptApart() throws Exception {
        NodeClient child = NodeClient.of(node.uri(), dev, dev.nodeTlsIdentity(LIQUAN_NODE));
        refused(child.submit(pkg(1_000)), 403, ErrorCode.AUTH_FORBIDDEN);
        refused(child.mailbox(0), 403, ErrorCode.AUTH_FORBIDDEN);
        NodeClient.Resp relayByOrg = xianyang.post(Binding.RELAY_MESSAGES, Binding.PACKAGE_TYPE, HttpRequest.BodyPublishers.ofFile(pkg(1_000)));
        refused(relayByOrg, 403, ErrorCode.AUTH_FORBIDDEN);
        NodeClient liquan = NodeClient.of(node.uri(), dev, dev.tlsIdentity(LIQUAN));
        refused(liquan.mailbox(0), 403, ErrorCode.AUTH_FORBIDDEN);
    }

    @Test
    void pathsMethodsAndMediaTypes() throws Exception {
        refused(xianyang.get("/gongwen/v1/nothing"), 404, ErrorCode.TRANSPORT_FATAL);
        refused(xianyang.get("/other"), 404, ErrorCode.TRANSPORT_FATAL);
        refused(xianyang.get(Binding.MESSAGES), 405, ErrorCode.TRANSPORT_FATAL);
        refused(xianyang.post(Binding.MESSAGES, "application/zip", HttpRequest.BodyPublishers.ofFile(pkg(1_000))), 415, ErrorCode.TRANSPORT_FATAL);
        refused(xianyang.post(Binding.RECEIPTS, Binding.PACKAGE_TYPE, HttpRequest.BodyPublishers.ofString("x")), 415, ErrorCode.TRANSPORT_FATAL);
        refused(xianyang.get(Binding.MAILBOX + "?wait=soon"), 400, ErrorCode.TRANSPORT_FATAL);
        refused(xianyang.status(UUID.randomUUID()), 404, ErrorCode.MESSAGE_UNKNOWN);
        refused(xianyang.get(Binding.status("not-a-uuid")), 404, ErrorCode.MESSAGE_UNKNOWN);
    }

    @Test
    void mailboxesAreIsolated() throws Exception {
        Path p = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 1_000);
        VerifiedPackage v = Samples.verify(dev, p);
        UUID id = Samples.id(v);
        NodeClient chunhua = NodeClient.of(node.uri(), dev, dev.tlsIdentity(CHUNHUA));
        NodeClient binzhou = NodeClient.of(node.uri(), dev, dev.tlsIdentity(BINZHOU));
        try {
            assertEquals(201, xianyang.submit(p).status());
            assertEquals(List.of(id), MailboxDocument.read(chunhua.mailbox(0).body()).stream().map(MailboxEntry::messageId).toList());
            assertEquals(List.of(), MailboxDocument.read(binzhou.mailbox(0).body()));
            refused(binzhou.fetch(XIANYANG, id), 404, ErrorCode.MESSAGE_UNKNOWN);
            refused(binzhou.receipt(Samples.receipt(dev, BINZHOU, ReceiptType.DELIVERED, v)), 404, ErrorCode.MESSAGE_UNKNOWN);
            refused(binzhou.receipt(Samples.receipt(dev, CHUNHUA, ReceiptType.DELIVERED, v)), 403, ErrorCode.AUTH_FORBIDDEN);
            refused(binzhou.status(id), 404, ErrorCode.MESSAGE_UNKNOWN);
            assertEquals(200, chunhua.fetch(XIANYANG, id).status());
            assertEquals(List.of(id), MailboxDocument.read(chunhua.mailbox(0).body()).stream().map(MailboxEntry::messageId).toList(),
                    "the refused acknowledgements changed nothing");
        } finally {
            clear();
        }
    }

    /** Empties the node after a test that stores on purpose, so that the check after each test holds. */
    private static void clear() throws Exception {
        try (Connection c = DriverManager.getConnection(DB, "", ""); Statement s = c.createStatement()) {
            for (String table : List.of("gw_message", "gw_recipient", "gw_mailbox", "gw_receipt", "gw_relay")) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        try (Stream<Path> files = Files.walk(dir.resolve("node").resolve("packages"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
