package org.gongwen.internal.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Binding;

/**
 * A stand-in for a platform node in tests: the JDK's HTTPS server on an ephemeral loopback port,
 * requiring a client certificate from a given TLS authority, answering each path with what the
 * test asks for and recording every request it received (method, path, query, the calling
 * party named in the client certificate, the body's length and SHA-256, and the body itself if
 * it is small). Large bodies are hashed, never held.
 */
final class TestNode implements AutoCloseable {
    /** How the node answers one path. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, Request request) throws IOException;
    }

    /** A request as the node received it. */
    record Request(String method, String path, String query, String party, String tlsProtocol, String contentType,
            String contentLengthHeader, long bodyLength, String bodySha256, byte[] body) {
    }

    private static final int KEEP_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final boolean tls;

    private TestNode(HttpServer server, boolean tls) {
        this.server = server;
        this.tls = tls;
        server.createContext("/", this::dispatch);
        server.setExecutor(threads);
        server.start();
    }

    /** An HTTPS node with this TLS identity that requires client certificates from {@code clientCa}. */
    static TestNode https(DevPki.Issued serverTls, X509Certificate clientCa) throws Exception {
        return https(serverTls, clientCa, InetAddress.getLoopbackAddress());
    }

    /** As {@link #https(DevPki.Issued, X509Certificate)}, bound to a given loopback address. */
    static TestNode https(DevPki.Issued serverTls, X509Certificate clientCa, InetAddress address) throws Exception {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(address, 0), 0);
        SSLContext ctx = serverContext(serverTls, clientCa);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters p) {
                SSLParameters sp = ctx.getDefaultSSLParameters();
                sp.setNeedClientAuth(true);
                sp.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                p.setSSLParameters(sp);
            }
        });
        return new TestNode(s, true);
    }

    /** A plain HTTP node (the binding allows it only inside one test process). */
    static TestNode http() throws IOException {
        return new TestNode(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), false);
    }

    private static SSLContext serverContext(DevPki.Issued tls, X509Certificate clientCa) throws Exception {
        char[] pw = "test".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("node", tls.keys().getPrivate(), pw, new Certificate[] {tls.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, pw);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", clientCa);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trusted);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** The base URI, for example {@code https://127.0.0.1:40123/}. */
    URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create((tls ? "https" : "http") + "://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    /** Answers {@code method path} (the path without query) with the handler. */
    TestNode on(String method, String path, Handler h) {
        handlers.put(method + " " + path, h);
        return this;
    }

    /** Every request received so far, oldest first. */
    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many requests for {@code method path} arrived. */
    synchronized long count(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try {
            Request r = record(ex);
            Handler h = handlers.get(r.method() + " " + r.path());
            if (h == null) {
                send(ex, 404, Binding.ERROR_TYPE, new org.gongwen.internal.wire.ErrorDocument(org.gongwen.api.ErrorCode.TRANSPORT_FATAL,
                        "no such path in this test").toXml());
                return;
            }
            h.handle(ex, r);
        } catch (IOException | RuntimeException e) {
            // the client went away or the test's handler broke the exchange on purpose
        } finally {
            ex.close();
        }
    }

    private final java.util.Set<InetSocketAddress> connections = new java.util.HashSet<>();

    /** The distinct client connections (remote address and port) that requests came on. */
    synchronized java.util.Set<InetSocketAddress> connections() {
        return java.util.Set.copyOf(connections);
    }

    private Request record(HttpExchange ex) throws IOException {
        synchronized (this) {
            connections.add(ex.getRemoteAddress());
        }
        String party = null;
        String protocol = null;
        if (ex instanceof HttpsExchange) {
            SSLSession s = ((HttpsExchange) ex).getSSLSession();
            protocol = s.getProtocol();
            Certificate[] peer = s.getPeerCertificates();
            try {
                party = TrustValidator.partyOf((X509Certificate) peer[0]);
            } catch (Exception e) {
                party = "unreadable: " + e.getMessage();
            }
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = ex.getRequestBody()) {
            int r;
            while ((r = in.read(buf)) >= 0) {
                md.update(buf, 0, r);
                if (n + r <= KEEP_BODY) {
                    kept.write(buf, 0, r);
                }
                n += r;
            }
        }
        Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(), party, protocol,
                ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Content-Length"), n,
                HexFormat.of().formatHex(md.digest()), n <= KEEP_BODY ? kept.toByteArray() : null);
        synchronized (this) {
            requests.add(req);
        }
        return req;
    }

    /** Sends a complete answer. */
    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Streams a file as a package answer with the given digest header. */
    static void sendPackage(HttpExchange ex, Path file, String sha256Header) throws IOException {
        ex.getResponseHeaders().set("Content-Type", Binding.PACKAGE_TYPE);
        if (sha256Header != null) {
            ex.getResponseHeaders().set(Binding.PACKAGE_SHA256_HEADER, sha256Header);
        }
        ex.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = ex.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
