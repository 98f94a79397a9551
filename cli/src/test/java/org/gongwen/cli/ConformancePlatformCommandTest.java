package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code gongwen conformance platform} against the development platform's 咸阳 node, with the client
 * files it writes: the text report on standard output, the JUnit XML and HTML files, and the exit
 * status with and without {@code --strict}. Standard error is no terminal here, so it stays empty.
 */
class ConformancePlatformCommandTest {

    @TempDir
    static Path dir;
    static DevPlatform dev;

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("dev"), SignatureProfile.ECDSA_P256_SHA256);
        dev.writeFiles();
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    @Test
    void runsTheSuiteAndWritesEveryReport() throws Exception {
        Path testers = dev.clientFile(DevPlatform.XIANYANG).getParent();
        Path junit = dir.resolve("platform.xml");
        Path html = dir.resolve("platform.html");
        Cli.Result r = Cli.run("conformance", "platform", "--tester", testers, "--report-junit", junit, "--report-html", html,
                dev.node(DevPlatform.XIANYANG_NODE).uri());
        assertEquals(ExitStatus.OK, r.exit, r.toString());
        assertEquals("", r.err, "no progress when standard error is not a terminal");
        assertTrue(r.out.contains("PASS  T-4.5 "), r.out);
        assertTrue(r.out.contains("SKIP  T-10, T-3.4"), "oversize skipped without --max-package-bytes: " + r.out);
        assertTrue(Pattern.compile("19 scenarios: 18 passed, 0 failed, 1 skipped in ").matcher(r.out).find(), r.out);

        Document x = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals("19", x.getDocumentElement().getAttribute("tests"));
        assertEquals("0", x.getDocumentElement().getAttribute("failures"));
        assertEquals("1", x.getDocumentElement().getAttribute("skipped"));
        assertEquals(19, x.getElementsByTagName("testcase").getLength());

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<style>"), page);
        assertFalse(Pattern.compile("(src|href)=").matcher(page).find(), "no external resource");
        assertTrue(page.contains("sender-impersonation"), page);

        Cli.Result strict = Cli.run("conformance", "platform", "--strict", "--tester", testers, dev.node(DevPlatform.XIANYANG_NODE).uri());
        assertEquals(ExitStatus.REFUSED, strict.exit, "a skip fails under --strict: " + strict);
    }

    @Test
    void tooFewTestersIsAUsageError() {
        Cli.Result r = Cli.run("conformance", "platform", "--tester", dev.clientFile(DevPlatform.XIANYANG), dev.node(DevPlatform.XIANYANG_NODE).uri());
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 the tester profile needs two or more organisations"), r.err);
    }

    @Test
    void progressIsDrawnOnlyOnATerminal() throws Exception {
        org.gongwen.conformance.platform.Scenario first = org.gongwen.conformance.platform.PlatformSuite.scenarios(
                org.gongwen.conformance.platform.TesterProfile.builder().node(dev.node(DevPlatform.XIANYANG_NODE).uri())
                        .tester(DevPlatform.XIANYANG, dev.clientConfig(DevPlatform.XIANYANG))
                        .tester(DevPlatform.CHUNHUA, dev.clientConfig(DevPlatform.CHUNHUA)).build()).get(0);
        java.io.StringWriter drawn = new java.io.StringWriter();
        ScenarioProgress p = new ScenarioProgress(new java.io.PrintWriter(drawn), true);
        p.started(first, 1, 19);
        p.end();
        assertTrue(drawn.toString().startsWith("\r[1/19] T-4.6 submit-valid"), drawn.toString());
        java.io.StringWriter quiet = new java.io.StringWriter();
        ScenarioProgress q = new ScenarioProgress(new java.io.PrintWriter(quiet), false);
        q.started(first, 1, 19);
        q.end();
        assertEquals("", quiet.toString());
    }
}
