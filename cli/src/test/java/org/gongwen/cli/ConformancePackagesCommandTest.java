package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.gongwen.conformance.packages.PackageVector;
import org.gongwen.conformance.packages.VectorIndex;
import org.gongwen.conformance.packages.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongwen conformance packages} on the committed package vectors and on folders made from them. */
class ConformancePackagesCommandTest {
    private static final Path VECTORS = Path.of("..", "spec", "vectors", "packages");

    @Test
    void everyCommittedVectorPasses() throws Exception {
        int expected = VectorIndex.read(VECTORS.resolve("index.json")).vectors().size();
        Cli.Result r = Cli.run("conformance", "packages", VECTORS);
        assertEquals(ExitStatus.OK, r.exit, r::toString);
        List<String> lines = r.out.lines().collect(Collectors.toList());
        assertEquals(expected + 1, lines.size(), r::toString);
        assertTrue(lines.subList(0, expected).stream().allMatch(l -> l.startsWith("PASS ")), r::toString);
        assertTrue(lines.contains("PASS SM2_SM3/valid.gwpkg valid -"), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("PASS ED25519/\\S+ refused SIG-003")), r::toString);
        assertTrue(lines.get(expected).startsWith(expected + " packages: " + expected + " passed, 0 failed"), r::toString);
        assertEquals("", r.err, "no progress line when standard error is not a terminal");
    }

    @Test
    void oneWrongExpectationFailsTheRun(@TempDir Path tmp) throws Exception {
        VectorIndex committed = VectorIndex.read(VECTORS.resolve("index.json"));
        List<PackageVector> some = committed.vectors().stream().filter(v -> v.profile().equals("RSA_SHA256")).limit(5)
                .collect(Collectors.toList());
        PackageVector refused = committed.vectors().stream().filter(v -> v.profile().equals("RSA_SHA256"))
                .filter(v -> v.code().isPresent()).findFirst().orElseThrow();
        List<PackageVector> chosen = new java.util.ArrayList<>(some);
        if (!chosen.contains(refused)) {
            chosen.add(refused);
        }
        copy(chosen, committed, tmp);
        List<PackageVector> wrong = chosen.stream().map(v -> v.equals(refused)
                ? new PackageVector(v.file(), v.profile(), Verdict.REFUSED, v.code().get().equals("SIG-003") ? "DIG-002" : "SIG-003",
                        v.clause(), v.description())
                : v).collect(Collectors.toList());
        Files.writeString(tmp.resolve("index.json"), new VectorIndex(committed.trustAnchors(), committed.crls(), wrong).toJson("", ""),
                StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("conformance", "packages", tmp);
        assertEquals(ExitStatus.REFUSED, r.exit, r::toString);
        List<String> fails = r.out.lines().filter(l -> l.startsWith("FAIL ")).collect(Collectors.toList());
        PackageVector w = wrong.get(chosen.indexOf(refused));
        assertEquals(List.of("FAIL " + refused.file() + " refused " + refused.code().get() + " expected " + w.expectation()), fails, r::toString);
        assertTrue(r.out.contains(chosen.size() + " packages: " + (chosen.size() - 1) + " passed, 1 failed"), r::toString);
    }

    @Test
    void aVectorMissingFromTheFolderOrFromTheIndexFails(@TempDir Path tmp) throws Exception {
        VectorIndex committed = VectorIndex.read(VECTORS.resolve("index.json"));
        List<PackageVector> two = committed.vectors().stream().filter(v -> v.profile().equals("SM2_SM3")).limit(2).collect(Collectors.toList());
        copy(two, committed, tmp);
        Files.delete(tmp.resolve(two.get(1).file()));
        Files.copy(tmp.resolve(two.get(0).file()), tmp.resolve("SM2_SM3/extra.gwpkg"));
        Files.writeString(tmp.resolve("index.json"), new VectorIndex(committed.trustAnchors(), committed.crls(), two).toJson("", ""));

        Cli.Result r = Cli.run("conformance", "packages", tmp);
        assertEquals(ExitStatus.REFUSED, r.exit, r::toString);
        assertTrue(r.out.contains("FAIL SM2_SM3/extra.gwpkg valid - (not in the index)"), r::toString);
        assertTrue(r.out.contains("FAIL " + two.get(1).file() + " missing - expected " + two.get(1).expectation()), r::toString);
    }

    @Test
    void withoutAnIndexEveryPackageMustBeValid(@TempDir Path tmp) throws Exception {
        Path valid = VECTORS.resolve("ECDSA_P256_SHA256/valid.gwpkg");
        Files.copy(valid, tmp.resolve("a.gwpkg"));
        Path ca = VECTORS.resolve("pki/ECDSA_P256_SHA256/ca.cert.pem");

        Cli.Result ok = Cli.run("conformance", "packages", tmp, "--trust", ca);
        assertEquals(ExitStatus.OK, ok.exit, ok::toString);
        assertTrue(ok.out.startsWith("PASS a.gwpkg valid -\n"), ok::toString);

        byte[] b = Files.readAllBytes(valid);
        b[b.length / 2] ^= 1;
        Files.write(tmp.resolve("b.gwpkg"), b);
        Cli.Result bad = Cli.run("conformance", "packages", tmp, "--trust", ca);
        assertEquals(ExitStatus.REFUSED, bad.exit, bad::toString);
        assertTrue(bad.out.lines().anyMatch(l -> l.matches("FAIL b\\.gwpkg refused [A-Z]{3}-\\d{3}")), bad::toString);

        Cli.Result noTrust = Cli.run("conformance", "packages", tmp);
        assertEquals(ExitStatus.USAGE, noTrust.exit, noTrust::toString);
    }

    @Test
    void progressIsDrawnOnATerminalOnly() {
        StringWriter shown = new StringWriter();
        ConformancePackagesCommand.Counter terminal = new ConformancePackagesCommand.Counter(new PrintWriter(shown), true);
        terminal.checking(0, 2, "a.gwpkg");
        terminal.checking(1, 2, "b.gwpkg");
        terminal.end();
        assertEquals("\rchecking 1/2  a.gwpkg\rchecking 2/2  b.gwpkg\r" + " ".repeat(21) + "\r", shown.toString());

        StringWriter quiet = new StringWriter();
        ConformancePackagesCommand.Counter pipe = new ConformancePackagesCommand.Counter(new PrintWriter(quiet), false);
        pipe.checking(0, 1, "a.gwpkg");
        pipe.end();
        assertEquals("", quiet.toString());
    }

    /** Copies the chosen vectors and the test PKI into {@code dir}. */
    private static void copy(List<PackageVector> chosen, VectorIndex index, Path dir) throws Exception {
        for (String f : concat(index.trustAnchors(), index.crls())) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.copy(VECTORS.resolve(f), dir.resolve(f));
        }
        for (PackageVector v : chosen) {
            Files.createDirectories(dir.resolve(v.file()).getParent());
            Files.copy(VECTORS.resolve(v.file()), dir.resolve(v.file()));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Arrays.asList(java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new));
    }
}
