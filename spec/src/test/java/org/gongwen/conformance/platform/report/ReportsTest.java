package org.gongwen.conformance.platform.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gongwen.conformance.platform.Outcome;
import org.gongwen.conformance.platform.ScenarioResult;
import org.gongwen.conformance.platform.SuiteResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The three report formats of one run with a pass, a failure and a skip, whose texts carry markup and control characters. */
class ReportsTest {
    private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"\u0001";
    private static final SuiteResult RESULT = new SuiteResult(URI.create("https://127.0.0.1:8443/"), Instant.parse("2026-01-05T08:00:00Z"),
            Duration.ofMillis(1500), List.of(
                    new ScenarioResult("submit-valid", "submit a valid package", "T-4.6", "HTTP 201", "HTTP 201", Outcome.PASSED, Duration.ofMillis(300)),
                    new ScenarioResult("tampered-part", "a package with a changed part", "T-4.2", "HTTP 422 DIG-001", HOSTILE, Outcome.FAILED,
                            Duration.ofMillis(200)),
                    new ScenarioResult("oversized", "a package larger than the limit", "T-10", "HTTP 413 LIM-001", "no limit\nstated",
                            Outcome.SKIPPED, Duration.ZERO)));

    @Test
    void textHasOneLinePerScenarioAndTotals() {
        StringWriter s = new StringWriter();
        TextReport.write(RESULT, new PrintWriter(s));
        String[] lines = s.toString().split("\n");
        assertTrue(lines[1].startsWith("PASS  T-4.6 "), lines[1]);
        assertTrue(lines[2].startsWith("FAIL  T-4.2 "), lines[2]);
        assertEquals("      expected: HTTP 422 DIG-001", lines[3]);
        assertEquals("      observed: <script>alert('x')</script> & \"quoted\"\\u0001", lines[4], "control characters escaped");
        assertEquals("      reason:   no limit stated", lines[6]);
        assertEquals("3 scenarios: 1 passed, 1 failed, 1 skipped in 1.5 s", lines[7]);
        assertEquals(8, lines.length);
    }

    @Test
    void junitXmlParsesWithCountsFailureAndSkip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlReport.write(RESULT, out);
        Document d = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("observed <script>alert('x')</script> & \"quoted\"\uFFFD"), failure.getAttribute("message"));
        assertEquals("T-4.2 tampered-part: a package with a changed part", ((Element) failure.getParentNode()).getAttribute("name"));
        assertEquals(1, d.getElementsByTagName("skipped").getLength());
    }

    @Test
    void htmlIsSelfContainedAndEscaped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(RESULT, out);
        String page = out.toString(StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertFalse(page.contains("<script"), "text is escaped: " + page);
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), page);
        assertFalse(page.matches("(?s).*(src|href)=.*"), "no external resource");
        assertTrue(page.contains("<tr class=\"FAILED\">"), page);
    }
}
