package org.gongwen.internal.pkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.gongwen.api.Gongwen;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartRole;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.testing.Fixtures;
import org.gongwen.testing.GongwenArbitraries;
import org.gongwen.testing.PackageSpec;
import org.gongwen.testing.ScratchDir;

/**
 * Write then read gives back what was written, under every profile: the envelope, and every
 * part's bytes through extraction. The manifest's digests are checked against a digest
 * computed here, independently of the SDK.
 */
class PackageRoundTripProperties {
    private static final Gongwen GW = Gongwen.load();
    private static final int TRIES = 25;

    @Property(tries = TRIES)
    void sm2Sm3(@ForAll("packages") PackageSpec spec) throws Exception {
        roundTrip(SignatureProfile.SM2_SM3, spec);
    }

    @Property(tries = TRIES)
    void rsaSha256(@ForAll("packages") PackageSpec spec) throws Exception {
        roundTrip(SignatureProfile.RSA_SHA256, spec);
    }

    @Property(tries = TRIES)
    void ecdsaP256Sha256(@ForAll("packages") PackageSpec spec) throws Exception {
        roundTrip(SignatureProfile.ECDSA_P256_SHA256, spec);
    }

    @Property(tries = TRIES)
    void ed25519(@ForAll("packages") PackageSpec spec) throws Exception {
        roundTrip(SignatureProfile.ED25519, spec);
    }

    @Provide
    Arbitrary<PackageSpec> packages() {
        return GongwenArbitraries.packageSpecs(4, 20 * 1024);
    }

    private static void roundTrip(SignatureProfile profile, PackageSpec spec) throws Exception {
        PackageSpec.Written w = spec.write(profile);
        assertEquals(spec.header(), w.envelope.header());
        assertEquals(spec.metadata(), w.envelope.metadata());
        List<Part> parts = w.envelope.manifest().parts();
        assertEquals(profile.digestAlgorithm(), w.envelope.manifest().digestAlgorithm());
        assertEquals(spec.parts().size(), parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            PackageSpec.PartSpec s = spec.parts().get(i);
            assertEquals(s.name(), p.name());
            assertEquals(i == 0 ? PartRole.BODY : PartRole.ATTACHMENT, p.role());
            assertEquals(s.mediaType(), p.mediaType());
            assertEquals(s.size(), p.size());
            assertArrayEquals(digest(profile.digestAlgorithm(), w.parts.get(i)), p.digest(), "digest of " + p.name());
        }

        PackageVerifier verifier = GW.verifier(Fixtures.pki(profile).trust());
        VerifiedPackage streamed = verifier.verify(new ByteArrayInputStream(w.bytes));
        assertEquals(w.envelope, streamed.envelope());
        assertEquals(Fixtures.LIQUAN, streamed.signer().organisation());
        assertEquals(profile, streamed.signer().profile());

        try (ScratchDir dir = ScratchDir.create()) {
            Path file = Files.write(dir.resolve("in.gwpkg"), w.bytes);
            Path out = dir.resolve("out");
            VerifiedPackage extracted = verifier.extract(file, out);
            assertEquals(w.envelope, extracted.envelope());
            assertArrayEquals(streamed.signatureValue(), extracted.signatureValue());
            assertEquals(parts.stream().map(Part::name).collect(Collectors.toSet()), extracted.extractedParts().keySet());
            for (int i = 0; i < parts.size(); i++) {
                Path f = extracted.extractedParts().get(parts.get(i).name());
                assertEquals(out.resolve(parts.get(i).name()), f);
                assertArrayEquals(w.parts.get(i), Files.readAllBytes(f), "bytes of " + parts.get(i).name());
            }
            List<String> left = new ArrayList<>();
            try (Stream<Path> s = Files.list(out)) {
                s.forEach(p -> left.add(p.getFileName().toString()));
            }
            assertEquals(parts.size(), left.size(), "only the parts are left in the directory: " + left);
        }
    }

    /** The digest computed without the SDK: the JDK for SHA-256, Bouncy Castle's lightweight API for SM3. */
    private static byte[] digest(DigestAlgorithm alg, byte[] data) throws Exception {
        if (alg == DigestAlgorithm.SHA256) {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }
}
