package org.gongwen.conformance.platform.report;

import java.io.PrintWriter;
import java.util.Locale;
import org.gongwen.conformance.platform.Outcome;
import org.gongwen.conformance.platform.ScenarioResult;
import org.gongwen.conformance.platform.SuiteResult;

/**
 * The report for a terminal: one line per scenario (outcome, clause, id, name, seconds), the
 * expected and observed outcome under each failed or skipped one, and a line of totals.
 */
public final class TextReport {
    private TextReport() {
    }

    /** Writes the report. */
    public static void write(SuiteResult result, PrintWriter w) {
        w.println("Gongwen platform conformance: " + result.node());
        for (ScenarioResult r : result.results()) {
            w.println(line(r));
            if (r.outcome() == Outcome.FAILED) {
                w.println("      expected: " + Escapes.oneLine(r.expected()));
                w.println("      observed: " + Escapes.oneLine(r.observed()));
            } else if (r.outcome() == Outcome.SKIPPED) {
                w.println("      reason:   " + Escapes.oneLine(r.observed()));
            }
        }
        w.println(totals(result));
        w.flush();
    }

    /** One scenario's line, for example {@code PASS  T-4.5          resubmit-same-bytes  the same package again (0.12 s)}. */
    public static String line(ScenarioResult r) {
        String mark = switch (r.outcome()) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case SKIPPED -> "SKIP";
        };
        return String.format(Locale.ROOT, "%s  %-15s %-28s %s (%.2f s)", mark, r.clause(), r.id(), Escapes.oneLine(r.name()),
                r.duration().toNanos() / 1e9);
    }

    /** The totals line, for example {@code 17 scenarios: 16 passed, 0 failed, 1 skipped in 4.2 s}. */
    public static String totals(SuiteResult result) {
        return String.format(Locale.ROOT, "%d scenarios: %d passed, %d failed, %d skipped in %.1f s", result.results().size(),
                result.count(Outcome.PASSED), result.count(Outcome.FAILED), result.count(Outcome.SKIPPED), result.duration().toNanos() / 1e9);
    }
}
