package org.gongwen.conformance.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The index format: round trip, and the malformed indexes that must be refused. */
class VectorIndexTest {
    private static final PackageVector VALID = new PackageVector("SM2_SM3/valid.gwpkg", "SM2_SM3", Verdict.VALID, null, "P-8.16",
            "the base package, \"quoted\" \\ and 中文");
    private static final PackageVector REFUSED = new PackageVector("ED25519/x.gwpkg", "ED25519", Verdict.REFUSED, "SIG-003", "S-10.22",
            "value changed");

    @Test
    void writtenIndexReadsBackEqual() {
        VectorIndex i = new VectorIndex(List.of("pki/a.pem"), List.of("pki/a.crl.pem"), List.of(VALID, REFUSED));
        VectorIndex back = VectorIndex.parse(i.toJson("d", "t"));
        assertEquals(i, back);
        assertEquals(i.toJson("d", "t"), back.toJson("d", "t"));
        assertEquals("refused SIG-003", back.find("ED25519/x.gwpkg").orElseThrow().expectation());
    }

    @Test
    void policyMayBeLeftOut() {
        VectorIndex i = VectorIndex.parse("{\"format\": \"gongwen-package-vectors/1\", \"vectors\": []}");
        assertTrue(i.trustAnchors().isEmpty() && i.vectors().isEmpty());
    }

    @Test
    void malformedIndexesAreRefused() {
        String head = "{\"format\": \"gongwen-package-vectors/1\", \"vectors\": [";
        List<String> bad = List.of(
                "{\"format\": \"gongwen-package-vectors/2\", \"vectors\": []}",
                "{\"format\": \"gongwen-package-vectors/1\", \"format\": \"gongwen-package-vectors/1\", \"vectors\": []}",
                "{\"format\": \"gongwen-package-vectors/1\", \"vectors\": [], \"extra\": 1}",
                head + "{\"file\": \"a.gwpkg\", \"profile\": \"ED25519\", \"verdict\": \"valid\", \"code\": \"SIG-003\", \"clause\": \"P-8.1\", \"description\": \"\"}]}",
                head + "{\"file\": \"a.gwpkg\", \"profile\": \"ED25519\", \"verdict\": \"refused\", \"code\": null, \"clause\": \"P-8.1\", \"description\": \"\"}]}",
                head + "{\"file\": \"../a.gwpkg\", \"profile\": \"ED25519\", \"verdict\": \"valid\", \"code\": null, \"clause\": \"P-8.1\", \"description\": \"\"}]}",
                head + "{\"file\": \"a.gwpkg\", \"profile\": \"ED25519\", \"verdict\": \"ok\", \"code\": null, \"clause\": \"P-8.1\", \"description\": \"\"}]}",
                head + "{\"file\": \"a.gwpkg\", \"profile\": \"ED25519\", \"verdict\": \"valid\", \"code\": null, \"clause\": \"package.md\", \"description\": \"\"}]}",
                head + "{\"file\": \"a.gwpkg\", \"profile\": \"ED25519\", \"verdict\": \"valid\", \"code\": null, \"clause\": \"P-8.1\", \"description\": \"\"},"
                        + "{\"file\": \"a.gwpkg\", \"profile\": \"ED25519\", \"verdict\": \"valid\", \"code\": null, \"clause\": \"P-8.1\", \"description\": \"\"}]}",
                head + "]} trailing",
                head + "1.5]}",
                "");
        for (String b : bad) {
            assertThrows(IllegalArgumentException.class, () -> VectorIndex.parse(b), b);
        }
    }
}
