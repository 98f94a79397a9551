package org.gongwen.cli;

import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gongwen remind and withdraw against the three development nodes; status shows each step. */
class LifecycleCommandsTest {
    @TempDir
    static Path dir;
    static DevPlatform dev;

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("dev"), SignatureProfile.ED25519);
        dev.writeFiles();
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    /** Runs status until its output contains the text, within a minute. */
    private static String awaitStatus(UUID id, String text) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        Cli.Result s = Cli.run("status", "--client", dev.clientFile(LIQUAN), id);
        while (!s.out.contains(text) && Instant.now().isBefore(end)) {
            dev.awaitQuiet(Duration.ofSeconds(5));
            s = Cli.run("status", "--client", dev.clientFile(LIQUAN), id);
        }
        assertEquals(0, s.exit, s.toString());
        assertTrue(s.out.contains(text), s.out);
        return s.out;
    }

    @Test
    void remindThenWithdrawThenNothingLeft() throws Exception {
        Path work = Files.createDirectories(dir.resolve("flow"));
        Path body = Fixtures.file(work, "正文.pdf", 4_000, 7);
        Path pkg = work.resolve("通知.gwpkg");
        Path keys = dir.resolve("dev").resolve("pki").resolve("orgs").resolve(LIQUAN.value());
        Cli.Result packed = Cli.run("pack", "--key", keys.resolve("signing-key.pem"), "--cert", keys.resolve("signing-cert.pem"),
                "--body", body, "--out", pkg, "--kind", "通知", "--title", "关于做好2026年冬季森林防火工作的通知",
                "--issuer-mark", "礼泉县人民政府办公室文件", "--date", "2026-11-20", "--to", XIAN);
        assertEquals(0, packed.exit, packed.toString());
        Matcher m = Pattern.compile("message id {2}([0-9a-f-]{36})").matcher(packed.out);
        assertTrue(m.find(), packed.out);
        UUID id = UUID.fromString(m.group(1));
        Cli.Result sent = Cli.run("send", "--client", dev.clientFile(LIQUAN), pkg);
        assertEquals(0, sent.exit, sent.toString());

        Cli.Result reminded = Cli.run("remind", "--client", dev.clientFile(LIQUAN), "--remark", "请于本周内签收", id);
        assertEquals(0, reminded.exit, reminded.toString());
        assertTrue(reminded.out.startsWith("ACCEPTED ") && reminded.out.contains("(remind of " + id + ") by " + LIQUAN_NODE), reminded.out);
        awaitStatus(id, "理由: 请于本周内签收");

        Cli.Result withdrawn = Cli.run("withdraw", "--client", dev.clientFile(LIQUAN), "--reason", "发文有误", id);
        assertEquals(0, withdrawn.exit, withdrawn.toString());
        String status = awaitStatus(id, XIAN + " 主送 WITHDRAWN");
        assertTrue(status.contains("理由: 发文有误"), status);

        Cli.Result again = Cli.run("withdraw", "--client", dev.clientFile(LIQUAN), "--reason", "再次撤销", id);
        assertEquals(ExitStatus.REFUSED, again.exit, again.toString());
        assertTrue(again.err.startsWith("MSG-005 "), again.err);
        Cli.Result noReason = Cli.run("withdraw", "--client", dev.clientFile(LIQUAN), id);
        assertEquals(ExitStatus.USAGE, noReason.exit, noReason.toString());
    }
}
