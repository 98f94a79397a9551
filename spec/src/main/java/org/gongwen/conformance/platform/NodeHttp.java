package org.gongwen.conformance.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.Binding;

/**
 * Raw HTTP toward the node under test with one tester's TLS identity, for what the SDK's client
 * refuses to send (a tampered package, a package in another's name) and for reading the exact
 * status and error code of each answer. Thread-safe.
 */
final class NodeHttp implements AutoCloseable {
    private final URI node;
    private final HttpClient http;
    private final Duration timeout;

    NodeHttp(URI node, ExchangeConfig tester, Duration timeout) throws GongwenException {
        this.node = node;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls(tester))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static SSLContext tls(ExchangeConfig c) throws GongwenException {
        try {
            char[] password = UUID.randomUUID().toString().toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("tester", c.tlsKey(), password, c.tlsChain().toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(keys, password);
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int i = 0;
            for (X509Certificate a : c.tlsTrustAnchors()) {
                anchors.setCertificateEntry("anchor" + i++, a);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(anchors);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_KEY, "the tester's TLS key, chain or anchors cannot be used: " + e.getMessage(), e);
        }
    }

    /** Submits a package body (T-4.1). */
    Answer submit(byte[] pkg) throws GongwenException {
        return send(post(Binding.MESSAGES, HttpRequest.BodyPublishers.ofByteArray(pkg)));
    }

    /** Submits a package file, streamed (T-4.1). */
    Answer submit(Path pkg) throws GongwenException {
        try {
            return send(post(Binding.MESSAGES, HttpRequest.BodyPublishers.ofFile(pkg)));
        } catch (java.io.FileNotFoundException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read " + pkg, e);
        }
    }

    /** Fetches a mailbox entry (T-5.2). */
    Answer fetch(OrgCode sender, UUID id) throws GongwenException {
        return send(get(Binding.mailboxEntry(sender.value(), id.toString())));
    }

    /** Reads a message's status (T-8.1). */
    Answer status(UUID id) throws GongwenException {
        return send(get(Binding.status(id.toString())));
    }

    /** Lists the mailbox without waiting (T-5.1). */
    Answer mailbox() throws GongwenException {
        return send(get(Binding.MAILBOX + "?wait=0"));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(node.resolve(path)).timeout(timeout).GET().build();
    }

    private HttpRequest post(String path, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(node.resolve(path)).timeout(timeout).header("Content-Type", Binding.PACKAGE_TYPE).POST(body).build();
    }

    private Answer send(HttpRequest req) throws GongwenException {
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(""), r.body());
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, req.method() + " " + req.uri().getPath() + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "interrupted", e);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient is closeable only from Java 21 on; its threads end when it is unreachable
    }
}
