package org.gongwen.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.pkg.SignedEnvelope;
import org.gongwen.internal.wire.ReceiptDraft;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.api.pkg.Limits;
import org.gongwen.testing.Fixtures;

/**
 * Keys, certificates, packages and node answers for the exchange client's tests: one TLS
 * authority (ECDSA P-256) with TLS certificates for the sample organisations and the test node,
 * an unrelated TLS authority, the node's signing certificate from each profile's test CA, and
 * real signed packages and receipts. Keys are made once per JVM.
 */
final class ExchangeFixtures {
    static final Gongwen GW = Gongwen.load();
    /** The node the tests talk to: 礼泉县's. */
    static final NodeId NODE = NodeId.parse("GWNODE-610425");

    private static DevPki.Authority tlsCa;
    private static DevPki.Authority otherTlsCa;
    private static final Map<String, DevPki.Issued> TLS = new HashMap<>();
    private static final Map<String, DevPki.Issued> SIGNERS = new HashMap<>();

    private ExchangeFixtures() {
    }

    /** The TLS authority of the tests' platform. */
    static synchronized DevPki.Authority tlsCa() {
        if (tlsCa == null) {
            tlsCa = DevPki.newAuthority(SignatureProfile.ECDSA_P256_SHA256, "Gongwen Test TLS CA");
        }
        return tlsCa;
    }

    /** A TLS authority nobody in the tests trusts. */
    static synchronized DevPki.Authority otherTlsCa() {
        if (otherTlsCa == null) {
            otherTlsCa = DevPki.newAuthority(SignatureProfile.ECDSA_P256_SHA256, "Unknown TLS CA");
        }
        return otherTlsCa;
    }

    /** A TLS certificate for a party from the tests' TLS authority. */
    static synchronized DevPki.Issued tls(String party) {
        return TLS.computeIfAbsent(party, p -> tlsCa().issueTls(p, "TLS " + p));
    }

    /** The node's TLS certificate. */
    static DevPki.Issued nodeTls() {
        return tls(NODE.value());
    }

    /** The node's signing certificate from the profile's test CA. */
    static synchronized DevPki.Issued nodeSigner(SignatureProfile p) {
        return SIGNERS.computeIfAbsent("node " + p, k -> Fixtures.pki(p).ca.issueNode(NODE, "礼泉县公文交换节点"));
    }

    /** An organisation's signing certificate from the profile's test CA. */
    static synchronized DevPki.Issued signer(SignatureProfile p, OrgCode org) {
        Fixtures.Pki pki = Fixtures.pki(p);
        if (org.equals(Fixtures.LIQUAN)) {
            return pki.liquan;
        }
        if (org.equals(Fixtures.XIANYANG)) {
            return pki.xianyang;
        }
        return SIGNERS.computeIfAbsent(org + " " + p, k -> pki.ca.issue(org, "机关 " + org));
    }

    /** A client configuration for an organisation talking to {@code node}, with short timeouts. */
    static ExchangeConfig.Builder config(URI node, OrgCode org, SignatureProfile p) {
        DevPki.Issued tls = tls(org.value());
        return ExchangeConfig.builder()
                .node(node)
                .tlsIdentity(tls.keys().getPrivate(), List.of(tls.certificate()))
                .tlsTrustAnchors(List.of(tlsCa().certificate()))
                .signingIdentity(signer(p, org).identity())
                .trust(Fixtures.pki(p).trust())
                .connectTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofSeconds(30));
    }

    /** Packs and signs a package from 礼泉县 with a body of {@code bodySize} pseudo-random bytes. */
    static Path pack(Path dir, String name, SignatureProfile p, Header header, long bodySize) throws GongwenException, IOException {
        Path body = Fixtures.file(dir, name + "-正文.pdf", bodySize, name.hashCode());
        Path pkg = dir.resolve(name + ".gwpkg");
        GW.newPackage().header(header).metadata(Fixtures.metadata()).body(body, "正文.pdf", "application/pdf")
                .signWith(signer(p, header.sender()).identity()).writeTo(pkg);
        Files.delete(body);
        return pkg;
    }

    /** A package from 礼泉县 to 咸阳市 (cc 淳化县) with a fresh message id. */
    static Path pack(Path dir, String name, SignatureProfile p, long bodySize) throws GongwenException, IOException {
        return pack(dir, name, p, Fixtures.header().toBuilder().messageId(java.util.UUID.randomUUID()).build(), bodySize);
    }

    /** A receipt draft of the given type bound to the package (for the node or a recipient to sign). */
    static ReceiptDraft draft(ReceiptType type, String issuer, Path pkg) throws GongwenException {
        SignedEnvelope s = SignedEnvelope.read(pkg, Limits.defaults());
        Header h = s.envelope().header();
        return new ReceiptDraft(type, issuer, h.sender(), h.messageId(), s.profile().digestAlgorithm(),
                Receipts.signatureDigest(s.profile(), s.signatureValue()));
    }

    /** The node's signed ACCEPTED receipt for a package. */
    static byte[] accepted(Path pkg, SignatureProfile p) throws GongwenException {
        return Receipts.sign(draft(ReceiptType.ACCEPTED, NODE.value(), pkg), nodeSigner(p).identity());
    }

    /** The envelope of a package, unverified. */
    static Envelope envelope(Path pkg) throws GongwenException {
        return SignedEnvelope.read(pkg, Limits.defaults()).envelope();
    }

    /** The mailbox entry a node would list for a package. */
    static MailboxEntry entry(Path pkg) throws GongwenException, IOException {
        Header h = envelope(pkg).header();
        return new MailboxEntry(h.sender(), h.messageId(), h.messageType(), Files.size(pkg), sha256(pkg),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /** The SHA-256 of a file, lower-case hex. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
