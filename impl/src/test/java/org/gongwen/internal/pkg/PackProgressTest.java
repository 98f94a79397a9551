package org.gongwen.internal.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongwen.api.Gongwen;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packing progress a caller sees: growing, within its total, ending at twice the parts' bytes. */
class PackProgressTest {
    @TempDir
    Path dir;

    @Test
    void progressGrowsToTwiceThePartsAndEndsComplete() throws Exception {
        Path body = Fixtures.file(dir, "正文.pdf", 300_000, 1);
        Path att = Fixtures.file(dir, "附件.dat", 1_000_000, 2);
        List<long[]> calls = new ArrayList<>();
        Gongwen.load().newPackage().header(Fixtures.header()).metadata(Fixtures.metadata()).body(body).attachment(att)
                .signWith(Fixtures.pki(SignatureProfile.ED25519).liquan.identity())
                .progress((done, total) -> calls.add(new long[] {done, total}))
                .writeTo(dir.resolve("p.gwpkg"));
        long expected = 2 * (300_000L + 1_000_000L);
        assertTrue(calls.size() > 10, "reported as it went: " + calls.size());
        long last = 0;
        for (long[] c : calls) {
            assertTrue(c[0] >= last, "never goes back");
            assertTrue(c[0] <= c[1], "never beyond the total");
            last = c[0];
        }
        long[] end = calls.get(calls.size() - 1);
        assertEquals(expected, end[0]);
        assertEquals(expected, end[1]);
    }
}
