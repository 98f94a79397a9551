package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.SHAANXI_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.internal.wire.ReceiptDraft;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.StatusDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child node that answers relays wrongly, played by a small HTTP server holding the child's
 * real signing key: a RELAYED receipt that names other recipients or another FromNode than what
 * was handed over is a failed attempt (T-6.3), and what the child writes in its error documents
 * reaches the city node's log and queue only with its control characters escaped.
 */
class MisbehavingPeerTest {
    private final String db = "jdbc:h2:mem:misbehaving-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;
    DevPlatform dev;
    HttpServer child;
    PlatformNode city;

    /** How the child answers its n-th relay (from 1). */
    interface Answer {
        void send(HttpExchange ex, int n, byte[] body) throws Exception;
    }

    @BeforeEach
    void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519);
        child = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        child.start();
        city = PlatformNode.start(NodeConfig.builder().node(XIANYANG_NODE, "咸阳 (plain)").signingIdentity(dev.nodeSigningIdentity(XIANYANG_NODE))
                .plainHttp().trust(dev.trustPolicy()).storageDirectory(dir.resolve("city")).database(db, "", "").directory(dev.directory())
                .child(LIQUAN_NODE, URI.create("http://127.0.0.1:" + child.getAddress().getPort() + "/"))
                .relayRetry(Duration.ofMillis(50), Duration.ofMillis(200)).build());
    }

    @AfterEach
    void stop() {
        city.close();
        child.stop(0);
        dev.close();
    }

    private void answer(Answer a) {
        AtomicInteger n = new AtomicInteger();
        child.createContext(Binding.RELAY_MESSAGES, ex -> {
            try (InputStream in = ex.getRequestBody()) {
                a.send(ex, n.incrementAndGet(), in.readAllBytes());
            } catch (Exception e) {
                ex.sendResponseHeaders(500, -1);
            } finally {
                ex.close();
            }
        });
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] relayed(VerifiedPackage v, List<OrgCode> recipients, Consumer<ReceiptDraft> extra) throws Exception {
        ReceiptDraft d = new ReceiptDraft(ReceiptType.RELAYED, LIQUAN_NODE.value(), XIANYANG, Samples.id(v),
                v.signer().profile().digestAlgorithm(), Receipts.signatureDigest(v.signer().profile(), v.signatureValue()))
                .receiptId(UUID.randomUUID()).recipients(recipients);
        extra.accept(d);
        return Receipts.sign(d, dev.nodeSigningIdentity(LIQUAN_NODE));
    }

    @Test
    void aRelayedReceiptMustNameWhatWasHandedOver() throws Exception {
        Path sent = Samples.pkg(dir, dev, XIANYANG, List.of(LIQUAN), List.of(), 1_000);
        VerifiedPackage v = Samples.verify(dev, sent);
        byte[] wrongNode = relayed(v, List.of(LIQUAN), d -> d.fromNode(SHAANXI_NODE.value()));
        byte[] otherRecipient = relayed(v, List.of(DevPlatform.CHUNHUA), d -> d.fromNode(XIANYANG_NODE.value()));
        byte[] wrongRecipients = relayed(v, List.of(LIQUAN, DevPlatform.CHUNHUA), d -> d.fromNode(XIANYANG_NODE.value()));
        byte[] right = relayed(v, List.of(LIQUAN), d -> d.fromNode(XIANYANG_NODE.value()));
        List<byte[]> answers = List.of(wrongNode, otherRecipient, wrongRecipients, right);
        answer((ex, n, body) -> send(ex, 201, Binding.RECEIPT_TYPE, answers.get(Math.min(n, answers.size()) - 1)));

        NodeClient sender = NodeClient.plain(city.uri(), XIANYANG.value());
        assertEquals(201, sender.submit(sent).status());
        assertTrue(city.awaitRelays(Duration.ofSeconds(30)), "the relay ended");

        NodeClient.Resp st = sender.status(Samples.id(v));
        MessageStatus s = StatusDocument.read(st.body()).verify(new TrustValidator(dev.trustPolicy()), XIANYANG, Samples.id(v),
                Receipts.signatureDigest(v.signer().profile(), v.signatureValue()));
        List<Receipt> timeline = s.recipients().get(0).timeline();
        assertEquals(1, timeline.size(), timeline::toString);
        assertEquals(Receipts.verify(right, new TrustValidator(dev.trustPolicy())).receiptId(), timeline.get(0).receiptId());
    }

    @Test
    void controlCharactersFromAPeerAreEscapedBeforeTheyAreLoggedOrKept() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        answer((ex, n, body) -> {
            send(ex, 503, Binding.ERROR_TYPE, new ErrorDocument(ErrorCode.TRANSPORT_RETRYABLE,
                    "busy\r\n[main] INFO org.gongwen - relay of everything succeeded\u2028\u202e").toXml());
            twice.countDown();
        });
        Path sent = Samples.pkg(dir, dev, XIANYANG, List.of(LIQUAN), List.of(), 1_000);
        assertEquals(201, NodeClient.plain(city.uri(), XIANYANG.value()).submit(sent).status());
        assertTrue(twice.await(30, TimeUnit.SECONDS), "the relay was tried twice");

        try (Connection c = DriverManager.getConnection(db, "", ""); Statement q = c.createStatement();
                ResultSet rs = q.executeQuery("SELECT last_error FROM gw_relay")) {
            assertTrue(rs.next());
            String kept = rs.getString(1);
            assertTrue(kept.contains("busy\\r\\n[main] INFO"), kept);
            assertFalse(kept.chars().anyMatch(ch -> Character.isISOControl(ch) || ch == 0x2028 || ch == 0x202e), kept);
        }
    }
}
