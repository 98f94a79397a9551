package org.gongwen.conformance.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongwen.api.Gongwen;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed package vectors (spec/vectors/packages) against the reference reader, and
 * against the generator: every vector is verified and every failure collected; the run fails
 * if none were loaded; regenerating from the same seed gives the same index (names, verdicts,
 * codes, clauses, descriptions) and packages that meet it.
 */
class PackageVectorsTest {
    private static final Path VECTORS = Path.of("vectors", "packages");
    private static final Pattern DEFINITION = Pattern.compile("^\\*\\*([A-Z]-\\d+\\.\\d+)[* ]", Pattern.MULTILINE);

    @Test
    void everyCommittedVectorMeetsItsExpectation() throws Exception {
        VectorIndex index = VectorIndex.read(VECTORS.resolve("index.json"));
        List<PackageCheck> checks = run(VECTORS, index);
        assertTrue(checks.size() >= 4 * 100, "too few vectors loaded: " + checks.size());
        List<String> failures = checks.stream().filter(c -> !c.passed()).map(c -> c.line() + c.message().map(m -> " [" + m + "]").orElse(""))
                .collect(Collectors.toList());
        assertEquals(List.of(), failures, failures.size() + " of " + checks.size() + " vectors failed");
    }

    @Test
    void everyProfileHasValidAndTamperedVectorsAndEveryPackageCodeIsCovered() throws Exception {
        VectorIndex index = VectorIndex.read(VECTORS.resolve("index.json"));
        for (SignatureProfile p : SignatureProfile.values()) {
            List<PackageVector> mine = index.vectors().stream().filter(v -> v.profile().equals(p.name())).collect(Collectors.toList());
            assertTrue(mine.stream().filter(v -> v.verdict() == Verdict.VALID).count() >= 2, p + " has too few valid vectors");
            Set<String> codes = mine.stream().flatMap(v -> v.code().stream()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> missing = new TreeSet<>(List.of("XML-001", "XML-002", "XFB-001", "XFB-002", "XFB-003", "LIM-002", "LIM-003",
                    "SCH-001", "SCH-002", "SCH-003", "PKG-001", "PKG-002", "PKG-003", "PKG-004", "PKG-005", "PKG-006", "PKG-007",
                    "PKG-008", "PKG-009", "PKG-010", "DIG-001", "DIG-002", "SIG-001", "SIG-002", "SIG-003", "SIG-004", "ALG-001",
                    "ALG-002", "TRU-001", "TRU-002", "TRU-003", "TRU-004", "TRU-005", "POL-001"));
            missing.removeAll(codes);
            assertEquals(Set.of(), missing, p + " has no vector for these codes");
        }
    }

    @Test
    void everyClauseOfTheIndexIsDefinedInTheStandard() throws Exception {
        Set<String> defined = new TreeSet<>();
        try (var files = Files.list(Path.of("."))) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".md"))::iterator) {
                Matcher m = DEFINITION.matcher(Files.readString(f));
                while (m.find()) {
                    defined.add(m.group(1));
                }
            }
        }
        assertTrue(defined.size() > 100, "clause definitions not found: " + defined.size());
        Set<String> unknown = VectorIndex.read(VECTORS.resolve("index.json")).vectors().stream().map(PackageVector::clause)
                .filter(c -> !defined.contains(c)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, "clauses cited by the index but defined nowhere in spec/*.md");
    }

    @Test
    void regeneratingFromTheSeedGivesTheCommittedIndexAndItsVerdicts(@TempDir Path tmp) throws Exception {
        VectorIndex committed = VectorIndex.read(VECTORS.resolve("index.json"));
        VectorIndex regenerated = VectorGenerator.generate(tmp, Path.of("vectors", "attacks"), VectorGenerator.SEED);
        assertEquals(committed.toJson("", ""), regenerated.toJson("", ""), "the committed index differs from a regenerated one: "
                + "run spec/vectors/generate.sh and commit the result");
        assertEquals(Files.readString(VECTORS.resolve("index.json")), Files.readString(tmp.resolve("index.json")));
        List<String> failures = new ArrayList<>();
        for (PackageCheck c : run(tmp, VectorIndex.read(tmp.resolve("index.json")))) {
            if (!c.passed()) {
                failures.add(c.line());
            }
        }
        assertEquals(List.of(), failures);
        for (SignatureProfile p : EnumSet.allOf(SignatureProfile.class)) {
            for (String f : List.of("ca.cert.pem", "ca.crl.pem", "liquan.cert.pem")) {
                assertEquals(Files.readString(VECTORS.resolve("pki").resolve(p.name()).resolve(f)),
                        Files.readString(tmp.resolve("pki").resolve(p.name()).resolve(f)), p + " " + f + " is not reproduced by the seed");
            }
        }
        // RSA PKCS #1 v1.5 and Ed25519 signatures are deterministic: those packages come out byte for byte the same
        List<String> differ = new ArrayList<>();
        for (PackageVector v : committed.vectors()) {
            if ((v.profile().equals("RSA_SHA256") || v.profile().equals("ED25519"))
                    && !Arrays.equals(Files.readAllBytes(VECTORS.resolve(v.file())), Files.readAllBytes(tmp.resolve(v.file())))) {
                differ.add(v.file());
            }
        }
        assertEquals(List.of(), differ, "deterministic vectors not reproduced byte for byte");
    }

    private static List<PackageCheck> run(Path dir, VectorIndex index) throws Exception {
        return PackageConformance.run(dir, PackageConformance.policy(dir, index, Gongwen.load().keys()), index, null);
    }
}
