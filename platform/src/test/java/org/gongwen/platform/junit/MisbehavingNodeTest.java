package org.gongwen.platform.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.gongwen.api.Gongwen;
import org.gongwen.conformance.platform.Outcome;
import org.gongwen.conformance.platform.PlatformSuite;
import org.gongwen.conformance.platform.ScenarioResult;
import org.gongwen.conformance.platform.SuiteListener;
import org.gongwen.conformance.platform.SuiteResult;
import org.gongwen.conformance.platform.TesterProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.platform.DevPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suite can fail: against an HTTPS server with a genuine node certificate that takes every
 * package (HTTP 201) and answers every other request with an empty HTTP 200, the refusal scenarios
 * fail and report the expected and the observed outcome; the scenarios whose precondition the
 * profile lacks are skipped, not passed.
 */
@GongwenPlatform
class MisbehavingNodeTest {
    private final DevPlatform dev;
    private HttpsServer fake;
    private URI fakeUri;

    MisbehavingNodeTest(DevPlatform dev) {
        this.dev = dev;
    }

    @BeforeEach
    void startFake() throws Exception {
        DevPlatform.TlsIdentity id = dev.nodeTlsIdentity(DevPlatform.XIANYANG_NODE);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("node", id.key(), "pw".toCharArray(), id.chain().toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        fake = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.setHttpsConfigurator(new HttpsConfigurator(ctx));
        fake.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            boolean post = exchange.getRequestMethod().equals("POST");
            exchange.getResponseHeaders().add("Content-Type", post ? Binding.RECEIPT_TYPE : "text/plain");
            exchange.sendResponseHeaders(post ? 201 : 200, -1);
            exchange.close();
        });
        fake.start();
        fakeUri = URI.create("https://127.0.0.1:" + fake.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopFake() {
        fake.stop(0);
    }

    @Test
    void aNodeThatTakesEverythingFailsTheRefusalsWithExpectedAndObserved() throws Exception {
        TesterProfile profile = TesterProfile.builder().node(fakeUri)
                .tester(DevPlatform.XIANYANG, dev.clientConfig(DevPlatform.XIANYANG).toBuilder().node(fakeUri).build())
                .tester(DevPlatform.CHUNHUA, dev.clientConfig(DevPlatform.CHUNHUA).toBuilder().node(fakeUri).build()).build();
        SuiteResult result = PlatformSuite.run(Gongwen.load(), profile, SuiteListener.NONE);
        Map<String, ScenarioResult> byId = result.results().stream().collect(Collectors.toMap(ScenarioResult::id, Function.identity()));

        ScenarioResult tampered = byId.get("tampered-part");
        assertEquals(Outcome.FAILED, tampered.outcome(), tampered::toString);
        assertTrue(tampered.expected().startsWith("HTTP 422 DIG-001"), tampered.expected());
        assertTrue(tampered.observed().startsWith("HTTP 201 " + Binding.RECEIPT_TYPE), tampered.observed());
        for (String id : new String[] {"submit-valid", "resubmit-same-bytes", "conflict-same-id", "accepted-receipt-bound", "unsigned",
                "untrusted-signer", "wrongly-bound-signer", "expired", "classified", "malformed", "unknown-recipient",
                "sender-impersonation", "mailbox-isolation", "per-recipient-status"}) {
            assertEquals(Outcome.FAILED, byId.get(id).outcome(), () -> byId.get(id).toString());
        }
        assertEquals(Outcome.SKIPPED, byId.get("oversized").outcome(), "no package limit in the profile");
        assertTrue(byId.get("oversized").observed().contains("package limit"), byId.get("oversized").observed());
        assertEquals(Outcome.SKIPPED, byId.get("forwarding").outcome(), "no organisation homed elsewhere");
        assertEquals(0, result.count(Outcome.PASSED), result.toString());
        assertFalse(result.conforms(false));
    }
}
