package org.gongwen.cli;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongwen.api.Gongwen;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongwen platform}: the development platform and a standalone node, run in the foreground and stopped. */
class PlatformCommandTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Pattern NODE_LINE = Pattern.compile("(?m)^ {2}(GWNODE-\\d{6}) {2}(https://127\\.0\\.0\\.1:\\d+/) {2}\\S+$");

    @TempDir
    Path dir;

    /** 咸阳市 sends a document to 淳化县 (both homed at GWNODE-610400) with the given client files; 淳化县 receives it. */
    private void exchange(Path keys, Path xianyangClient, Path chunhuaClient) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work-" + UUID.randomUUID()));
        Path pkg = work.resolve("通知.gwpkg");
        Cli.Result packed = Cli.run("pack", "--key", keys.resolve("signing-key.pem"), "--cert", keys.resolve("signing-cert.pem"),
                "--to", CHUNHUA, "--kind", "通知", "--title", "关于开展安全生产检查的通知", "--issuer-mark", "咸阳市人民政府办公室文件",
                "--date", "2026-11-20", "--body", Fixtures.file(work, "正文.pdf", 3_000, 7), "--out", pkg);
        assertEquals(0, packed.exit, packed.toString());
        Cli.Result sent = Cli.run("send", "--client", xianyangClient, pkg);
        assertEquals(0, sent.exit, sent.toString());
        assertTrue(sent.out.startsWith("ACCEPTED "), sent.out);
        Cli.Result received = Cli.run("receive", "--client", chunhuaClient, "--out", work.resolve("in"));
        assertEquals(0, received.exit, received.toString());
        assertTrue(received.out.contains("1 received, 0 rejected"), received.out);
    }

    @Test
    void theDevelopmentPlatformWritesClientFilesServesThemAndStops() throws Exception {
        Path devDir = dir.resolve("dev");
        String out;
        try (Background platform = new Background("platform", "--dev", devDir, "--profile", "ED25519")) {
            out = platform.await("running; stop with Ctrl-C", START);
            assertTrue(out.startsWith("development platform (ED25519), files in " + devDir), out);
            Matcher m = NODE_LINE.matcher(out);
            List<String> nodes = m.results().map(r -> r.group(1)).toList();
            assertEquals(List.of("GWNODE-610000", "GWNODE-610400", "GWNODE-610425"), nodes, out);
            Gongwen gw = Gongwen.load();
            List<OrgCode> orgs = List.of(DevPlatform.SHAANXI, DevPlatform.XIAN, XIANYANG, CHUNHUA, DevPlatform.BINZHOU, DevPlatform.LIQUAN);
            for (OrgCode org : orgs) {
                Path file = devDir.resolve(org + ".client.properties");
                assertTrue(out.contains("  " + file + "  "), out);
                var config = gw.exchangeConfig(file);
                assertTrue(out.contains(config.node().toString()), "the file names a node the platform runs: " + config.node());
                assertEquals(SignatureProfile.ED25519, config.signingIdentity().profile());
            }
            exchange(devDir.resolve("pki/orgs").resolve(XIANYANG.value()), devDir.resolve(XIANYANG + ".client.properties"),
                    devDir.resolve(CHUNHUA + ".client.properties"));
            assertEquals(0, platform.stop(START), platform.err());
            assertTrue(platform.out().endsWith("development platform stopped" + System.lineSeparator()), platform.out());
        }
        Cli.Result after = Cli.run("status", "--client", devDir.resolve(XIANYANG + ".client.properties"), UUID.randomUUID());
        assertEquals(ExitStatus.TRANSPORT, after.exit, "the nodes are stopped: " + after);
        assertTrue(after.err.startsWith("TRN-001 "), after.err);

        Cli.Result reuse = Cli.run("platform", "--dev", devDir);
        assertEquals(ExitStatus.LOCAL, reuse.exit, reuse.toString());
        assertTrue(reuse.err.startsWith("LOC-001 ") && reuse.err.contains("not empty"), reuse.err);
    }

    @Test
    void aStandaloneNodeRunsFromItsConfigurationFile() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("files"), SignatureProfile.ECDSA_P256_SHA256)) {
            Path pki = dev.writeFiles();
            Path props = pki.resolve("nodes").resolve(XIANYANG_NODE.value()).resolve("node.properties");
            try (Background node = new Background("platform", "--config", props)) {
                String out = node.await("running; stop with Ctrl-C", START);
                Matcher m = Pattern.compile("gongwen platform node " + XIANYANG_NODE + " \\(咸阳市公文交换节点\\) listening on (https://\\S+)").matcher(out);
                assertTrue(m.find(), out);
                String uri = m.group(1);
                // client files for the two organisations this node serves, pointed at the standalone node
                Path xianyang = pointAt(dev.clientFile(XIANYANG), uri);
                Path chunhua = pointAt(dev.clientFile(CHUNHUA), uri);
                exchange(pki.resolve("orgs").resolve(XIANYANG.value()), xianyang, chunhua);
                assertEquals(0, node.stop(START), node.err());
                assertTrue(node.out().endsWith("node " + XIANYANG_NODE + " stopped" + System.lineSeparator()), node.out());
            }
            assertTrue(Files.isDirectory(props.resolveSibling("storage").resolve("packages")), "the node stored under its storage.dir");
        }
    }

    private static Path pointAt(Path clientFile, String uri) throws Exception {
        String props = Files.readString(clientFile, StandardCharsets.UTF_8).replaceAll("(?m)^node=.*$", "node=" + uri);
        return Files.writeString(clientFile.resolveSibling("standalone-" + clientFile.getFileName()), props, StandardCharsets.UTF_8);
    }

    @Test
    void usageErrors() throws Exception {
        Cli.Result none = Cli.run("platform");
        assertEquals(ExitStatus.USAGE, none.exit, none.toString());
        assertTrue(none.err.startsWith("LOC-002 "), none.err);

        Cli.Result both = Cli.run("platform", "--config", "node.properties", "--dev", dir);
        assertEquals(ExitStatus.USAGE, both.exit, both.toString());
        assertTrue(both.err.startsWith("LOC-002 ") && both.err.contains("mutually exclusive"), both.err);

        Path props = Files.writeString(dir.resolve("node.properties"), "node.id=GWNODE-610400\n");
        Cli.Result profile = Cli.run("platform", "--config", props, "--profile", "RSA_SHA256");
        assertEquals(ExitStatus.USAGE, profile.exit, profile.toString());
        assertTrue(profile.err.startsWith("LOC-002 --profile goes with --dev"), profile.err);

        Cli.Result incomplete = Cli.run("platform", "--config", props);
        assertEquals(ExitStatus.USAGE, incomplete.exit, incomplete.toString());
        assertTrue(incomplete.err.startsWith("LOC-002 "), incomplete.err);

        Cli.Result missing = Cli.run("platform", "--config", dir.resolve("absent.properties"));
        assertEquals(ExitStatus.LOCAL, missing.exit, missing.toString());
        assertTrue(missing.err.startsWith("LOC-001 no such file"), missing.err);
    }
}
