package org.gongwen.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.NodeId;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.DirectoryDocument;
import org.gongwen.platform.internal.http.ClientCertificates;
import org.gongwen.platform.internal.http.ErrorDocuments;
import org.gongwen.platform.internal.http.HttpLimits;
import org.gongwen.platform.internal.http.NodeHandler;
import org.gongwen.platform.internal.http.TlsContexts;
import org.gongwen.platform.internal.node.MailboxSignals;
import org.gongwen.platform.internal.node.MessageIntake;
import org.gongwen.platform.internal.node.NodeCore;
import org.gongwen.platform.internal.node.Queries;
import org.gongwen.platform.internal.node.ReceiptIntake;
import org.gongwen.platform.internal.node.ExpirySweep;
import org.gongwen.platform.internal.node.RelayWorker;
import org.gongwen.platform.internal.route.HttpLayerNames;
import org.gongwen.platform.internal.route.RelayClient;
import org.gongwen.platform.internal.route.Router;
import org.gongwen.platform.internal.store.Database;
import org.gongwen.platform.internal.store.PackageFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running platform node (spec/transport.md): the HTTP binding over TLS with client
 * certificates, the message store (package files and a JDBC database), the mailboxes, and the
 * relay worker that passes messages and receipts to its neighbours. Start one with
 * {@link #start(NodeConfig)}; close it to stop. A node restarted on the same storage and database
 * serves everything it stored and resumes its pending relays. Thread-safe.
 */
public final class PlatformNode implements AutoCloseable {
    /**
     * On a node built with {@link NodeConfig.Builder#plainHttp()} (tests only), the request header
     * in which callers name themselves (an organisation code or a node id). It is ignored on https,
     * where only the client certificate names the caller.
     */
    public static final String PLAIN_HTTP_CALLER_HEADER = HttpLayerNames.PLAIN_CALLER_HEADER;

    /**
     * The largest request header block the node reads: a relay's Gongwen-Recipients header names up
     * to 1,000 recipients of 19 bytes each (T-6.2, T-10).
     */
    static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PlatformNode.class);

    private final NodeConfig config;
    private final Map<NodeId, URI> peers = new ConcurrentHashMap<>();
    private final Router router;
    private final Database db;
    private final MailboxSignals signals = new MailboxSignals();
    private final ScheduledExecutorService timers;
    private final RelayWorker relays;
    private final Server server;
    private final URI uri;

    private PlatformNode(NodeConfig config, Clock clock) throws GongwenException {
        this.config = config;
        NodeId self = config.nodeId();
        config.parent().ifPresent(p -> putPeer(p));
        config.children().forEach(this::putPeer);
        List<NodeId> children = new ArrayList<>();
        config.children().forEach(c -> children.add(c.id()));
        this.router = new Router(self, config.parent().map(NodeConfig.Peer::id).orElse(null), children, config.directory());
        try {
            Files.createDirectories(config.storageDirectory());
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create the storage folder " + config.storageDirectory() + ": " + e.getMessage(), e);
        }
        PackageFiles files = new PackageFiles(config.storageDirectory());
        this.db = new Database(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), "gongwen-" + self.value());
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gongwen-timer-" + self.value());
            t.setDaemon(true);
            return t;
        });
        RelayWorker worker = null;
        Server jetty = null;
        try {
            NodeCore core = new NodeCore(self, config.signingIdentity(), new TrustValidator(config.trust()), db, files, router, signals, clock);
            SSLContext serverTls = null;
            RelayClient.PeerTls clientTls = null;
            ClientCertificates callers = null;
            if (!config.plainHttp()) {
                try {
                    serverTls = TlsContexts.server(config.tlsKey(), config.tlsChain(), config.tlsTrustAnchors());
                    clientTls = peer -> TlsContexts.client(config.tlsKey(), config.tlsChain(), config.tlsTrustAnchors(), peer);
                    clientTls.toward(self); // the TLS material is checked now, at start, not at the first relay
                    callers = new ClientCertificates(config.tlsTrustAnchors());
                } catch (java.security.GeneralSecurityException e) {
                    throw new GongwenException(ErrorCode.LOCAL_KEY, "the node's TLS material cannot be used: " + e.getMessage(), e);
                }
            }
            worker = new RelayWorker(core, new RelayClient(clientTls, self), peers::get, config.relayInitialDelay(), config.relayMaxDelay());
            core.onRelayQueued(worker::wake);
            new ExpirySweep(core).schedule(timers, config.expirySweepInterval());
            jetty = server(config, serverTls);
            NodeHandler handler = new NodeHandler(core, new MessageIntake(core, Gongwen.load().verifier(config.trust(), config.limits()),
                    config.limits().maxPackageBytes(), config.minFreeStorageBytes()), new ReceiptIntake(core), new Queries(core),
                    DirectoryDocument.write(config.directory()), callers, (int) config.maxPollWait().toSeconds(), timers, jetty.getThreadPool(),
                    new HttpLimits(HttpLimits.PARKED_POLLS_PER_CALLER, HttpLimits.UPLOADS_PER_CALLER, config.minUploadBytesPerSecond()));
            jetty.setHandler(handler);
            jetty.start();
            int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
            this.uri = URI.create((config.plainHttp() ? "http" : "https") + "://" + uriHost(config.host()) + ":" + port + "/");
            this.relays = worker;
            this.server = jetty;
        } catch (Exception e) {
            stopQuietly(jetty);
            if (worker != null) {
                worker.close();
            }
            timers.shutdownNow();
            db.close();
            if (e instanceof GongwenException) {
                throw (GongwenException) e;
            }
            throw new GongwenException(ErrorCode.LOCAL_IO, "node " + self + " cannot start: " + e.getMessage(), e);
        }
        relays.wake();
        LOG.info("{} ({}) listening on {}", self, config.name(), uri);
    }

    private void putPeer(NodeConfig.Peer p) {
        if (p.uri() != null) {
            peers.put(p.id(), p.uri());
        }
    }

    private static String uriHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static Server server(NodeConfig config, SSLContext tls) {
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("gongwen-" + config.nodeId().value());
        pool.setDaemon(true);
        Server server = new Server(pool);
        server.setStopTimeout(5_000);
        server.setErrorHandler(new ErrorDocuments());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        ServerConnector connector;
        if (tls != null) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls);
            ssl.setWantClientAuth(true);
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setReuseAddress(true);
        connector.setIdleTimeout(config.maxPollWait().toMillis() + 30_000);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(config.maxConnections(), server));
        return server;
    }

    /**
     * Starts a node: opens (or creates) its database and storage, listens, and resumes pending relays.
     *
     * @throws GongwenException {@code LOC-001} if the storage, database or port cannot be used,
     *     {@code LOC-003} if the TLS material cannot be used
     */
    public static PlatformNode start(NodeConfig config) throws GongwenException {
        return new PlatformNode(Objects.requireNonNull(config, "config"), Clock.systemUTC());
    }

    /** Starts a node that judges messages' expiry by the given clock (tests move it forward). */
    static PlatformNode start(NodeConfig config, Clock clock) throws GongwenException {
        return new PlatformNode(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    }

    /** The base URI with the actual port, for example {@code https://127.0.0.1:39211/}. */
    public URI uri() {
        return uri;
    }

    /** The node id. */
    public NodeId id() {
        return config.nodeId();
    }

    /** The configuration the node was started with (peer URIs as configured, see {@link #peer(NodeId)}). */
    public NodeConfig config() {
        return config;
    }

    /**
     * Sets or replaces the URI of the parent or of a child, for example once a neighbour started on
     * an ephemeral port. Relays waiting for it are tried at once.
     *
     * @throws IllegalArgumentException if the node is neither the parent nor a child, or the URI is
     *     http on a node that serves https (or https on a plain-http test node)
     */
    public void setPeer(NodeId node, URI peerUri) {
        if (!router.isPeer(node)) {
            throw new IllegalArgumentException(node + " is neither the parent nor a child of " + id());
        }
        NodeConfig.checkScheme(Objects.requireNonNull(peerUri, "uri"), config.plainHttp());
        peers.put(node, Objects.requireNonNull(peerUri, "uri"));
        relays.retryNow(node);
    }

    /** The current URI of a neighbour, or null if it is not known. */
    public URI peer(NodeId node) {
        return peers.get(node);
    }

    /**
     * How many relays (messages and receipts) this node still owes its neighbours.
     *
     * @throws GongwenException {@code LOC-001} if the database cannot be read
     */
    public int pendingRelays() throws GongwenException {
        return relays.pending();
    }

    /**
     * Waits until this node owes no relay, or the timeout passes.
     *
     * @return whether nothing was pending when it returned
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitRelays(Duration timeout) throws GongwenException, InterruptedException {
        return relays.awaitEmpty(timeout);
    }

    /** How many relay tasks this node has finished since it started (for quiescence checks). */
    long finishedRelays() {
        return relays.finished();
    }

    /** Stops listening (answering parked mailbox requests first), stops the relay worker and closes the database. */
    @Override
    public void close() {
        signals.signalAll();
        stopQuietly(server);
        relays.close();
        timers.shutdownNow();
        db.close();
        LOG.info("{} stopped", id());
    }

    private static void stopQuietly(Server s) {
        if (s == null) {
            return;
        }
        try {
            s.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server failed", e);
        }
    }
}
