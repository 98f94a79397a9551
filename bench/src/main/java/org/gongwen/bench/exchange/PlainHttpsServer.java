package org.gongwen.bench.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.gongwen.platform.DevPlatform;
import org.gongwen.platform.internal.http.TlsContexts;

/**
 * The plain transfer the exchange is compared with: a Jetty 12 server on 127.0.0.1 set up as the
 * reference node sets up its own (same thread pool, TLS 1.3/1.2 with the node's TLS key and a
 * requested client certificate, the same TLS context code), whose handlers do nothing but move
 * bytes. {@code POST /upload} reads the body through the same blocking input stream the node's
 * submission reads, and discards it; {@code GET /files/NAME} sends a file of the served folder as
 * the node sends a package (Content-Length, streamed from the file).
 */
final class PlainHttpsServer implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final Server server;
    private final URI uri;

    private PlainHttpsServer(Server server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /** Starts a server on an ephemeral port, serving the files of {@code folder}. */
    static PlainHttpsServer start(DevPlatform.TlsIdentity tls, List<X509Certificate> anchors, Path folder) throws Exception {
        SSLContext ctx;
        try {
            ctx = TlsContexts.server(tls.key(), tls.chain(), anchors);
        } catch (GeneralSecurityException e) {
            throw new IOException("the TLS material cannot be used: " + e.getMessage(), e);
        }
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("plain-https");
        pool.setDaemon(true);
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(ctx);
        ssl.setWantClientAuth(true);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Bytes(folder));
        server.start();
        return new PlainHttpsServer(server, URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    /** The base URI, for example {@code https://127.0.0.1:40123/}. */
    URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** The two handlers. */
    private static final class Bytes extends Handler.Abstract {
        private final Path folder;

        Bytes(Path folder) {
            this.folder = folder;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            if (path.equals("/upload") && request.getMethod().equals("POST")) {
                long n = 0;
                byte[] buf = new byte[BUFFER];
                try (InputStream in = Content.Source.asInputStream(request)) {
                    int r;
                    while ((r = in.read(buf)) >= 0) {
                        n += r;
                    }
                }
                text(response, callback, 200, Long.toString(n));
            } else if (path.startsWith("/files/") && request.getMethod().equals("GET") && isPlainName(path.substring(7))) {
                Path file = folder.resolve(path.substring(7));
                if (!Files.isRegularFile(file)) {
                    text(response, callback, 404, "no such file");
                    return true;
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Files.size(file));
                Content.copy(Content.Source.from(file), response, callback);
            } else {
                text(response, callback, 404, "no such resource");
            }
            return true;
        }

        private static boolean isPlainName(String name) {
            return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
        }

        private static void text(Response response, Callback callback, int status, String body) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, b.length);
            response.write(true, ByteBuffer.wrap(b), callback);
        }
    }
}
