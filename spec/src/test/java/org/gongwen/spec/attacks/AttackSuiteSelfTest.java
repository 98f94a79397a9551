package org.gongwen.spec.attacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner itself: it reports a wrong expectation, a wrong code, a broken operator step and
 * every malformed vector, all of them and not only the first, and loads no case from an empty
 * folder (which AttackSuiteTest turns into a failure). Cases run under ED25519 only, to be quick.
 */
class AttackSuiteSelfTest {
    @TempDir
    Path dir;

    private AttackSuite.Result run(String json) throws Exception {
        Path vectors = Files.createDirectories(dir.resolve("vectors"));
        Files.writeString(vectors.resolve("self.json"), json, StandardCharsets.UTF_8);
        return AttackSuite.run(vectors, Files.createDirectories(dir.resolve("work")));
    }

    private static String file(String... cases) {
        return "{\"family\": \"self\", \"cases\": [" + String.join(",", cases) + "]}";
    }

    private static String kase(String id, String steps, String expect) {
        return "{\"id\": \"" + id + "\", \"clause\": \"self-test\", \"profiles\": [\"ED25519\"], \"steps\": [" + steps
                + "], \"expect\": \"" + expect + "\"}";
    }

    @Test
    void passingCasesPass() throws Exception {
        AttackSuite.Result r = run(file(kase("ok", "", "VALID"),
                kase("missing", "{\"op\": \"xml-remove\", \"select\": \"/g:Envelope/ds:Signature\"}", "SIG-001")));
        assertEquals(List.of(), r.failures);
        assertEquals(2, r.cases);
        assertEquals(2, r.runs);
        assertEquals(2, r.passed);
    }

    @Test
    void everyFailureIsReportedNotOnlyTheFirst() throws Exception {
        AttackSuite.Result r = run(file(
                kase("accepted", "", "SIG-003"),
                kase("other-code", "{\"op\": \"xml-remove\", \"select\": \"/g:Envelope/ds:Signature\"}", "SIG-002"),
                kase("refused-control", "{\"op\": \"entry-flip-byte\", \"entry\": 1}", "VALID"),
                kase("broken-step", "{\"op\": \"xml-remove\", \"select\": \"/g:Envelope/g:NoSuchElement\"}", "SIG-001")));
        assertEquals(4, r.runs);
        assertEquals(0, r.passed);
        assertEquals(4, r.failures.size(), String.join("\n", r.failures));
        assertTrue(r.failures.get(0).contains("accepted the package; expected SIG-003"), r.failures.get(0));
        assertTrue(r.failures.get(1).contains("answered SIG-001 instead of SIG-002"), r.failures.get(1));
        assertTrue(r.failures.get(2).contains("refused a control package: DIG-001"), r.failures.get(2));
        assertTrue(r.failures.get(3).contains("vector error") && r.failures.get(3).contains("selects nothing"), r.failures.get(3));
    }

    @Test
    void malformedVectorsAreReportedAndNotRun() throws Exception {
        AttackSuite.Result r = run(file(
                kase("good", "", "VALID"),
                kase("good", "", "VALID"),
                kase("unknown-op", "{\"op\": \"xml-explode\"}", "SIG-001"),
                kase("unknown-param", "{\"op\": \"resign\", \"with\": \"x\"}", "VALID"),
                kase("unknown-code", "", "SIG-999"),
                kase("Bad Id", "", "VALID"),
                kase("profile-map-incomplete", "{\"op\": \"xml-set-text\", \"select\": \"//g:Title\", \"text\": {\"RSA_SHA256\": \"x\"}}", "DIG-002"),
                "{\"id\": \"unknown-field\", \"clause\": \"c\", \"steps\": [], \"expect\": \"VALID\", \"expected\": \"SIG-001\"}",
                "{\"id\": \"unknown-signer\", \"clause\": \"c\", \"signer\": \"nobody\", \"steps\": [], \"expect\": \"VALID\"}"));
        assertEquals(1, r.cases, String.join("\n", r.failures));
        assertEquals(1, r.runs);
        assertEquals(8, r.failures.size(), String.join("\n", r.failures));
        assertTrue(r.failures.stream().allMatch(f -> f.startsWith("malformed vector: ")), String.join("\n", r.failures));
    }

    @Test
    void aFileThatIsNotJsonIsReported() throws Exception {
        AttackSuite.Result r = run("{\"family\": \"self\", \"cases\": [");
        assertEquals(0, r.cases);
        assertEquals(1, r.failures.size());
        assertTrue(r.failures.get(0).contains("JSON"), r.failures.get(0));
    }

    @Test
    void anEmptyFolderLoadsNoCase() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        AttackSuite.Result r = AttackSuite.run(empty, Files.createDirectories(dir.resolve("work")));
        assertEquals(0, r.files);
        assertEquals(0, r.cases);
        assertEquals(0, r.runs);
    }
}
