package org.gongwen.platform.faults.proxy;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.gongwen.api.id.NodeId;
import org.gongwen.platform.DevPlatform;
import org.gongwen.platform.internal.http.TlsContexts;

/**
 * A fault-injecting HTTPS proxy between one organisation's SDK client and its home node, on
 * loopback at an ephemeral port. Toward the client it presents the node's own TLS identity (so the
 * client's checks of the node name and host pass); toward the node it presents the organisation's
 * TLS identity (so the node sees its caller). Each request is passed on, streamed, or suffers the
 * fault its {@link FaultPlan} picks; {@link #counts()} tells which faults were done. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
    private final Server server;
    private final Upstream upstream;
    private final FaultCounts counts;
    private final URI uri;

    private FaultProxy(Server server, Upstream upstream, FaultCounts counts, URI uri) {
        this.server = server;
        this.upstream = upstream;
        this.counts = counts;
        this.uri = uri;
    }

    /**
     * Starts a proxy for {@code caller}'s calls to {@code node}.
     *
     * @param nodeUri where the node listens
     * @param nodeTls the node's TLS identity, presented to the client
     * @param callerTls the organisation's TLS identity, presented to the node
     * @param anchors the TLS trust anchors of the platform
     */
    public static FaultProxy start(URI nodeUri, NodeId node, DevPlatform.TlsIdentity nodeTls, DevPlatform.TlsIdentity callerTls,
            List<X509Certificate> anchors, FaultPlan plan) throws Exception {
        Upstream upstream = new Upstream(nodeUri, node, callerTls.key(), callerTls.chain(), anchors);
        FaultCounts counts = new FaultCounts();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("fault-proxy-" + node.value());
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopTimeout(1_000);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(64 * 1024);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        SSLContext tls = TlsContexts.server(nodeTls.key(), nodeTls.chain(), anchors);
        ssl.setSslContext(tls);
        ssl.setWantClientAuth(true);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        server.setHandler(new ProxyHandler(upstream, plan, counts));
        try {
            server.start();
        } catch (Exception e) {
            upstream.close();
            throw e;
        }
        return new FaultProxy(server, upstream, counts, URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    /** Where clients connect instead of the node. */
    public URI uri() {
        return uri;
    }

    /** What the proxy did so far. */
    public FaultCounts counts() {
        return counts;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the fault proxy did not stop: " + e, e);
        } finally {
            upstream.close();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy{" + uri + ", " + counts + "}";
    }
}
