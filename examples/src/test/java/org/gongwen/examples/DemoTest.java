package org.gongwen.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void demoRunsToItsExpectedOutcome(SignatureProfile profile) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        boolean ok = Demo.run(profile, dir.resolve("out"), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String log = buf.toString(StandardCharsets.UTF_8);
        assertTrue(ok, log);
        assertTrue(log.contains("VERIFIED " + profile + ", signed by 116104250162020100"), log);
        assertTrue(log.contains("refused: DIG-001"), log);
        assertTrue(Files.exists(dir.resolve("out/received/正文.pdf")), log);
        assertTrue(Files.exists(dir.resolve("out/received/附件1 秋季农业生产统计表.csv")), log);
    }
}
