package org.gongwen.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.wire.DirectoryDocument;

/**
 * A development platform in one process: a fresh development PKI and three nodes on 127.0.0.1
 * ephemeral ports with TLS and client certificates, 陕西省 610000 (parent of) 咸阳市 610400
 * (parent of) 礼泉县 610425, and a directory of the six sample organisations. For the demo,
 * examples, tests and benchmarks; never for production (the keys are made on the spot and kept
 * in memory unless {@link #writeFiles()} is called). Thread-safe.
 *
 * <p>Organisations and their home nodes: 陕西省人民政府办公厅 and 西安市人民政府办公厅 at 610000 (there
 * is no 6101 node), 咸阳市人民政府办公室, 淳化县人民政府办公室 and 彬州市人民政府办公室 at 610400,
 * 礼泉县人民政府办公室 at 610425.
 */
public final class DevPlatform implements AutoCloseable {
    /** The province node 陕西省 610000. */
    public static final NodeId SHAANXI_NODE = NodeId.parse("GWNODE-610000");
    /** The city node 咸阳市 610400. */
    public static final NodeId XIANYANG_NODE = NodeId.parse("GWNODE-610400");
    /** The county node 礼泉县 610425. */
    public static final NodeId LIQUAN_NODE = NodeId.parse("GWNODE-610425");

    /** 陕西省人民政府办公厅, homed at 610000. */
    public static final OrgCode SHAANXI = OrgCode.of("11610000016606015T");
    /** 西安市人民政府办公厅, homed at 610000. */
    public static final OrgCode XIAN = OrgCode.of("11610100016505011R");
    /** 咸阳市人民政府办公室, homed at 610400. */
    public static final OrgCode XIANYANG = OrgCode.of("11610400016001016Y");
    /** 礼泉县人民政府办公室, homed at 610425. */
    public static final OrgCode LIQUAN = OrgCode.of("116104250162020100");
    /** 淳化县人民政府办公室, homed at 610400. */
    public static final OrgCode CHUNHUA = OrgCode.of("11610430016303014D");
    /** 彬州市人民政府办公室, homed at 610400. */
    public static final OrgCode BINZHOU = OrgCode.of("11610482016404018X");

    /**
     * A TLS key and certificate chain (the holder's certificate first). {@link #toString()} never
     * shows the key.
     *
     * @param key the private key
     * @param chain the certificate chain
     */
    public record TlsIdentity(PrivateKey key, List<X509Certificate> chain) {
        /** Copies the chain. */
        public TlsIdentity {
            Objects.requireNonNull(key);
            chain = List.copyOf(chain);
        }

        @Override
        public String toString() {
            return "TlsIdentity{" + chain.get(0).getSubjectX500Principal().getName() + ", key hidden}";
        }
    }

    private record Party(String name, SigningIdentity signing, TlsIdentity tls) {
    }

    private final Path workDir;
    private final SignatureProfile profile;
    private final DevPki.Authority documentCa;
    private final DevPki.Authority tlsCa;
    private final TrustPolicy trust;
    private final Map<OrgCode, Party> orgs = new LinkedHashMap<>();
    private final Map<OrgCode, NodeId> homes = new LinkedHashMap<>();
    private final Map<NodeId, Party> nodeParties = new LinkedHashMap<>();
    private final List<DirectoryEntry> directory = new ArrayList<>();
    private final Map<NodeId, NodeConfig> configs = new LinkedHashMap<>();
    private final Map<NodeId, PlatformNode> nodes = new LinkedHashMap<>();
    private final Map<NodeId, Integer> ports = new LinkedHashMap<>();
    private boolean filesWritten;

    private DevPlatform(Path workDir, SignatureProfile profile) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.profile = profile;
        this.documentCa = DevPki.newAuthority(profile, "Gongwen Dev Document CA");
        this.tlsCa = DevPki.newAuthority(SignatureProfile.ECDSA_P256_SHA256, "Gongwen Dev TLS CA");
        this.trust = TrustPolicy.builder().trustAnchor(documentCa.certificate()).build();
        organisation(SHAANXI, "陕西省人民政府办公厅", SHAANXI_NODE);
        organisation(XIAN, "西安市人民政府办公厅", SHAANXI_NODE);
        organisation(XIANYANG, "咸阳市人民政府办公室", XIANYANG_NODE);
        organisation(CHUNHUA, "淳化县人民政府办公室", XIANYANG_NODE);
        organisation(BINZHOU, "彬州市人民政府办公室", XIANYANG_NODE);
        organisation(LIQUAN, "礼泉县人民政府办公室", LIQUAN_NODE);
        nodeParty(SHAANXI_NODE, "陕西省公文交换节点");
        nodeParty(XIANYANG_NODE, "咸阳市公文交换节点");
        nodeParty(LIQUAN_NODE, "礼泉县公文交换节点");
    }

    private void organisation(OrgCode code, String name, NodeId home) {
        DevPki.Issued signing = documentCa.issue(code, name);
        DevPki.Issued tls = tlsCa.issueTls(code.value(), name);
        orgs.put(code, new Party(name, signing.identity(), new TlsIdentity(tls.keys().getPrivate(), List.of(tls.certificate()))));
        homes.put(code, home);
        directory.add(new DirectoryEntry(code, name, home, EnumSet.allOf(SignatureProfile.class), List.of(signing.certificate())));
    }

    private void nodeParty(NodeId id, String name) {
        DevPki.Issued signing = documentCa.issueNode(id, name);
        DevPki.Issued tls = tlsCa.issueTls(id.value(), name);
        nodeParties.put(id, new Party(name, signing.identity(), new TlsIdentity(tls.keys().getPrivate(), List.of(tls.certificate()))));
    }

    /**
     * Creates the PKI and starts the three nodes, each storing under
     * {@code workDir/nodes/GWNODE-dddddd/}.
     *
     * @param profile the signature profile of the organisations' and nodes' signing keys
     * @throws GongwenException if a node cannot start
     */
    public static DevPlatform start(Path workDir, SignatureProfile profile) throws GongwenException {
        return start(workDir, profile, null);
    }

    /**
     * Like {@link #start(Path, SignatureProfile)}, with each node's database chosen by the caller,
     * for example a PostgreSQL database per node.
     *
     * @param databases the JDBC URL, user and password of each node's database; null for the
     *     default embedded H2 file under the node's storage folder
     * @throws GongwenException if a node cannot start
     */
    public static DevPlatform start(Path workDir, SignatureProfile profile, java.util.function.Function<NodeId, Database> databases)
            throws GongwenException {
        return start(workDir, profile, databases, null);
    }

    /**
     * Like {@link #start(Path, SignatureProfile)}, with the package limits of every node, for
     * example a small {@link Limits#maxPackageBytes()} for the conformance suite's oversize scenario.
     *
     * @param limits the nodes' package limits
     * @throws GongwenException if a node cannot start
     */
    public static DevPlatform startWithLimits(Path workDir, SignatureProfile profile, Limits limits) throws GongwenException {
        return start(workDir, profile, null, Objects.requireNonNull(limits, "limits"));
    }

    private static DevPlatform start(Path workDir, SignatureProfile profile, java.util.function.Function<NodeId, Database> databases,
            Limits limits) throws GongwenException {
        DevPlatform p = new DevPlatform(Objects.requireNonNull(workDir, "workDir"), Objects.requireNonNull(profile, "profile"));
        p.databases = databases;
        p.limits = limits;
        try {
            p.configs.put(SHAANXI_NODE, p.baseConfig(SHAANXI_NODE).child(XIANYANG_NODE, null).build());
            p.configs.put(XIANYANG_NODE, p.baseConfig(XIANYANG_NODE).parent(SHAANXI_NODE, null).child(LIQUAN_NODE, null).build());
            p.configs.put(LIQUAN_NODE, p.baseConfig(LIQUAN_NODE).parent(XIANYANG_NODE, null).build());
            for (NodeId id : p.configs.keySet()) {
                p.nodes.put(id, PlatformNode.start(p.configs.get(id)));
            }
            p.wire();
            return p;
        } catch (GongwenException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /**
     * A node's database: JDBC URL, user and password.
     *
     * @param url the JDBC URL
     * @param user the user ("" for none)
     * @param password the password ("" for none)
     */
    public record Database(String url, String user, String password) {
        @Override
        public String toString() {
            return "Database{" + url + ", user " + user + "}";
        }
    }

    private java.util.function.Function<NodeId, Database> databases;
    private Limits limits;

    private NodeConfig.Builder baseConfig(NodeId id) {
        NodeConfig.Builder b = baseConfigWithoutDatabase(id);
        if (limits != null) {
            b.limits(limits);
        }
        if (databases != null) {
            Database d = databases.apply(id);
            b.database(d.url(), d.user(), d.password());
        }
        return b;
    }

    private NodeConfig.Builder baseConfigWithoutDatabase(NodeId id) {
        Party n = nodeParties.get(id);
        return NodeConfig.builder().node(id, n.name()).signingIdentity(n.signing())
                .tlsIdentity(n.tls().key(), n.tls().chain()).tlsTrustAnchors(List.of(tlsCa.certificate()))
                .trust(trust).storageDirectory(workDir.resolve("nodes").resolve(id.value())).directory(directory)
                .relayRetry(Duration.ofMillis(200), Duration.ofSeconds(5)).expirySweepInterval(Duration.ofMillis(250));
    }

    /** Tells every node the current URIs of its neighbours. */
    private void wire() {
        for (PlatformNode n : nodes.values()) {
            NodeConfig c = configs.get(n.id());
            c.parent().ifPresent(p -> setPeerIfRunning(n, p.id()));
            c.children().forEach(ch -> setPeerIfRunning(n, ch.id()));
        }
    }

    private void setPeerIfRunning(PlatformNode n, NodeId peer) {
        PlatformNode other = nodes.get(peer);
        if (other != null) {
            n.setPeer(peer, other.uri());
        }
    }

    /** The signature profile of the signing keys. */
    public SignatureProfile profile() { return profile; }

    /** The running node with this id. */
    public PlatformNode node(NodeId id) {
        PlatformNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no running node " + id);
        }
        return n;
    }

    /** The three nodes, province first. */
    public List<PlatformNode> nodes() { return List.copyOf(nodes.values()); }

    /** The directory every node publishes. */
    public List<DirectoryEntry> directory() { return List.copyOf(directory); }

    /** The organisation's home node. */
    public NodeId homeNode(OrgCode org) { return party(org, homes.get(org)); }

    /** The trust policy for documents and receipts: the development document CA. */
    public TrustPolicy trustPolicy() { return trust; }

    /** The anchor every TLS certificate (organisations' and nodes') chains to. */
    public List<X509Certificate> tlsTrustAnchors() { return List.of(tlsCa.certificate()); }

    /** An organisation's signing identity (documents and its receipts). */
    public SigningIdentity signingIdentity(OrgCode org) { return party(org, orgs.get(org)).signing(); }

    /** An organisation's TLS client identity. */
    public TlsIdentity tlsIdentity(OrgCode org) { return party(org, orgs.get(org)).tls(); }

    /** A node's signing identity (its receipts). */
    public SigningIdentity nodeSigningIdentity(NodeId id) { return party(id, nodeParties.get(id)).signing(); }

    /** A node's TLS identity. */
    public TlsIdentity nodeTlsIdentity(NodeId id) { return party(id, nodeParties.get(id)).tls(); }

    private static <T> T party(Object key, T value) {
        if (value == null) {
            throw new IllegalArgumentException(key + " is not part of the development platform");
        }
        return value;
    }

    /** A ready client configuration for an organisation, pointing at its home node. */
    public ExchangeConfig clientConfig(OrgCode org) {
        Party p = party(org, orgs.get(org));
        return ExchangeConfig.builder().node(node(homes.get(org)).uri()).tlsIdentity(p.tls().key(), p.tls().chain())
                .tlsTrustAnchors(tlsTrustAnchors()).signingIdentity(p.signing()).trust(trust).build();
    }

    /**
     * Closes a node (if it runs) and starts it again on the same storage, database and (if still
     * free) port, then tells its neighbours where it is.
     *
     * @return the new node
     */
    public synchronized PlatformNode restart(NodeId id) throws GongwenException {
        if (!configs.containsKey(id)) {
            throw new IllegalArgumentException("no node " + id);
        }
        PlatformNode old = nodes.remove(id);
        if (old != null) {
            ports.put(id, old.uri().getPort());
            old.close();
        }
        int port = ports.getOrDefault(id, 0);
        PlatformNode n;
        try {
            n = PlatformNode.start(configs.get(id).toBuilder().port(port).build());
        } catch (GongwenException e) {
            n = PlatformNode.start(configs.get(id));
        }
        nodes.put(id, n);
        wire();
        if (filesWritten) {
            writeClientFiles();
        }
        return n;
    }

    /** Stops a node without starting it again (a neighbour then keeps its relays for it). */
    public synchronized void stop(NodeId id) {
        PlatformNode n = nodes.remove(id);
        if (n != null) {
            ports.put(id, n.uri().getPort());
            n.close();
        }
    }

    /**
     * Waits until no node owes a relay and none finished one while the nodes were checked, so that
     * every message and receipt has come to rest.
     *
     * @return whether that happened before the timeout
     */
    public boolean awaitQuiet(Duration timeout) throws GongwenException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<PlatformNode> all = nodes();
            long before = 0;
            for (PlatformNode n : all) {
                before += n.finishedRelays();
            }
            boolean empty = true;
            for (PlatformNode n : all) {
                empty &= n.awaitRelays(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            long after = 0;
            for (PlatformNode n : all) {
                after += n.finishedRelays();
            }
            if (empty && before == after) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the PKI and the directory as files under {@code workDir/pki}: {@code document-ca.pem},
     * {@code tls-ca.pem}, {@code directory.xml}, and per organisation and node (folders
     * {@code orgs/<code>/} and {@code nodes/<node id>/}) {@code signing-key.pem},
     * {@code signing-cert.pem}, {@code tls-key.pem}, {@code tls-cert.pem}; each node folder also gets
     * a {@code node.properties} for {@link PlatformMain} (port 0, its own storage, no neighbour URIs).
     * It also writes one client configuration file per organisation, {@link #clientFile(OrgCode)},
     * in the format {@link org.gongwen.api.Gongwen#exchangeConfig(Path)} reads, naming the running
     * home node's URI and the files under {@code pki}; {@link #restart(NodeId)} rewrites them.
     *
     * @return the {@code pki} folder
     * @throws GongwenException {@code LOC-001} if a file cannot be written
     */
    public Path writeFiles() throws GongwenException {
        Path dir = workDir.resolve("pki");
        try {
            DevPki.writePem(dir.resolve("document-ca.pem"), documentCa.certificate());
            DevPki.writePem(dir.resolve("tls-ca.pem"), tlsCa.certificate());
            Files.write(dir.resolve("directory.xml"), DirectoryDocument.write(directory));
            for (Map.Entry<OrgCode, Party> e : orgs.entrySet()) {
                writeParty(dir.resolve("orgs").resolve(e.getKey().value()), e.getValue());
            }
            for (Map.Entry<NodeId, Party> e : nodeParties.entrySet()) {
                Path nd = dir.resolve("nodes").resolve(e.getKey().value());
                writeParty(nd, e.getValue());
                Files.writeString(nd.resolve("node.properties"), nodeProperties(e.getKey(), e.getValue()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write the development PKI to " + dir + ": " + e.getMessage(), e);
        }
        filesWritten = true;
        writeClientFiles();
        return dir;
    }

    /**
     * The client configuration file {@link #writeFiles()} writes for an organisation:
     * {@code workDir/<code>.client.properties}.
     */
    public Path clientFile(OrgCode org) {
        party(org, orgs.get(org));
        return workDir.resolve(org.value() + ".client.properties");
    }

    private synchronized void writeClientFiles() throws GongwenException {
        for (OrgCode org : orgs.keySet()) {
            Path file = clientFile(org);
            try {
                Files.writeString(file, clientProperties(org), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private String clientProperties(OrgCode org) {
        String keys = "pki/orgs/" + org.value() + "/";
        PlatformNode home = nodes.get(homes.get(org));
        StringBuilder b = new StringBuilder();
        b.append("# ").append(orgs.get(org).name()).append(": development client configuration made by DevPlatform, not for production.\n");
        b.append("organisation=").append(org.value()).append('\n');
        b.append("# home node ").append(homes.get(org).value()).append(home == null ? " (not running when this file was written)" : "").append('\n');
        b.append("node=").append(home == null ? "" : home.uri()).append('\n');
        b.append("tls.key=").append(keys).append("tls-key.pem\n");
        b.append("tls.certificates=").append(keys).append("tls-cert.pem\n");
        b.append("tls.trust=pki/tls-ca.pem\n");
        b.append("signing.profile=").append(profile.name()).append('\n');
        b.append("signing.key=").append(keys).append("signing-key.pem\n");
        b.append("signing.certificates=").append(keys).append("signing-cert.pem\n");
        b.append("trust.anchors=pki/document-ca.pem\n");
        return b.toString();
    }

    private static void writeParty(Path dir, Party p) throws IOException {
        DevPki.writePem(dir.resolve("signing-key.pem"), p.signing().privateKey());
        DevPki.writePem(dir.resolve("signing-cert.pem"), p.signing().chain().toArray());
        DevPki.writePem(dir.resolve("tls-key.pem"), p.tls().key());
        DevPki.writePem(dir.resolve("tls-cert.pem"), p.tls().chain().toArray());
    }

    private String nodeProperties(NodeId id, Party p) {
        NodeConfig c = configs.get(id);
        StringBuilder b = new StringBuilder();
        b.append("# Development node ").append(id).append(": keys made by DevPlatform, not for production.\n");
        b.append("node.id=").append(id.value()).append('\n');
        b.append("node.name=").append(p.name()).append('\n');
        b.append("signing.profile=").append(profile.name()).append('\n');
        b.append("signing.key=signing-key.pem\nsigning.certificates=signing-cert.pem\n");
        b.append("tls.key=tls-key.pem\ntls.certificates=tls-cert.pem\ntls.trust-anchors=../../tls-ca.pem\n");
        b.append("trust.anchors=../../document-ca.pem\n");
        b.append("directory.file=../../directory.xml\n");
        b.append("storage.dir=storage\n");
        b.append("http.host=127.0.0.1\nhttp.port=0\n");
        c.parent().ifPresent(pp -> b.append("parent.id=").append(pp.id().value()).append("\nparent.uri=\n"));
        c.children().forEach(ch -> b.append("child.").append(ch.id().value()).append("=\n"));
        return b.toString();
    }

    /** Closes every node. */
    @Override
    public synchronized void close() {
        List<PlatformNode> all = new ArrayList<>(nodes.values());
        nodes.clear();
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
    }

    /** The node URIs, for logs. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("DevPlatform{");
        for (PlatformNode n : nodes.values()) {
            URI u = n.uri();
            b.append(n.id()).append('=').append(u).append(' ');
        }
        return b.append(profile).append('}').toString();
    }
}
