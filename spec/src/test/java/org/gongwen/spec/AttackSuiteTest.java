package org.gongwen.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.spec.attacks.AttackSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack suite: every case of spec/vectors/attacks under every profile it names. One
 * runner, every failure collected and listed, and a failure when no case was loaded.
 */
class AttackSuiteTest {
    @TempDir
    Path work;

    @Test
    void everyAttackIsRefusedWithItsCode() throws Exception {
        Path vectors = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("vectors").resolve("attacks");
        assertTrue(Files.isDirectory(vectors), "no vector folder at " + vectors);
        AttackSuite.Result r = AttackSuite.run(vectors, work);
        System.out.println(r.runsPerFamily());
        System.out.println(r.summary());
        if (r.cases == 0) {
            fail("no attack case was loaded from " + vectors);
        }
        if (!r.failures.isEmpty()) {
            fail(r.failures.size() + " failures in " + r.runs + " attack runs:\n  " + String.join("\n  ", r.failures));
        }
    }
}
