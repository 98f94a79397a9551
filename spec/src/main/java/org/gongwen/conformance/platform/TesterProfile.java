package org.gongwen.conformance.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.trust.TrustValidator;

/**
 * What the platform suite needs to test a node: the node's URI, two or more tester organisations
 * homed on it, optionally organisations homed on other nodes of the same platform (for the
 * forwarding scenarios), the node's package limit if the tester knows it (for the oversize
 * scenario) and how long to wait for a message to arrive. Immutable.
 */
public final class TesterProfile {
    /** The file name ending of a client configuration file in a tester folder. */
    public static final String CLIENT_FILE_SUFFIX = ".client.properties";

    private final URI node;
    private final List<Tester> local;
    private final List<Tester> remote;
    private final long maxPackageBytes;
    private final Duration timeout;

    private TesterProfile(Builder b) {
        node = Objects.requireNonNull(b.node, "node");
        local = List.copyOf(b.local);
        remote = List.copyOf(b.remote);
        maxPackageBytes = b.maxPackageBytes;
        timeout = b.timeout;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A profile from client configuration files (the format of {@link Gongwen#exchangeConfig(Path)}):
     * a folder stands for its {@code *.client.properties} files. Every file whose {@code node} is
     * {@code node} is a tester homed on it; every other file is an organisation homed elsewhere,
     * used by the forwarding scenarios.
     *
     * @throws GongwenException {@code LOC-002} if fewer than two files name the node, {@code LOC-001}
     *     if a folder cannot be listed, or the codes of {@link Gongwen#exchangeConfig(Path)}
     */
    public static Builder fromFiles(Gongwen gw, URI node, List<Path> filesOrFolders) throws GongwenException {
        Builder b = builder().node(node);
        for (Path file : expand(filesOrFolders)) {
            ExchangeConfig c = gw.exchangeConfig(file);
            Tester t = new Tester(TrustValidator.organisationOf(c.signingIdentity().certificate()), c);
            if (sameNode(c.node(), node)) {
                b.tester(t);
            } else {
                b.remote(t);
            }
        }
        return b;
    }

    private static List<Path> expand(List<Path> filesOrFolders) throws GongwenException {
        List<Path> files = new ArrayList<>();
        for (Path p : filesOrFolders) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> s = Files.list(p)) {
                s.filter(f -> f.getFileName().toString().endsWith(CLIENT_FILE_SUFFIX)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "cannot list " + p + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** Whether two node URIs name the same node: scheme, host and port, ignoring a trailing slash and letter case. */
    static boolean sameNode(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** The node under test. */
    public URI node() { return node; }

    /** The tester organisations homed on the node, at least two. */
    public List<Tester> testers() { return local; }

    /** Organisations homed on other nodes, for the forwarding scenarios; may be empty. */
    public List<Tester> remote() { return remote; }

    /** The node's package limit in bytes, if the tester stated it. */
    public OptionalLong maxPackageBytes() {
        return maxPackageBytes > 0 ? OptionalLong.of(maxPackageBytes) : OptionalLong.empty();
    }

    /** How long a scenario waits for a message or receipt to arrive. */
    public Duration timeout() { return timeout; }

    @Override
    public String toString() {
        return "TesterProfile{" + node + ", testers " + local + ", remote " + remote + "}";
    }

    /** Builds a profile. Not thread-safe. */
    public static final class Builder {
        private URI node;
        private final List<Tester> local = new ArrayList<>();
        private final List<Tester> remote = new ArrayList<>();
        private long maxPackageBytes;
        private Duration timeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Sets the node under test. */
        public Builder node(URI uri) { this.node = Objects.requireNonNull(uri); return this; }

        /** Adds a tester homed on the node under test (its configuration names that node). */
        public Builder tester(Tester t) { local.add(Objects.requireNonNull(t)); return this; }

        /** Adds a tester homed on the node under test. */
        public Builder tester(OrgCode org, ExchangeConfig config) { return tester(new Tester(org, config)); }

        /** Adds an organisation homed on another node of the platform (its configuration names that node). */
        public Builder remote(Tester t) { remote.add(Objects.requireNonNull(t)); return this; }

        /** Adds an organisation homed on another node of the platform. */
        public Builder remote(OrgCode org, ExchangeConfig config) { return remote(new Tester(org, config)); }

        /** States the node's package limit (for the oversize scenario; without it that scenario is skipped). */
        public Builder maxPackageBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the package limit must be positive: " + bytes);
            }
            this.maxPackageBytes = bytes;
            return this;
        }

        /** Sets how long a scenario waits for a message or receipt to arrive (default 60 seconds). */
        public Builder timeout(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the timeout must be positive: " + d);
            }
            this.timeout = d;
            return this;
        }

        /**
         * Builds the profile.
         *
         * @throws GongwenException {@code LOC-002} if the node is missing, fewer than two testers
         *     are homed on it, or a tester's configuration names another node
         */
        public TesterProfile build() throws GongwenException {
            if (node == null) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "the tester profile names no node");
            }
            if (local.size() < 2) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "the tester profile needs two or more organisations homed on " + node
                        + " (client configurations whose node is that URI); it has " + local.size());
            }
            for (Tester t : local) {
                if (!sameNode(t.config().node(), node)) {
                    throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "tester " + t.organisation() + " is configured for " + t.config().node()
                            + ", not for the node under test " + node);
                }
            }
            if (local.stream().map(Tester::organisation).distinct().count() < local.size()) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "the tester profile names an organisation twice");
            }
            return new TesterProfile(this);
        }
    }
}
