package org.gongwen.internal.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.testing.Fixtures;
import org.gongwen.testing.GongwenArbitraries;
import org.gongwen.testing.PackageSpec;

/**
 * Every byte of a signed package is covered: changing any single byte (any position, any
 * non-zero XOR) makes verification fail with a {@link GongwenException}, and a changed byte
 * inside a part's data fails with exactly {@code DIG-001}. The unchanged package verifies (the
 * control). Half of the tries aim at part data, the others anywhere in the file.
 */
class PackageTamperProperties {
    private static final Gongwen GW = Gongwen.load();
    private static final int TRIES = 50;

    @Property(tries = TRIES)
    void sm2Sm3(@ForAll("packages") PackageSpec spec, @ForAll boolean aimAtPartData,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where, @ForAll @IntRange(min = 1, max = 255) int xor)
            throws Exception {
        tamper(SignatureProfile.SM2_SM3, spec, aimAtPartData, where, xor);
    }

    @Property(tries = TRIES)
    void rsaSha256(@ForAll("packages") PackageSpec spec, @ForAll boolean aimAtPartData,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where, @ForAll @IntRange(min = 1, max = 255) int xor)
            throws Exception {
        tamper(SignatureProfile.RSA_SHA256, spec, aimAtPartData, where, xor);
    }

    @Property(tries = TRIES)
    void ecdsaP256Sha256(@ForAll("packages") PackageSpec spec, @ForAll boolean aimAtPartData,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where, @ForAll @IntRange(min = 1, max = 255) int xor)
            throws Exception {
        tamper(SignatureProfile.ECDSA_P256_SHA256, spec, aimAtPartData, where, xor);
    }

    @Property(tries = TRIES)
    void ed25519(@ForAll("packages") PackageSpec spec, @ForAll boolean aimAtPartData,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where, @ForAll @IntRange(min = 1, max = 255) int xor)
            throws Exception {
        tamper(SignatureProfile.ED25519, spec, aimAtPartData, where, xor);
    }

    @Provide
    Arbitrary<PackageSpec> packages() {
        return GongwenArbitraries.packageSpecs(3, 4096);
    }

    private static void tamper(SignatureProfile profile, PackageSpec spec, boolean aimAtPartData, double where, int xor)
            throws Exception {
        PackageSpec.Written w = spec.write(profile);
        PackageVerifier verifier = GW.verifier(Fixtures.pki(profile).trust());
        assertEquals(w.envelope, verifier.verify(new ByteArrayInputStream(w.bytes)).envelope(), "the unchanged package verifies");

        Layout layout = Layout.of(w.bytes);
        int position = aimAtPartData && layout.partDataBytes() > 0
                ? layout.partDataPosition((int) (where * layout.partDataBytes()))
                : (int) (where * w.bytes.length);
        byte[] changed = w.bytes.clone();
        changed[position] ^= (byte) xor;

        GongwenException e = assertThrows(GongwenException.class, () -> verifier.verify(new ByteArrayInputStream(changed)),
                "a package with byte " + position + " changed must not verify");
        String region = layout.region(position);
        Statistics.label("region").collect(region);
        Statistics.label("code").collect(e.code().code());
        if (layout.inPartData(position)) {
            assertEquals(ErrorCode.DIGEST_PART, e.code(), "byte " + position + " in " + region + ": " + e.getMessage());
        }
    }

    /** Where the entries of a package lie, read from its local headers. */
    static final class Layout {
        /** [header start, data start, data end) of each entry, envelope first. */
        private final List<int[]> entries = new ArrayList<>();
        private int centralDirectory;
        private int endRecord;

        static Layout of(byte[] zip) {
            Layout l = new Layout();
            int p = 0;
            while (u32(zip, p) == ZipLayout.LOC_SIG) {
                int size = (int) u32(zip, p + 18);
                int dataStart = p + ZipLayout.LOC_FIXED + u16(zip, p + 26) + u16(zip, p + 28);
                l.entries.add(new int[] {p, dataStart, dataStart + size});
                p = dataStart + size;
            }
            if (u32(zip, p) != ZipLayout.CEN_SIG) {
                throw new IllegalStateException("no central directory after the last entry at " + p);
            }
            l.centralDirectory = p;
            l.endRecord = zip.length - ZipLayout.EOCD_FIXED;
            return l;
        }

        int partDataBytes() {
            int n = 0;
            for (int i = 1; i < entries.size(); i++) {
                n += entries.get(i)[2] - entries.get(i)[1];
            }
            return n;
        }

        /** The position of the {@code k}-th byte of part data, counting over all parts. */
        int partDataPosition(int k) {
            for (int i = 1; i < entries.size(); i++) {
                int[] e = entries.get(i);
                if (k < e[2] - e[1]) {
                    return e[1] + k;
                }
                k -= e[2] - e[1];
            }
            throw new IllegalArgumentException("beyond the part data");
        }

        boolean inPartData(int position) {
            for (int i = 1; i < entries.size(); i++) {
                if (position >= entries.get(i)[1] && position < entries.get(i)[2]) {
                    return true;
                }
            }
            return false;
        }

        String region(int position) {
            if (position >= endRecord) {
                return "end record";
            }
            if (position >= centralDirectory) {
                return "central directory";
            }
            for (int i = 0; i < entries.size(); i++) {
                int[] e = entries.get(i);
                String what = i == 0 ? "envelope" : "part";
                if (position >= e[0] && position < e[1]) {
                    return what + " header";
                }
                if (position >= e[1] && position < e[2]) {
                    return what + " data";
                }
            }
            throw new IllegalArgumentException("position " + position + " is nowhere");
        }

        private static int u16(byte[] b, int p) {
            return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
        }

        private static long u32(byte[] b, int p) {
            return p + 4 > b.length ? -1 : (u16(b, p) | (long) u16(b, p + 2) << 16);
        }
    }
}
