package org.gongwen.conformance.packages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.pkg.RawPackage;
import org.gongwen.spec.attacks.Recipes;
import org.gongwen.testing.Fixtures;

/**
 * Makes the package vectors of spec/vectors/packages from a fixed seed: the test PKI of each
 * profile ({@link SeededPki}), a valid base package per profile, the extra vectors of
 * an expired message (valid for a reader), and one tampered package for every attack recipe of spec/vectors/attacks
 * that needs neither changed limits nor a special trust policy. Writes the packages, the PKI
 * (private keys included: test material) and {@code index.json}.
 *
 * <p>Run from the repository root: {@code spec/vectors/generate.sh}, or
 * {@code java ... VectorGenerator [OUT_DIR [ATTACKS_DIR]]} (defaults {@code spec/vectors/packages}
 * and {@code spec/vectors/attacks}). Packages signed with ECDSA or SM2 differ in their bytes
 * from run to run (those signatures are randomized); the index and the verdicts do not.
 */
public final class VectorGenerator {
    /** The seed of the committed vectors. */
    public static final long SEED = 20261126L;
    /** The trust policies of attack recipes that the index's one policy (anchors and CRLs) reproduces. */
    private static final Set<String> POLICIES = Set.of("default", "crl");
    private static final String DESCRIPTION = "Gongwen Exchange 1.0 package vectors: valid and tampered packages for every "
            + "signature profile, with the verdict and error code a conforming reader must report. Made by "
            + "spec/vectors/generate.sh from seed " + SEED + "; see README.md.";

    private VectorGenerator() {
    }

    /** Generates into {@code args[0]} (default spec/vectors/packages) from the recipes in {@code args[1]}. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "spec/vectors/packages");
        Path attacks = Path.of(args.length > 1 ? args[1] : "spec/vectors/attacks");
        VectorIndex index = generate(out, attacks, SEED);
        System.out.println("wrote " + index.vectors().size() + " vectors and " + out.resolve("index.json"));
    }

    /**
     * Writes every vector, the PKI and the index into {@code out}, replacing what an earlier run
     * wrote there.
     *
     * @return the index written
     */
    public static VectorIndex generate(Path out, Path attacks, long seed) throws Exception {
        List<Recipes.Recipe> recipes = Recipes.load(attacks);
        List<PackageVector> vectors = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        List<String> crls = new ArrayList<>();
        Path work = Files.createTempDirectory("gongwen-vectors");
        try {
            for (SignatureProfile p : SignatureProfile.values()) {
                SeededPki pki = new SeededPki(p, seed);
                Path dir = clean(out.resolve(p.name()));
                anchors.add("pki/" + p + "/ca.cert.pem");
                crls.add("pki/" + p + "/ca.crl.pem");
                writePki(clean(out.resolve("pki").resolve(p.name())), pki);
                RawPackage base = base(work.resolve(p.name()), p, pki.signers.get("liquan"), seed);
                String prefix = p.name() + "/";
                write(dir, "valid", base.toBytes());
                vectors.add(new PackageVector(prefix + "valid.gwpkg", p.name(), Verdict.VALID, null, "P-8.16",
                        "the base package: 礼泉县 sends a 报告 to 咸阳市, copy to 淳化县, with a 正文 and one 附件, signed by 礼泉县"));
                write(dir, "expired-message", build(work.resolve(p.name()), p, pki.signers.get("liquan"),
                        header(p, seed, Instant.parse("2026-11-27T08:00:00Z"))).toBytes());
                vectors.add(new PackageVector(prefix + "expired-message.gwpkg", p.name(), Verdict.VALID, null, "E-3.4",
                        "Expires lies in the past of any verification: readers do not compare it with the current time (nodes do, T-4.3)"));
                for (Recipes.Recipe r : recipes) {
                    if (!r.profiles().contains(p) || r.changesLimits() || !POLICIES.contains(r.policy())) {
                        continue;
                    }
                    SigningIdentity signer = pki.signers.get(r.signer());
                    byte[] bytes = Recipes.apply(r, p, base, signer, attacks);
                    write(dir, r.id(), bytes);
                    boolean valid = "VALID".equals(r.expect());
                    vectors.add(new PackageVector(prefix + r.id() + ".gwpkg", p.name(), valid ? Verdict.VALID : Verdict.REFUSED,
                            valid ? null : r.expect(), Clauses.of(r), r.id() + ": " + r.clause()));
                }
            }
        } finally {
            delete(work);
        }
        VectorIndex index = new VectorIndex(anchors, crls, vectors);
        Files.writeString(out.resolve("index.json"), index.toJson(DESCRIPTION, SeededPki.VERDICTS_HOLD), StandardCharsets.UTF_8);
        return index;
    }

    /** The valid base package of a profile: fixed header, metadata and part contents. */
    private static RawPackage base(Path work, SignatureProfile p, SigningIdentity liquan, long seed) throws Exception {
        return build(work, p, liquan, header(p, seed, null));
    }

    /** A package with the base's metadata and part contents and the given header, signed through the public API. */
    private static RawPackage build(Path work, SignatureProfile p, SigningIdentity liquan, Header header) throws Exception {
        Files.createDirectories(work);
        Path pkg = Files.createTempFile(work, "package", ".gwpkg");
        Files.delete(pkg);
        Gongwen.load().newPackage().header(header).metadata(Fixtures.metadata())
                .body(text(work, "正文.pdf", "%PDF-1.7\n% Gongwen Exchange conformance vector: 正文\n", 400))
                .attachment(text(work, "附件1 统计表.xlsx", "Gongwen Exchange conformance vector: 附件1 统计表\n", 1500))
                .signWith(liquan)
                .writeTo(pkg);
        return RawPackage.read(pkg);
    }

    /** The fixed header of a profile's base package, optionally with an expiry time. */
    static Header header(SignatureProfile p, long seed, Instant expires) {
        UUID id = UUID.nameUUIDFromBytes(("gongwen-vectors/" + seed + "/" + p).getBytes(StandardCharsets.UTF_8));
        Header.Builder b = Fixtures.header().toBuilder().messageId(id).conversationId(id).created(Instant.parse("2026-11-26T08:00:00Z"));
        if (expires != null) {
            b.expires(expires);
        }
        return b.build();
    }

    /**
     * A part file of exactly {@code size} bytes: {@code line} in UTF-8, repeated. Text compresses
     * well, which keeps the repository small although ECDSA and SM2 vectors change bytes on every run.
     */
    private static Path text(Path dir, String name, String line, int size) throws IOException {
        byte[] l = line.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = l[i % l.length];
        }
        Path f = dir.resolve(name);
        Files.write(f, b);
        return f;
    }

    private static void writePki(Path dir, SeededPki pki) throws IOException {
        Files.writeString(dir.resolve("README.txt"), "TEST MATERIAL ONLY: these keys are public. Never trust this CA outside conformance tests.\n",
                StandardCharsets.US_ASCII);
        DevPki.writePem(dir.resolve("ca.cert.pem"), pki.ca);
        DevPki.writePem(dir.resolve("ca.key.pem"), pki.caKeys.getPrivate());
        DevPki.writePem(dir.resolve("ca.crl.pem"), pki.crl);
        DevPki.writePem(dir.resolve("untrusted-ca.cert.pem"), pki.untrustedCa);
        DevPki.writePem(dir.resolve("untrusted-ca.key.pem"), pki.untrustedKeys.getPrivate());
        for (Map.Entry<String, SigningIdentity> e : pki.signers.entrySet()) {
            if (!"ca".equals(e.getKey())) {
                DevPki.writePem(dir.resolve(e.getKey() + ".cert.pem"), e.getValue().certificate());
                DevPki.writePem(dir.resolve(e.getKey() + ".key.pem"), e.getValue().privateKey());
            }
        }
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name + ".gwpkg"), bytes);
    }

    /** Creates the folder, or empties it of the files an earlier run wrote (packages, PEM files, README.txt). */
    private static Path clean(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                String n = f.getFileName().toString();
                if (n.endsWith(".gwpkg") || n.endsWith(".pem") || n.equals("README.txt")) {
                    Files.delete(f);
                }
            }
        }
        return dir;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
