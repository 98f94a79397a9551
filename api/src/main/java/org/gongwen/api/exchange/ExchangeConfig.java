package org.gongwen.api.exchange;

import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.api.trust.TrustPolicy;

/**
 * How an {@link ExchangeClient} reaches its home node and whom it believes. Built once, passed to
 * {@link org.gongwen.api.Gongwen#exchangeClient(ExchangeConfig)}; nothing is read from system
 * properties. Immutable; keys never appear in {@link #toString()}.
 *
 * <p>Two kinds of key material are involved: the <em>TLS identity</em> (a key and certificate
 * chain whose certificate names the organisation in organizationIdentifier; RSA or ECDSA, as TLS
 * needs) with which the node authenticates the caller, and the <em>signing identity</em> with
 * which the SDK signs receipts (DELIVERED, SIGNED_FOR, RETURNED). The {@linkplain #trust() trust
 * policy} verifies fetched packages and every receipt that comes back.
 */
public final class ExchangeConfig {
    private final URI node;
    private final PrivateKey tlsKey;
    private final List<X509Certificate> tlsChain;
    private final List<X509Certificate> tlsTrustAnchors;
    private final SigningIdentity signingIdentity;
    private final TrustPolicy trust;
    private final Limits limits;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration maxPollWait;
    private final int maxConnections;
    private final Duration directoryCacheTime;

    private ExchangeConfig(Builder b) {
        this.node = Objects.requireNonNull(b.node, "node URI is required");
        if (!"https".equals(node.getScheme()) && !"http".equals(node.getScheme())) {
            throw new IllegalArgumentException("node URI must be https (or http for a node without TLS in tests): " + node);
        }
        this.tlsKey = b.tlsKey;
        this.tlsChain = b.tlsChain == null ? List.of() : List.copyOf(b.tlsChain);
        this.tlsTrustAnchors = b.tlsTrustAnchors == null ? List.of() : List.copyOf(b.tlsTrustAnchors);
        if ("https".equals(node.getScheme())) {
            if (tlsKey == null || tlsChain.isEmpty()) {
                throw new IllegalStateException("an https node needs a TLS identity (key and certificate chain)");
            }
            if (tlsTrustAnchors.isEmpty()) {
                throw new IllegalStateException("an https node needs the TLS trust anchors that its server certificate chains to");
            }
        }
        this.signingIdentity = Objects.requireNonNull(b.signingIdentity, "signing identity is required (receipts are signed)");
        this.trust = Objects.requireNonNull(b.trust, "trust policy is required (packages and receipts are verified)");
        this.limits = b.limits != null ? b.limits : Limits.defaults();
        this.connectTimeout = positive("connectTimeout", b.connectTimeout);
        this.responseTimeout = positive("responseTimeout", b.responseTimeout);
        this.maxPollWait = positive("maxPollWait", b.maxPollWait);
        if (b.maxConnections < 1 || b.maxConnections > 1000) {
            throw new IllegalArgumentException("maxConnections must be 1..1000: " + b.maxConnections);
        }
        this.maxConnections = b.maxConnections;
        if (b.directoryCacheTime == null || b.directoryCacheTime.isNegative()) {
            throw new IllegalArgumentException("directoryCacheTime must be zero or positive");
        }
        this.directoryCacheTime = b.directoryCacheTime;
    }

    private static Duration positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.node = node;
        b.tlsKey = tlsKey;
        b.tlsChain = tlsChain;
        b.tlsTrustAnchors = tlsTrustAnchors;
        b.signingIdentity = signingIdentity;
        b.trust = trust;
        b.limits = limits;
        b.connectTimeout = connectTimeout;
        b.responseTimeout = responseTimeout;
        b.maxPollWait = maxPollWait;
        b.maxConnections = maxConnections;
        b.directoryCacheTime = directoryCacheTime;
        return b;
    }

    /** The home node's base URI, for example {@code https://127.0.0.1:8443/}. */
    public URI node() { return node; }

    /** The TLS client key, or null for an http node. */
    public PrivateKey tlsKey() { return tlsKey; }

    /** The TLS client certificate chain, client certificate first. */
    public List<X509Certificate> tlsChain() { return tlsChain; }

    /** The anchors the node's TLS server certificate must chain to. */
    public List<X509Certificate> tlsTrustAnchors() { return tlsTrustAnchors; }

    /** The identity that signs the receipts this client issues. */
    public SigningIdentity signingIdentity() { return signingIdentity; }

    /** The policy that fetched packages and returned receipts are verified with. */
    public TrustPolicy trust() { return trust; }

    /** Limits for fetched packages. */
    public Limits limits() { return limits; }

    /** How long to wait for a connection. */
    public Duration connectTimeout() { return connectTimeout; }

    /** How long to wait for a response once a request is sent (without the long-poll wait). */
    public Duration responseTimeout() { return responseTimeout; }

    /** The longest mailbox long-poll the client asks for. */
    public Duration maxPollWait() { return maxPollWait; }

    /** The size of the connection pool. */
    public int maxConnections() { return maxConnections; }

    /** How long the client keeps the directory it read before it asks the node again; zero: never kept. */
    public Duration directoryCacheTime() { return directoryCacheTime; }

    @Override
    public String toString() {
        return "ExchangeConfig{node=" + node + ", tls=" + (tlsChain.isEmpty() ? "none" : tlsChain.get(0).getSubjectX500Principal().getName())
                + ", signer=" + signingIdentity + "}";
    }

    /** Builds an {@link ExchangeConfig}. Not thread-safe. */
    public static final class Builder {
        private URI node;
        private PrivateKey tlsKey;
        private List<X509Certificate> tlsChain;
        private List<X509Certificate> tlsTrustAnchors;
        private SigningIdentity signingIdentity;
        private TrustPolicy trust;
        private Limits limits;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private Duration maxPollWait = Duration.ofSeconds(30);
        private int maxConnections = 16;
        private Duration directoryCacheTime = Duration.ofMinutes(5);

        private Builder() {
        }

        /** Sets the home node's base URI. */
        public Builder node(URI uri) { this.node = Objects.requireNonNull(uri); return this; }

        /** Sets the TLS client identity: its key and its chain, client certificate first. */
        public Builder tlsIdentity(PrivateKey key, List<X509Certificate> chain) {
            this.tlsKey = Objects.requireNonNull(key);
            this.tlsChain = List.copyOf(chain);
            return this;
        }

        /** Sets the anchors the node's TLS certificate must chain to. */
        public Builder tlsTrustAnchors(List<X509Certificate> anchors) {
            this.tlsTrustAnchors = List.copyOf(anchors);
            return this;
        }

        /** Sets the identity that signs this client's receipts. */
        public Builder signingIdentity(SigningIdentity id) { this.signingIdentity = Objects.requireNonNull(id); return this; }

        /** Sets the trust policy for packages and receipts. */
        public Builder trust(TrustPolicy policy) { this.trust = Objects.requireNonNull(policy); return this; }

        /** Sets the limits for fetched packages (default {@link Limits#defaults()}). */
        public Builder limits(Limits l) { this.limits = Objects.requireNonNull(l); return this; }

        /** Sets the connect timeout (default 10 s). */
        public Builder connectTimeout(Duration d) { this.connectTimeout = d; return this; }

        /** Sets the response timeout (default 60 s). */
        public Builder responseTimeout(Duration d) { this.responseTimeout = d; return this; }

        /** Sets the longest mailbox long-poll (default 30 s). */
        public Builder maxPollWait(Duration d) { this.maxPollWait = d; return this; }

        /** Sets the connection pool size (default 16). */
        public Builder maxConnections(int n) { this.maxConnections = n; return this; }

        /** Sets how long the directory is kept once read (default 5 minutes; zero reads it every time). */
        public Builder directoryCacheTime(Duration d) { this.directoryCacheTime = d; return this; }

        /**
         * Builds the configuration.
         *
         * @throws NullPointerException if the node, signing identity or trust policy is missing
         * @throws IllegalStateException if an https node lacks TLS material
         * @throws IllegalArgumentException if a value is out of range
         */
        public ExchangeConfig build() {
            return new ExchangeConfig(this);
        }
    }
}
