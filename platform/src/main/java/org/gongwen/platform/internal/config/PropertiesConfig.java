package org.gongwen.platform.internal.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.sign.KeyMaterial;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.DirectoryDocument;
import org.gongwen.platform.NodeConfig;

/**
 * Reads a node configuration from a UTF-8 properties file (the keys are listed in
 * {@code platform/README.md}). Relative paths resolve against the file's folder. Stateless.
 */
public final class PropertiesConfig {
    private static final Set<String> KEYS = Set.of("node.id", "node.name", "signing.profile", "signing.key", "signing.certificates",
            "signing.key-password", "tls.enabled", "tls.key", "tls.certificates", "tls.key-password", "tls.trust-anchors",
            "trust.anchors", "trust.intermediates", "trust.crls", "trust.require-revocation", "trust.profiles",
            "limits.max-package-bytes", "limits.max-part-bytes", "limits.max-parts", "limits.max-envelope-bytes",
            "storage.dir", "db.url", "db.user", "db.password", "http.host", "http.port", "parent.id", "parent.uri",
            "directory.file", "mailbox.max-wait-seconds", "relay.retry.initial-seconds", "relay.retry.max-seconds",
            "expiry.sweep-seconds", "http.max-connections", "http.min-upload-bytes-per-second", "storage.min-free-bytes");
    private static final String CHILD = "child.";

    private final Properties p;
    private final Path base;
    private final KeyMaterial keys = Gongwen.load().keys();

    private PropertiesConfig(Properties p, Path base) {
        this.p = p;
        this.base = base;
    }

    /**
     * Reads the file into a builder.
     *
     * @throws GongwenException {@code LOC-001} if a file cannot be read, {@code LOC-003} for key
     *     material, {@code LOC-002} for a missing, unknown or invalid key
     */
    public static NodeConfig.Builder read(Path file) throws GongwenException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read the node configuration " + file + ": " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        PropertiesConfig c = new PropertiesConfig(p, base);
        try {
            return c.builder();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, file + ": " + e.getMessage());
        }
    }

    private NodeConfig.Builder builder() throws GongwenException {
        Set<String> unknown = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            if (!KEYS.contains(k) && !(k.startsWith(CHILD) && NodeId.isValid(k.substring(CHILD.length())))) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown keys " + unknown);
        }
        NodeConfig.Builder b = NodeConfig.builder();
        NodeId id = NodeId.parse(required("node.id"));
        b.node(id, p.getProperty("node.name", id.value()).trim());
        SignatureProfile profile = SignatureProfile.valueOf(required("signing.profile").toUpperCase(Locale.ROOT));
        b.signingIdentity(keys.readIdentity(profile, path(required("signing.key")), path(required("signing.certificates")),
                password("signing.key-password")));
        if (Boolean.parseBoolean(p.getProperty("tls.enabled", "true").trim())) {
            Path certFile = path(required("tls.certificates"));
            List<X509Certificate> chain = keys.readCertificates(certFile);
            SignatureProfile tlsProfile = "RSA".equals(chain.get(0).getPublicKey().getAlgorithm())
                    ? SignatureProfile.RSA_SHA256 : SignatureProfile.ECDSA_P256_SHA256;
            SigningIdentity tls = keys.readIdentity(tlsProfile, path(required("tls.key")), certFile, password("tls.key-password"));
            b.tlsIdentity(tls.privateKey(), tls.chain());
            b.tlsTrustAnchors(certificates(required("tls.trust-anchors")));
        } else {
            b.plainHttp();
        }
        TrustPolicy.Builder t = TrustPolicy.builder().trustAnchors(certificates(required("trust.anchors")));
        String inter = p.getProperty("trust.intermediates");
        if (inter != null && !inter.isBlank()) {
            t.intermediates(certificates(inter));
        }
        String crls = p.getProperty("trust.crls");
        if (crls != null && !crls.isBlank()) {
            for (Path f : paths(crls)) {
                t.crls(keys.readCrls(f));
            }
        }
        t.requireRevocationCheck(Boolean.parseBoolean(p.getProperty("trust.require-revocation", "false").trim()));
        String profiles = p.getProperty("trust.profiles");
        if (profiles != null && !profiles.isBlank()) {
            Set<SignatureProfile> set = new java.util.HashSet<>();
            for (String s : profiles.split("[,\\s]+")) {
                set.add(SignatureProfile.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            }
            t.profiles(set);
        }
        b.trust(t.build());
        b.limits(limits());
        b.storageDirectory(path(required("storage.dir")));
        String url = p.getProperty("db.url");
        if (url != null && !url.isBlank()) {
            b.database(url.trim(), p.getProperty("db.user", "").trim(), p.getProperty("db.password", ""));
        }
        b.host(p.getProperty("http.host", "127.0.0.1").trim());
        b.port(Integer.parseInt(p.getProperty("http.port", "0").trim()));
        b.maxConnections(Integer.parseInt(p.getProperty("http.max-connections", String.valueOf(NodeConfig.DEFAULT_MAX_CONNECTIONS)).trim()));
        b.minUploadBytesPerSecond(Long.parseLong(p.getProperty("http.min-upload-bytes-per-second",
                String.valueOf(NodeConfig.DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND)).trim()));
        b.minFreeStorageBytes(Long.parseLong(p.getProperty("storage.min-free-bytes", String.valueOf(NodeConfig.DEFAULT_MIN_FREE_STORAGE_BYTES)).trim()));
        String parent = p.getProperty("parent.id");
        if (parent != null && !parent.isBlank()) {
            b.parent(NodeId.parse(parent.trim()), uri(p.getProperty("parent.uri")));
        }
        for (String k : new TreeSet<>(p.stringPropertyNames())) {
            if (k.startsWith(CHILD)) {
                b.child(NodeId.parse(k.substring(CHILD.length())), uri(p.getProperty(k)));
            }
        }
        String dir = p.getProperty("directory.file");
        if (dir != null && !dir.isBlank()) {
            b.directory(DirectoryDocument.read(readBounded(path(dir), Binding.MAX_DIRECTORY_BYTES)));
        }
        b.maxPollWait(Duration.ofSeconds(Long.parseLong(p.getProperty("mailbox.max-wait-seconds", "60").trim())));
        b.relayRetry(Duration.ofSeconds(Long.parseLong(p.getProperty("relay.retry.initial-seconds", "1").trim())),
                Duration.ofSeconds(Long.parseLong(p.getProperty("relay.retry.max-seconds", "300").trim())));
        b.expirySweepInterval(Duration.ofSeconds(Long.parseLong(p.getProperty("expiry.sweep-seconds", "30").trim())));
        return b;
    }

    private Limits limits() {
        Limits.Builder l = Limits.builder();
        String v;
        if ((v = p.getProperty("limits.max-package-bytes")) != null) {
            l.maxPackageBytes(Long.parseLong(v.trim()));
        }
        if ((v = p.getProperty("limits.max-part-bytes")) != null) {
            l.maxPartBytes(Long.parseLong(v.trim()));
        }
        if ((v = p.getProperty("limits.max-parts")) != null) {
            l.maxParts(Integer.parseInt(v.trim()));
        }
        if ((v = p.getProperty("limits.max-envelope-bytes")) != null) {
            l.maxEnvelopeBytes(Integer.parseInt(v.trim()));
        }
        return l.build();
    }

    private String required(String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing key " + key);
        }
        return v.trim();
    }

    private char[] password(String key) {
        String v = p.getProperty(key);
        return v == null || v.isEmpty() ? null : v.toCharArray();
    }

    private Path path(String value) {
        return base.resolve(value.trim()).normalize();
    }

    private List<Path> paths(String list) {
        List<Path> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                out.add(path(s));
            }
        }
        return out;
    }

    private List<X509Certificate> certificates(String list) throws GongwenException {
        List<X509Certificate> out = new ArrayList<>();
        for (Path f : paths(list)) {
            out.addAll(keys.readCertificates(f));
        }
        return out;
    }

    private static URI uri(String v) {
        return v == null || v.isBlank() ? null : URI.create(v.trim());
    }

    private static byte[] readBounded(Path file, int max) throws GongwenException {
        try {
            if (Files.size(file) > max) {
                throw new GongwenException(ErrorCode.LIMIT_SIZE, file + " is larger than " + max + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
