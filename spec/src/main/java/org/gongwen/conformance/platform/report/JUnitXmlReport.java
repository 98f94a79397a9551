package org.gongwen.conformance.platform.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.gongwen.conformance.platform.Outcome;
import org.gongwen.conformance.platform.ScenarioResult;
import org.gongwen.conformance.platform.SuiteResult;

/**
 * The report for CI systems in the JUnit XML format they read: one {@code testsuite} named after
 * the node, one {@code testcase} per scenario (class name {@code gongwen.conformance.platform},
 * name {@code clause id: name}), a {@code failure} with expected and observed outcome for a failed
 * scenario, {@code skipped} with the reason for a skipped one.
 */
public final class JUnitXmlReport {
    private static final String CLASS = "gongwen.conformance.platform";

    private JUnitXmlReport() {
    }

    /** Writes the report as UTF-8; does not close the stream. */
    public static void write(SuiteResult result, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<testsuite name=\"" + Escapes.xml("Gongwen platform conformance " + result.node()) + "\" tests=\"" + result.results().size()
                + "\" failures=\"" + result.count(Outcome.FAILED) + "\" errors=\"0\" skipped=\"" + result.count(Outcome.SKIPPED)
                + "\" time=\"" + seconds(result.duration().toNanos()) + "\" timestamp=\""
                + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(result.started().atOffset(ZoneOffset.UTC).withNano(0)) + "\">\n");
        for (ScenarioResult r : result.results()) {
            w.write("  <testcase classname=\"" + CLASS + "\" name=\"" + Escapes.xml(r.clause() + " " + r.id() + ": " + r.name())
                    + "\" time=\"" + seconds(r.duration().toNanos()) + "\">\n");
            String detail = "clause: " + r.clause() + "\nexpected: " + r.expected() + "\nobserved: " + r.observed();
            if (r.outcome() == Outcome.FAILED) {
                w.write("    <failure message=\"" + Escapes.xml("expected " + r.expected() + "; observed " + r.observed())
                        + "\" type=\"nonconformance\">" + Escapes.xml(detail) + "</failure>\n");
            } else if (r.outcome() == Outcome.SKIPPED) {
                w.write("    <skipped message=\"" + Escapes.xml(r.observed()) + "\"/>\n");
            }
            w.write("    <system-out>" + Escapes.xml(detail) + "</system-out>\n");
            w.write("  </testcase>\n");
        }
        w.write("</testsuite>\n");
        w.flush();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
