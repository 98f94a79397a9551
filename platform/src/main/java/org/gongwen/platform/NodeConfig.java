package org.gongwen.platform;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.platform.internal.config.PropertiesConfig;

/**
 * Everything a platform node needs to start: who it is, the keys it signs receipts and serves TLS
 * with, whom it trusts, where it stores messages, where it listens, its parent and children in
 * the node hierarchy, and the directory. Built with {@link #builder()} or read with
 * {@link #fromFile(Path)}. Immutable; keys never appear in {@link #toString()}.
 */
public final class NodeConfig {
    /** The longest mailbox long-poll a node allows (spec/transport.md, T-5.1). */
    public static final Duration MAX_POLL_WAIT = Duration.ofSeconds(60);
    /** The default for {@link #maxConnections()}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    /** The default for {@link #minUploadBytesPerSecond()}: 16 KiB/s. */
    public static final long DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND = 16 * 1024;
    /** The default for {@link #minFreeStorageBytes()}: 64 MiB. */
    public static final long DEFAULT_MIN_FREE_STORAGE_BYTES = 64L << 20;

    private final NodeId nodeId;
    private final String name;
    private final SigningIdentity signingIdentity;
    private final PrivateKey tlsKey;
    private final List<X509Certificate> tlsChain;
    private final List<X509Certificate> tlsTrustAnchors;
    private final boolean plainHttp;
    private final TrustPolicy trust;
    private final Limits limits;
    private final Path storageDirectory;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final String host;
    private final int port;
    private final Peer parent;
    private final List<Peer> children;
    private final List<DirectoryEntry> directory;
    private final Duration maxPollWait;
    private final Duration relayInitialDelay;
    private final Duration relayMaxDelay;
    private final Duration expirySweepInterval;
    private final int maxConnections;
    private final long minUploadBytesPerSecond;
    private final long minFreeStorageBytes;

    /**
     * A neighbour in the node hierarchy.
     *
     * @param id the neighbour's node id
     * @param uri its base URI (for example {@code https://127.0.0.1:8443/}), or null while it is not
     *     yet known; set it later with {@link PlatformNode#setPeer(NodeId, URI)}
     */
    public record Peer(NodeId id, URI uri) {
        /** Checks the values. */
        public Peer {
            Objects.requireNonNull(id, "peer id");
            if (uri != null && !"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("peer URI must be https or http: " + uri);
            }
        }
    }

    private NodeConfig(Builder b) {
        this.nodeId = Objects.requireNonNull(b.nodeId, "node id is required");
        this.name = b.name != null ? b.name : nodeId.value();
        this.signingIdentity = Objects.requireNonNull(b.signingIdentity, "signing identity is required (the node signs receipts)");
        String party;
        try {
            party = TrustValidator.partyOf(signingIdentity.certificate());
        } catch (GongwenException e) {
            throw new IllegalArgumentException("the signing certificate does not name the node: " + e.getMessage());
        }
        if (!party.equals(nodeId.value())) {
            throw new IllegalArgumentException("the signing certificate names " + party + ", not the node " + nodeId);
        }
        this.plainHttp = b.plainHttp;
        this.tlsKey = b.tlsKey;
        this.tlsChain = b.tlsChain == null ? List.of() : List.copyOf(b.tlsChain);
        this.tlsTrustAnchors = b.tlsTrustAnchors == null ? List.of() : List.copyOf(b.tlsTrustAnchors);
        this.host = b.host;
        if (plainHttp) {
            if (tlsKey != null) {
                throw new IllegalStateException("plainHttp() and a TLS identity exclude each other");
            }
            if (!isLoopback(host)) {
                throw new IllegalStateException("plain http is allowed only on a loopback address (T-2.1), not on " + host);
            }
        } else if (tlsKey == null || tlsChain.isEmpty() || tlsTrustAnchors.isEmpty()) {
            throw new IllegalStateException("a node serves https: set tlsIdentity(...) and tlsTrustAnchors(...), or choose plainHttp() for a test");
        }
        this.trust = Objects.requireNonNull(b.trust, "trust policy is required (packages and receipts are verified)");
        this.limits = b.limits != null ? b.limits : Limits.defaults();
        this.storageDirectory = Objects.requireNonNull(b.storageDirectory, "storage directory is required").toAbsolutePath().normalize();
        this.jdbcUrl = b.jdbcUrl;
        this.jdbcUser = b.jdbcUser;
        this.jdbcPassword = b.jdbcPassword;
        if (b.port < 0 || b.port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + b.port);
        }
        this.port = b.port;
        this.parent = b.parent;
        this.children = List.copyOf(b.children);
        Set<NodeId> seen = new HashSet<>();
        seen.add(nodeId);
        if (parent != null) {
            if (!parent.id().division().contains(nodeId.division()) || !seen.add(parent.id())) {
                throw new IllegalArgumentException("the parent " + parent.id() + " does not contain " + nodeId);
            }
        }
        for (Peer c : children) {
            if (!nodeId.division().contains(c.id().division()) || !seen.add(c.id())) {
                throw new IllegalArgumentException("the child " + c.id() + " is not a distinct division under " + nodeId);
            }
        }
        if (parent != null) {
            checkScheme(parent.uri(), plainHttp);
        }
        for (Peer c : children) {
            checkScheme(c.uri(), plainHttp);
        }
        this.directory = List.copyOf(b.directory);
        Set<String> codes = new HashSet<>();
        for (DirectoryEntry e : directory) {
            if (!codes.add(e.organisation().value())) {
                throw new IllegalArgumentException("the directory lists " + e.organisation() + " twice");
            }
        }
        this.maxPollWait = b.maxPollWait;
        if (maxPollWait.isNegative() || maxPollWait.compareTo(MAX_POLL_WAIT) > 0) {
            throw new IllegalArgumentException("maxPollWait must be 0..60 s: " + maxPollWait);
        }
        this.relayInitialDelay = positive("relayInitialDelay", b.relayInitialDelay);
        this.relayMaxDelay = positive("relayMaxDelay", b.relayMaxDelay);
        this.expirySweepInterval = positive("expirySweepInterval", b.expirySweepInterval);
        if (relayMaxDelay.compareTo(relayInitialDelay) < 0) {
            throw new IllegalArgumentException("relayMaxDelay must not be shorter than relayInitialDelay");
        }
        this.maxConnections = b.maxConnections;
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        this.minUploadBytesPerSecond = b.minUploadBytesPerSecond;
        if (minUploadBytesPerSecond < 0) {
            throw new IllegalArgumentException("minUploadBytesPerSecond must not be negative: " + minUploadBytesPerSecond);
        }
        this.minFreeStorageBytes = b.minFreeStorageBytes;
        if (minFreeStorageBytes < 0) {
            throw new IllegalArgumentException("minFreeStorageBytes must not be negative: " + minFreeStorageBytes);
        }
    }

    /**
     * A node serving https talks to its neighbours over https only; a plain-http test node has no
     * TLS client and talks http.
     *
     * @throws IllegalArgumentException for a URI of the other scheme
     */
    static void checkScheme(URI peer, boolean plainHttp) {
        if (peer == null) {
            return;
        }
        String expected = plainHttp ? "http" : "https";
        if (!expected.equals(peer.getScheme())) {
            throw new IllegalArgumentException("a node serving " + expected + " talks to its neighbours over " + expected + " only, not " + peer);
        }
    }

    private static Duration positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return d;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a configuration from a UTF-8 properties file (keys in {@code platform/README.md}).
     * Relative paths in it resolve against the file's folder; keys and certificates are PEM files,
     * the directory a file in the T-9 directory format.
     *
     * @throws GongwenException {@code LOC-001} if a file cannot be read, {@code LOC-003} for key
     *     material that cannot be read, {@code LOC-002} for a missing or invalid value
     */
    public static NodeConfig fromFile(Path file) throws GongwenException {
        return PropertiesConfig.read(file).build();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nodeId = nodeId;
        b.name = name;
        b.signingIdentity = signingIdentity;
        b.tlsKey = tlsKey;
        b.tlsChain = tlsChain;
        b.tlsTrustAnchors = tlsTrustAnchors;
        b.plainHttp = plainHttp;
        b.trust = trust;
        b.limits = limits;
        b.storageDirectory = storageDirectory;
        b.jdbcUrl = jdbcUrl;
        b.jdbcUser = jdbcUser;
        b.jdbcPassword = jdbcPassword;
        b.host = host;
        b.port = port;
        b.parent = parent;
        b.children.addAll(children);
        b.directory.addAll(directory);
        b.maxPollWait = maxPollWait;
        b.relayInitialDelay = relayInitialDelay;
        b.relayMaxDelay = relayMaxDelay;
        b.expirySweepInterval = expirySweepInterval;
        b.maxConnections = maxConnections;
        b.minUploadBytesPerSecond = minUploadBytesPerSecond;
        b.minFreeStorageBytes = minFreeStorageBytes;
        return b;
    }

    /** The node's id. */
    public NodeId nodeId() { return nodeId; }

    /** The node's name, for people (default: the node id). */
    public String name() { return name; }

    /** The identity the node signs its receipts with; its certificate names the node id. */
    public SigningIdentity signingIdentity() { return signingIdentity; }

    /** The TLS server (and relay client) key, or null for plain http. */
    public PrivateKey tlsKey() { return tlsKey; }

    /** The TLS certificate chain, the node's certificate first; empty for plain http. */
    public List<X509Certificate> tlsChain() { return tlsChain; }

    /** The anchors that callers' TLS client certificates and peers' server certificates chain to. */
    public List<X509Certificate> tlsTrustAnchors() { return tlsTrustAnchors; }

    /** Whether the node serves plain http (tests on a loopback address only). */
    public boolean plainHttp() { return plainHttp; }

    /** The policy submitted packages and posted receipts are verified with. */
    public TrustPolicy trust() { return trust; }

    /** The limits for submitted and relayed packages. */
    public Limits limits() { return limits; }

    /** Where package files (and the embedded database by default) are kept. */
    public Path storageDirectory() { return storageDirectory; }

    /**
     * The JDBC URL; by default an embedded H2 database in the storage directory, whose requests wait
     * up to 10 s for a row another request holds, and which writes every commit to its file before
     * the commit returns ({@code WRITE_DELAY=0}; H2's default of 500 ms would let a killed node lose
     * messages it had already accepted).
     */
    public String jdbcUrl() {
        return jdbcUrl != null ? jdbcUrl
                : "jdbc:h2:file:" + storageDirectory.resolve("db").resolve("node").toString().replace('\\', '/')
                        + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /** The database user (empty for the embedded default). */
    public String jdbcUser() { return jdbcUser != null ? jdbcUser : ""; }

    /** The database password; never shown by {@link #toString()}. */
    public String jdbcPassword() { return jdbcPassword != null ? jdbcPassword : ""; }

    /** The address the node listens on (default 127.0.0.1). */
    public String host() { return host; }

    /** The port (0: an ephemeral port, see {@link PlatformNode#uri()}). */
    public int port() { return port; }

    /** The parent node, if any (none for a province node). */
    public Optional<Peer> parent() { return Optional.ofNullable(parent); }

    /** The child nodes. */
    public List<Peer> children() { return children; }

    /** The directory the node routes by and publishes (T-9). */
    public List<DirectoryEntry> directory() { return directory; }

    /** The longest mailbox long-poll the node grants (at most 60 s). */
    public Duration maxPollWait() { return maxPollWait; }

    /** The first delay before a failed relay is tried again; it doubles with every failure. */
    public Duration relayInitialDelay() { return relayInitialDelay; }

    /** The longest delay between two relay attempts. */
    public Duration relayMaxDelay() { return relayMaxDelay; }

    /**
     * How often the node looks for messages whose {@code Expires} passed while they waited in a
     * mailbox, takes them out and issues their EXPIRED receipts (spec/lifecycle.md, C-7).
     */
    public Duration expirySweepInterval() { return expirySweepInterval; }

    /** The most connections the node keeps open at once; more wait until one closes (default 1,000). */
    public int maxConnections() { return maxConnections; }

    /**
     * The least average rate, in bytes per second, a request body must keep once its first
     * {@value org.gongwen.platform.internal.http.HttpLimits#BODY_RATE_GRACE_SECONDS} seconds have
     * passed (default 16 KiB/s; 0 for none).
     */
    public long minUploadBytesPerSecond() { return minUploadBytesPerSecond; }

    /** The storage the node keeps free: it refuses a body that would leave less (default 64 MiB). */
    public long minFreeStorageBytes() { return minFreeStorageBytes; }

    @Override
    public String toString() {
        return "NodeConfig{" + nodeId + " " + name + ", " + (plainHttp ? "http" : "https") + "://" + host + ":" + port
                + ", storage " + storageDirectory + ", parent " + (parent == null ? "none" : parent.id()) + ", children "
                + children.stream().map(p -> p.id().value()).toList() + ", " + directory.size() + " organisations, signer "
                + signingIdentity + "}";
    }

    /** Builds a {@link NodeConfig}. Not thread-safe. */
    public static final class Builder {
        private NodeId nodeId;
        private String name;
        private SigningIdentity signingIdentity;
        private PrivateKey tlsKey;
        private List<X509Certificate> tlsChain;
        private List<X509Certificate> tlsTrustAnchors;
        private boolean plainHttp;
        private TrustPolicy trust;
        private Limits limits;
        private Path storageDirectory;
        private String jdbcUrl;
        private String jdbcUser;
        private String jdbcPassword;
        private String host = "127.0.0.1";
        private int port;
        private Peer parent;
        private final List<Peer> children = new ArrayList<>();
        private final List<DirectoryEntry> directory = new ArrayList<>();
        private Duration maxPollWait = MAX_POLL_WAIT;
        private Duration relayInitialDelay = Duration.ofSeconds(1);
        private Duration relayMaxDelay = Duration.ofMinutes(5);
        private Duration expirySweepInterval = Duration.ofSeconds(30);
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private long minUploadBytesPerSecond = DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND;
        private long minFreeStorageBytes = DEFAULT_MIN_FREE_STORAGE_BYTES;

        private Builder() {
        }

        /** Sets the node id and its name for people. */
        public Builder node(NodeId id, String nodeName) {
            this.nodeId = Objects.requireNonNull(id);
            this.name = nodeName;
            return this;
        }

        /** Sets the identity that signs ACCEPTED, RELAYED, REJECTED and EXPIRED receipts. */
        public Builder signingIdentity(SigningIdentity identity) { this.signingIdentity = Objects.requireNonNull(identity); return this; }

        /** Sets the TLS key and certificate chain (the node's certificate first, RSA or ECDSA). */
        public Builder tlsIdentity(PrivateKey key, List<X509Certificate> chain) {
            this.tlsKey = Objects.requireNonNull(key);
            this.tlsChain = List.copyOf(chain);
            this.plainHttp = false;
            return this;
        }

        /** Sets the anchors callers' and peers' TLS certificates must chain to. */
        public Builder tlsTrustAnchors(List<X509Certificate> anchors) { this.tlsTrustAnchors = List.copyOf(anchors); return this; }

        /**
         * Serves plain http without TLS, for tests on a loopback address only (T-2.1). Callers then
         * name themselves in the {@link PlatformNode#PLAIN_HTTP_CALLER_HEADER} header, which is
         * ignored on https.
         */
        public Builder plainHttp() {
            this.plainHttp = true;
            this.tlsKey = null;
            this.tlsChain = null;
            return this;
        }

        /** Sets the trust policy for submitted packages and posted receipts. */
        public Builder trust(TrustPolicy policy) { this.trust = Objects.requireNonNull(policy); return this; }

        /** Sets the package limits (default {@link Limits#defaults()}). */
        public Builder limits(Limits l) { this.limits = Objects.requireNonNull(l); return this; }

        /** Sets the storage directory (created if missing). */
        public Builder storageDirectory(Path dir) { this.storageDirectory = Objects.requireNonNull(dir); return this; }

        /** Uses another database than the embedded H2 file, for example PostgreSQL. */
        public Builder database(String url, String user, String password) {
            this.jdbcUrl = Objects.requireNonNull(url);
            this.jdbcUser = user;
            this.jdbcPassword = password;
            return this;
        }

        /** Sets the listening address (default 127.0.0.1). */
        public Builder host(String h) { this.host = Objects.requireNonNull(h); return this; }

        /** Sets the port (default 0: ephemeral). */
        public Builder port(int p) { this.port = p; return this; }

        /** Sets the parent node; its URI may be null until {@link PlatformNode#setPeer} names it. */
        public Builder parent(NodeId id, URI uri) { this.parent = new Peer(id, uri); return this; }

        /** Adds a child node; its URI may be null until {@link PlatformNode#setPeer} names it. */
        public Builder child(NodeId id, URI uri) { this.children.add(new Peer(id, uri)); return this; }

        /** Adds directory entries. */
        public Builder directory(List<DirectoryEntry> entries) { this.directory.addAll(entries); return this; }

        /** Sets the longest long-poll wait the node grants (default and at most 60 s). */
        public Builder maxPollWait(Duration d) { this.maxPollWait = Objects.requireNonNull(d); return this; }

        /** Sets the relay retry schedule: the first delay, doubling up to the longest (default 1 s to 5 min). */
        public Builder relayRetry(Duration initial, Duration max) {
            this.relayInitialDelay = initial;
            this.relayMaxDelay = max;
            return this;
        }

        /** Sets how often expired messages are taken out of the mailboxes (default 30 s; C-7). */
        public Builder expirySweepInterval(Duration d) { this.expirySweepInterval = Objects.requireNonNull(d); return this; }

        /** Sets the most connections the node keeps open at once (default 1,000). */
        public Builder maxConnections(int max) { this.maxConnections = max; return this; }

        /** Sets the least average rate of a request body in bytes per second (default 16 KiB/s; 0 for none). */
        public Builder minUploadBytesPerSecond(long rate) { this.minUploadBytesPerSecond = rate; return this; }

        /** Sets the storage the node keeps free (default 64 MiB). */
        public Builder minFreeStorageBytes(long bytes) { this.minFreeStorageBytes = bytes; return this; }

        /**
         * Builds the configuration.
         *
         * @throws NullPointerException if the node id, signing identity, trust policy or storage is missing
         * @throws IllegalStateException if TLS material is missing (and plain http was not chosen)
         * @throws IllegalArgumentException if a value is out of range or inconsistent
         */
        public NodeConfig build() {
            return new NodeConfig(this);
        }
    }
}
