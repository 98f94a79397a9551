package org.gongwen.cli;

import java.io.PrintWriter;
import org.gongwen.conformance.platform.Scenario;
import org.gongwen.conformance.platform.ScenarioResult;
import org.gongwen.conformance.platform.SuiteListener;

/**
 * A progress line for a conformance run on a terminal ({@code [3/19] T-4.5 resubmit-same-bytes  2 failed}),
 * rewritten in place on standard error and cleared when the run ends; nothing at all when standard
 * error is not a terminal. Not thread-safe: the suite runs on one thread.
 */
final class ScenarioProgress implements SuiteListener {
    private final PrintWriter err;
    private final boolean draw;
    private int failed;
    private int width;

    ScenarioProgress(PrintWriter err, boolean draw) {
        this.err = err;
        this.draw = draw;
    }

    @Override
    public void started(Scenario scenario, int index, int total) {
        if (draw) {
            String text = line(index, total, scenario.clause() + " " + scenario.id(), failed);
            err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            err.flush();
            width = text.length();
        }
    }

    @Override
    public void finished(ScenarioResult result, int index, int total) {
        if (result.outcome() == org.gongwen.conformance.platform.Outcome.FAILED) {
            failed++;
        }
    }

    /** Clears the line, if one was drawn. */
    void end() {
        if (draw && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    /** The progress text for the scenario at {@code index} of {@code total}. */
    static String line(int index, int total, String scenario, int failed) {
        return "[" + index + "/" + total + "] " + scenario + (failed > 0 ? "  " + failed + " failed" : "");
    }
}
