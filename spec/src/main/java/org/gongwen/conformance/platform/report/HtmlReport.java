package org.gongwen.conformance.platform.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gongwen.conformance.platform.Outcome;
import org.gongwen.conformance.platform.ScenarioResult;
import org.gongwen.conformance.platform.SuiteResult;

/**
 * The report as one self-contained HTML page: inline CSS, no script, no external resource, every
 * text escaped. A table with each scenario's outcome, clause, id, name, expected and observed
 * outcome and duration, under a summary line.
 */
public final class HtmlReport {
    private static final String CSS = "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}"
            + "th{background:#f0f0f0}.PASSED td.o{background:#d8f5d8}.FAILED td.o{background:#f8d0d0}.SKIPPED td.o{background:#f5ecc8}"
            + ".FAILED td.obs{color:#a00000}code{font-size:.95em}";

    private HtmlReport() {
    }

    /** Writes the page as UTF-8; does not close the stream. */
    public static void write(SuiteResult result, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String title = "Gongwen platform conformance: " + result.node();
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + Escapes.xml(title) + "</title>"
                + "<style>" + CSS + "</style></head><body>\n");
        w.write("<h1>" + Escapes.xml(title) + "</h1>\n");
        w.write("<p>Started " + Escapes.xml(result.started().toString()) + ". " + Escapes.xml(TextReport.totals(result)) + ".</p>\n");
        w.write("<table><thead><tr><th>Outcome</th><th>Clause</th><th>Scenario</th><th>Expected</th><th>Observed</th><th>Seconds</th>"
                + "</tr></thead><tbody>\n");
        for (ScenarioResult r : result.results()) {
            w.write("<tr class=\"" + r.outcome().name() + "\"><td class=\"o\">" + r.outcome().name() + "</td><td>" + Escapes.xml(r.clause())
                    + "</td><td><code>" + Escapes.xml(r.id()) + "</code><br>" + Escapes.xml(r.name()) + "</td><td>" + Escapes.xml(r.expected())
                    + "</td><td class=\"obs\">" + Escapes.xml(r.observed()) + "</td><td>"
                    + String.format(Locale.ROOT, "%.2f", r.duration().toNanos() / 1e9) + "</td></tr>\n");
        }
        w.write("</tbody></table>\n</body></html>\n");
        w.flush();
    }
}
