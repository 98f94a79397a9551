package org.gongwen.internal.transport;

import static org.gongwen.internal.transport.ExchangeFixtures.GW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refusals and failures of the connection: error documents become their codes, anything else a
 * transport code by status, an unreachable node TRN-001, a TLS failure TRN-002; and every call
 * is exactly one request.
 */
class TransportFailureTest {
    private static final SignatureProfile P = SignatureProfile.ECDSA_P256_SHA256;

    @TempDir
    Path dir;

    private TestNode node;

    @BeforeEach
    void start() throws Exception {
        node = TestNode.https(ExchangeFixtures.nodeTls(), ExchangeFixtures.tlsCa().certificate());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private ExchangeClient client() throws GongwenException {
        return GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, P).build());
    }

    @org.junit.jupiter.api.Test
    void requestsReuseOnePooledConnection() throws Exception {
        byte[] empty = org.gongwen.internal.wire.MailboxDocument.write(java.util.List.of());
        node.on("GET", Binding.MAILBOX, (ex, req) -> TestNode.send(ex, 200, Binding.MAILBOX_TYPE, empty));
        try (ExchangeClient c = client()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(java.util.List.of(), c.mailbox(java.time.Duration.ZERO));
            }
        }
        assertEquals(5, node.count("GET", Binding.MAILBOX));
        assertEquals(1, node.connections().size(), "five requests of one client share one TLS connection: " + node.connections());
    }

    @ParameterizedTest
    @CsvSource({
        "MSG-002, 409",
        "RTE-001, 422",
        "SIG-003, 422",
        "AUT-002, 403",
        "AUT-001, 401",
        "LIM-001, 413",
        "RTE-002, 503",
        "TRU-006, 503",
        "TRN-001, 500",
    })
    void anErrorDocumentBecomesItsCodeAndRetryFlag(String code, int status) throws Exception {
        ErrorCode expected = ErrorCode.fromCode(code).orElseThrow();
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        node.on("POST", Binding.MESSAGES, (ex, req) -> TestNode.send(ex, status, Binding.ERROR_TYPE,
                new ErrorDocument(expected, "refused by the test node").toXml()));
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.send(pkg));
            assertEquals(expected, e.code(), e.getMessage());
            assertEquals(expected.retryable(), e.retryable());
            assertTrue(e.getMessage().contains("refused by the test node"), e.getMessage());
            assertTrue(e.getMessage().contains(node.uri().toString().replaceAll("/$", "")), e.getMessage());
        }
        assertEquals(1, node.count("POST", Binding.MESSAGES), "exactly one request, however retryable the answer");
    }

    @ParameterizedTest
    @CsvSource({
        "XYZ-999, false, 422",
        "MSG-002, true, 409",
        "RTE-002, false, 503",
    })
    void anUnknownCodeOrAWrongRetryFlagIsTrn002(String code, boolean retryable, int status) throws Exception {
        byte[] doc = ("<Error xmlns=\"urn:gongwen:exchange:1.0\"><Code>" + code + "</Code><Retryable>" + retryable
                + "</Retryable><Message>odd</Message></Error>").getBytes(StandardCharsets.UTF_8);
        node.on("GET", Binding.DIRECTORY, (ex, req) -> TestNode.send(ex, status, Binding.ERROR_TYPE, doc));
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, c::directory);
            assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(code), e.getMessage());
        }
    }

    @Test
    void aRetryFlagWrittenAsOneIsRead() throws Exception {
        byte[] doc = "<Error xmlns=\"urn:gongwen:exchange:1.0\"><Code>RTE-002</Code><Retryable>1</Retryable><Message>later</Message></Error>"
                .getBytes(StandardCharsets.UTF_8);
        node.on("GET", Binding.DIRECTORY, (ex, req) -> TestNode.send(ex, 503, Binding.ERROR_TYPE, doc));
        try (ExchangeClient c = client()) {
            assertEquals(ErrorCode.ROUTING_UNREACHABLE, assertThrows(GongwenException.class, c::directory).code());
        }
    }

    @Test
    void a503WithoutAnErrorDocumentIsRetryableAndNamesRetryAfter() throws Exception {
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        node.on("POST", Binding.MESSAGES, (ex, req) -> {
            ex.getResponseHeaders().set("Retry-After", "30");
            TestNode.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
        });
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.send(pkg));
            assertEquals(ErrorCode.TRANSPORT_RETRYABLE, e.code(), e.getMessage());
            assertTrue(e.retryable());
            assertTrue(e.getMessage().contains("retry after 30 s"), e.getMessage());
        }
        assertEquals(1, node.count("POST", Binding.MESSAGES));
    }

    @ParameterizedTest
    @CsvSource({"404, TRN-002", "400, TRN-002", "302, TRN-002", "500, TRN-001", "502, TRN-001"})
    void aStatusWithoutAnErrorDocumentIsATransportCode(int status, String code) throws Exception {
        node.on("GET", Binding.DIRECTORY, (ex, req) -> {
            ex.getResponseHeaders().set("Location", "https://elsewhere.example/");
            TestNode.send(ex, status, "text/html", "<html>no</html>".getBytes(StandardCharsets.UTF_8));
        });
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, c::directory);
            assertEquals(code, e.code().code(), e.getMessage());
            assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
        }
        assertEquals(1, node.count("GET", Binding.DIRECTORY), "no redirect followed, no retry");
    }

    @Test
    void aMalformedErrorDocumentIsATransportCode() throws Exception {
        node.on("GET", Binding.DIRECTORY, (ex, req) -> TestNode.send(ex, 422, Binding.ERROR_TYPE,
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Error>&e;</Error>".getBytes(StandardCharsets.UTF_8)));
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, c::directory);
            assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
            assertFalse(e.getMessage().contains("root:"), "the entity was never resolved");
        }
    }

    @Test
    void aConnectionClosedWithoutAnswerIsTrn001AndNotRetried() throws Exception {
        // a GET is idempotent: a client with retries on would try it again
        node.on("GET", Binding.MAILBOX, (ex, req) -> ex.close());
        try (ExchangeClient c = client()) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.mailbox(Duration.ZERO));
            assertEquals(ErrorCode.TRANSPORT_RETRYABLE, e.code(), e.getMessage());
        }
        assertEquals(1, node.count("GET", Binding.MAILBOX));
    }

    @Test
    void aRefusedConnectionIsTrn001NamingTheNode() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI gone = URI.create("https://127.0.0.1:" + port + "/");
        Path pkg = ExchangeFixtures.pack(dir, "a", P, 1000);
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(gone, Fixtures.LIQUAN, P).build())) {
            GongwenException e = assertThrows(GongwenException.class, () -> c.send(pkg));
            assertEquals(ErrorCode.TRANSPORT_RETRYABLE, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
            assertTrue(e.getMessage().contains("POST " + Binding.MESSAGES), e.getMessage());
        }
    }

    @Test
    void aServerCertificateFromAnUnknownAuthorityIsRefusedBeforeAnyRequest() throws Exception {
        DevPki.Issued impostor = ExchangeFixtures.otherTlsCa().issueTls(ExchangeFixtures.NODE.value(), "冒充的节点");
        try (TestNode fake = TestNode.https(impostor, ExchangeFixtures.tlsCa().certificate());
                ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(fake.uri(), Fixtures.LIQUAN, P).build())) {
            fake.on("GET", Binding.DIRECTORY, (ex, req) -> TestNode.send(ex, 200, Binding.DIRECTORY_TYPE, new byte[0]));
            GongwenException e = assertThrows(GongwenException.class, c::directory);
            assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("TLS"), e.getMessage());
            assertTrue(fake.requests().isEmpty(), "nothing was sent to the impostor");
        }
    }

    @Test
    void aClientCertificateTheNodeDoesNotTrustEndsTheConnectionBeforeAnyRequest() throws Exception {
        // this node refuses in the TLS handshake; under TLS 1.3 the client may only see the connection close (TRN-001)
        DevPki.Issued foreign = ExchangeFixtures.otherTlsCa().issueTls(Fixtures.LIQUAN.value(), "礼泉县 (other CA)");
        try (ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, P)
                .tlsIdentity(foreign.keys().getPrivate(), List.of(foreign.certificate())).build())) {
            node.on("GET", Binding.DIRECTORY, (ex, req) -> TestNode.send(ex, 200, Binding.DIRECTORY_TYPE, new byte[0]));
            GongwenException e = assertThrows(GongwenException.class, c::directory);
            assertTrue(e.code().family() == org.gongwen.api.ErrorFamily.TRANSPORT, e.getMessage());
        }
        assertTrue(node.requests().isEmpty());
    }

    @Test
    void theHostNameIsVerified() throws Exception {
        // the development TLS certificates name localhost and 127.0.0.1 only; 127.0.0.2 is loopback on Linux
        InetAddress other = InetAddress.getByName("127.0.0.2");
        TestNode elsewhere;
        try {
            elsewhere = TestNode.https(ExchangeFixtures.nodeTls(), ExchangeFixtures.tlsCa().certificate(), other);
        } catch (java.net.BindException e) {
            org.junit.jupiter.api.Assumptions.abort("127.0.0.2 is not a local address on this system: " + e.getMessage());
            return;
        }
        try (elsewhere; ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(elsewhere.uri(), Fixtures.LIQUAN, P).build())) {
            elsewhere.on("GET", Binding.DIRECTORY, (ex, req) -> TestNode.send(ex, 200, Binding.DIRECTORY_TYPE, new byte[0]));
            GongwenException e = assertThrows(GongwenException.class, c::directory);
            assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
            assertTrue(elsewhere.requests().isEmpty());
        }
    }

    @Test
    void aTlsCertificateOfAnotherOrganisationIsRefusedWhenTheClientIsBuilt() {
        DevPki.Issued other = ExchangeFixtures.tls(Fixtures.XIANYANG.value());
        GongwenException e = assertThrows(GongwenException.class, () -> GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, P)
                .tlsIdentity(other.keys().getPrivate(), List.of(other.certificate())).build()));
        assertEquals(ErrorCode.LOCAL_ARGUMENT, e.code(), e.getMessage());
    }

    @Test
    void aSigningCertificateOfANodeCannotActAsAnOrganisation() {
        GongwenException e = assertThrows(GongwenException.class, () -> GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, P)
                .signingIdentity(ExchangeFixtures.nodeSigner(P).identity()).build()));
        assertEquals(ErrorCode.LOCAL_ARGUMENT, e.code(), e.getMessage());
    }

    @Test
    void aClosedClientSaysSo() throws Exception {
        ExchangeClient c = client();
        c.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, c::directory);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertTrue(node.requests().isEmpty());
    }
}
