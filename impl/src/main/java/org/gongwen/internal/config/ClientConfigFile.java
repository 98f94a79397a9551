package org.gongwen.internal.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.sign.KeyMaterial;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.api.trust.TrustPolicy;

/**
 * An organisation's exchange client configuration file (README, "Client configuration file"):
 * UTF-8 properties naming the home node, the TLS and signing key material and the trust anchors.
 * Relative paths resolve against the file's folder.
 */
public final class ClientConfigFile {
    static final Set<String> KEYS = Set.of("organisation", "node", "tls.key", "tls.certificates", "tls.trust",
            "signing.profile", "signing.key", "signing.certificates", "signing.password-file", "trust.anchors", "trust.crls");

    private ClientConfigFile() {
    }

    /**
     * Reads a client configuration file.
     *
     * @throws GongwenException {@code LOC-002} for a missing or unknown key or a bad value,
     *     {@code LOC-003} for key material that cannot be read, {@code LOC-001} if the file cannot be read
     */
    public static ExchangeConfig read(Path file, KeyMaterial keys) throws GongwenException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read client configuration " + file + ": " + e.getMessage(), e);
        }
        for (String k : p.stringPropertyNames()) {
            if (!KEYS.contains(k)) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, file + ": unknown key '" + k + "'; known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        URI node;
        try {
            node = new URI(required(p, file, "node"));
        } catch (URISyntaxException e) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, file + ": node is not a URI: " + e.getMessage());
        }
        SignatureProfile profile;
        try {
            profile = SignatureProfile.valueOf(required(p, file, "signing.profile"));
        } catch (IllegalArgumentException e) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, file + ": signing.profile must be one of SM2_SM3, RSA_SHA256, ECDSA_P256_SHA256, ED25519");
        }
        char[] password = p.getProperty("signing.password-file") == null ? null : org.gongwen.internal.keys.PasswordFile.read(dir.resolve(p.getProperty("signing.password-file")));
        SigningIdentity signing;
        try {
            signing = keys.readIdentity(profile, dir.resolve(required(p, file, "signing.key")),
                    dir.resolve(required(p, file, "signing.certificates")), password);
        } finally {
            org.gongwen.internal.keys.PasswordFile.wipe(password);
        }
        String declared = p.getProperty("organisation");
        if (declared != null) {
            String named = org.gongwen.internal.trust.TrustValidator.organisationOf(signing.certificate()).value();
            if (!named.equals(declared.trim())) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, file + ": organisation is " + declared.trim()
                        + " but the signing certificate names " + named);
            }
        }
        TrustPolicy.Builder trust = TrustPolicy.builder();
        for (String a : list(required(p, file, "trust.anchors"))) {
            trust.trustAnchors(keys.readCertificates(dir.resolve(a)));
        }
        List<java.security.cert.X509CRL> crls = new ArrayList<>();
        for (String c : list(p.getProperty("trust.crls", ""))) {
            crls.addAll(keys.readCrls(dir.resolve(c)));
        }
        trust.crls(crls);
        ExchangeConfig.Builder b = ExchangeConfig.builder().node(node).signingIdentity(signing).trust(trust.build());
        if ("https".equals(node.getScheme())) {
            SigningIdentity tls = readTlsIdentity(keys, dir.resolve(required(p, file, "tls.key")), dir.resolve(required(p, file, "tls.certificates")));
            List<java.security.cert.X509Certificate> tlsTrust = new ArrayList<>();
            for (String a : list(required(p, file, "tls.trust"))) {
                tlsTrust.addAll(keys.readCertificates(dir.resolve(a)));
            }
            b.tlsIdentity(tls.privateKey(), tls.chain()).tlsTrustAnchors(tlsTrust);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, file + ": " + e.getMessage());
        }
    }

    /** A TLS key is ECDSA P-256 or RSA; the profile only serves to read and check it. */
    private static SigningIdentity readTlsIdentity(KeyMaterial keys, Path key, Path certs) throws GongwenException {
        try {
            return keys.readIdentity(SignatureProfile.ECDSA_P256_SHA256, key, certs, null);
        } catch (GongwenException ecdsa) {
            try {
                return keys.readIdentity(SignatureProfile.RSA_SHA256, key, certs, null);
            } catch (GongwenException rsa) {
                throw new GongwenException(ErrorCode.LOCAL_KEY, "the TLS key " + key + " is neither a P-256 ECDSA key nor an RSA key of 2048 bits or more: "
                        + ecdsa.getMessage());
            }
        }
    }

    private static String required(Properties p, Path file, String key) throws GongwenException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, file + ": '" + key + "' is required");
        }
        return v.trim();
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
