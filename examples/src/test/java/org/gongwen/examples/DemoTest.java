package org.gongwen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(log.contains("VERIFIED " + profile + " from 116104250162020100"), log);
        assertTrue(log.contains("refused: DIG-001"), log);
        assertTrue(log.contains("RELAYED") && log.contains("signed by GWNODE-610000 (from GWNODE-610400)"), log);
        assertTrue(log.contains("主送 SIGNED_FOR") && log.contains("抄送 RETURNED"), log);
        Path sent = dir.resolve("out/礼政办发-2026-7.gwpkg");
        try (var s = Files.list(dir.resolve("out/inbox-xian"))) {
            Path received = s.filter(p -> p.toString().endsWith(".gwpkg")).findFirst().orElseThrow();
            assertEquals(-1, Files.mismatch(sent, received), "the recipient holds the exact bytes that were sent");
        }
        assertTrue(Files.exists(dir.resolve("out/inbox-xianyang/parts/正文.pdf")), log);
        assertTrue(Files.exists(dir.resolve("out/inbox-xianyang/parts/附件1 秋季农业生产统计表.csv")), log);
    }
}
