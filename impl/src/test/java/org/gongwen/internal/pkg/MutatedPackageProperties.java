package org.gongwen.internal.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.testing.Fixtures;
import org.gongwen.testing.GongwenArbitraries;
import org.gongwen.testing.Mutation;
import org.gongwen.testing.PackageSpec;
import org.gongwen.testing.ScratchDir;
import org.gongwen.testing.SignedSamples;

/**
 * The package reader, given mutated packages, fails only with a {@link GongwenException}.
 * Three ways in: mutated package bytes (which must never verify, since every byte is
 * covered); a mutated envelope.xml inside an otherwise well-formed ZIP with correct sizes and
 * CRCs (which may verify only as the envelope that was signed); a mutated entry name.
 */
class MutatedPackageProperties {
    private static final Gongwen GW = Gongwen.load();

    /** The control: every unchanged sample verifies. */
    @Example
    void unchangedSamplesVerify() throws Exception {
        for (SignatureProfile profile : SignatureProfile.values()) {
            for (int sample = 0; sample < SignedSamples.COUNT; sample++) {
                PackageSpec.Written w = SignedSamples.pkg(profile, sample);
                assertEquals(w.envelope, verifier(profile).verify(new ByteArrayInputStream(w.bytes)).envelope());
            }
        }
    }

    @Property(tries = 400)
    void mutatedPackageBytesAreRefusedWithGongwenException(@ForAll SignatureProfile profile,
            @ForAll @IntRange(min = 0, max = SignedSamples.COUNT - 1) int sample, @ForAll("mutations") List<Mutation> mutations)
            throws Exception {
        PackageSpec.Written w = SignedSamples.pkg(profile, sample);
        byte[] mutated = Mutation.applyAll(mutations, w.bytes);
        VerifiedPackage v = verifyOnlyGongwenException(profile, mutated);
        if (v != null && !Arrays.equals(mutated, w.bytes)) {
            fail("a changed package verified");
        }
    }

    @Property(tries = 300)
    void mutatedEnvelopeInAWellFormedZipFailsOnlyWithGongwenException(@ForAll SignatureProfile profile,
            @ForAll @IntRange(min = 0, max = SignedSamples.COUNT - 1) int sample, @ForAll("mutations") List<Mutation> mutations)
            throws Exception {
        PackageSpec.Written w = SignedSamples.pkg(profile, sample);
        RawPackage raw = raw(w.bytes);
        RawPackage.Entry envelope = raw.entry("envelope.xml");
        envelope.data = Mutation.applyAll(mutations, envelope.data);
        VerifiedPackage v = verifyOnlyGongwenException(profile, raw.toBytes());
        if (v != null) {
            assertEquals(w.envelope, v.envelope(), "a package whose envelope changed verified as another envelope");
        }
    }

    @Property(tries = 150)
    void mutatedEntryNameFailsOnlyWithGongwenException(@ForAll SignatureProfile profile,
            @ForAll @IntRange(min = 0, max = SignedSamples.COUNT - 1) int sample, @ForAll @IntRange(min = 0, max = 3) int entry,
            @ForAll("mutations") List<Mutation> mutations) throws Exception {
        PackageSpec.Written w = SignedSamples.pkg(profile, sample);
        RawPackage raw = raw(w.bytes);
        RawPackage.Entry e = raw.entries.get(entry % raw.entries.size());
        String before = e.name;
        e.name = new String(Mutation.applyAll(mutations, before.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        VerifiedPackage v = verifyOnlyGongwenException(profile, raw.toBytes());
        if (v != null && !e.name.equals(before)) {
            fail("a package verified with entry '" + before + "' renamed to '" + e.name + "'");
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return GongwenArbitraries.mutations(3);
    }

    private static PackageVerifier verifier(SignatureProfile profile) {
        return GW.verifier(Fixtures.pki(profile).trust());
    }

    /** Verifies; returns the result, or null after a GongwenException; fails on any other exception. */
    private static VerifiedPackage verifyOnlyGongwenException(SignatureProfile profile, byte[] bytes) {
        try {
            VerifiedPackage v = verifier(profile).verify(new ByteArrayInputStream(bytes));
            Statistics.label("outcome").collect("verified");
            return v;
        } catch (GongwenException e) {
            Statistics.label("outcome").collect(e.code().code());
            return null;
        } catch (RuntimeException e) {
            throw new AssertionError("PackageVerifier.verify let " + e.getClass().getName() + " escape; only GongwenException may: "
                    + e.getMessage(), e);
        }
    }

    private static RawPackage raw(byte[] bytes) throws Exception {
        try (ScratchDir dir = ScratchDir.create()) {
            return RawPackage.read(Files.write(dir.resolve("p.gwpkg"), bytes));
        }
    }
}
