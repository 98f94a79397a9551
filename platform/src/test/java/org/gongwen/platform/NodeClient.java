package org.gongwen.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.platform.internal.http.TlsContexts;

/** A small HTTP client for tests: one party's TLS identity (or none) toward one node. */
final class NodeClient {
    private final HttpClient http;
    private final URI node;

    /** What the node answered. */
    record Resp(int status, HttpHeaders headers, byte[] body) {
        ErrorCode error() throws GongwenException {
            if (!headers.firstValue("Content-Type").orElse("").equals(Binding.ERROR_TYPE)) {
                throw new AssertionError("HTTP " + status + " without an error document: " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
            return ErrorDocument.read(body).code();
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final String plainCaller;

    NodeClient(URI node, SSLContext tls) {
        this.node = node;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        this.plainCaller = null;
    }

    private NodeClient(URI node, String caller) {
        this.node = node;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.plainCaller = caller;
    }

    /** A client of a plain http node (tests only), naming its caller in the header. */
    static NodeClient plain(URI node, String caller) {
        return new NodeClient(node, caller);
    }

    /** A client with an organisation's TLS identity toward its home node. */
    static NodeClient of(DevPlatform dev, OrgCode org) throws GeneralSecurityException {
        return of(dev.node(dev.homeNode(org)).uri(), dev, dev.tlsIdentity(org));
    }

    /** A client with a TLS identity toward any node. */
    static NodeClient of(URI node, DevPlatform dev, DevPlatform.TlsIdentity id) throws GeneralSecurityException {
        return new NodeClient(node, TlsContexts.client(id.key(), id.chain(), dev.tlsTrustAnchors()));
    }

    /** A client that presents no certificate. */
    static NodeClient anonymous(URI node, List<X509Certificate> anchors) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("a", TlsContexts.jdk(anchors).get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return new NodeClient(node, ctx);
    }

    Resp submit(Path pkg) throws IOException, InterruptedException {
        return post(Binding.MESSAGES, Binding.PACKAGE_TYPE, HttpRequest.BodyPublishers.ofFile(pkg));
    }

    Resp submit(byte[] pkg) throws IOException, InterruptedException {
        return post(Binding.MESSAGES, Binding.PACKAGE_TYPE, HttpRequest.BodyPublishers.ofByteArray(pkg));
    }

    Resp receipt(byte[] xml) throws IOException, InterruptedException {
        return post(Binding.RECEIPTS, Binding.RECEIPT_TYPE, HttpRequest.BodyPublishers.ofByteArray(xml));
    }

    Resp mailbox(int waitSeconds) throws IOException, InterruptedException {
        return get(Binding.MAILBOX + "?wait=" + waitSeconds);
    }

    Resp fetch(OrgCode sender, UUID id) throws IOException, InterruptedException {
        return get(Binding.mailboxEntry(sender.value(), id.toString()));
    }

    Resp status(UUID id) throws IOException, InterruptedException {
        return get(Binding.status(id.toString()));
    }

    Resp get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(node.resolve(path)).GET().build());
    }

    Resp post(String path, String type, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(node.resolve(path)).header("Content-Type", type).POST(body).build());
    }

    Resp send(HttpRequest req) throws IOException, InterruptedException {
        if (plainCaller != null) {
            req = HttpRequest.newBuilder(req, (k, v) -> true).header(PlatformNode.PLAIN_HTTP_CALLER_HEADER, plainCaller).build();
        }
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        return new Resp(r.statusCode(), r.headers(), r.body());
    }
}
