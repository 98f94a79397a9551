package org.gongwen.conformance.platform;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The results of one run of the platform scenario suite against one node.
 *
 * @param node the node's URI
 * @param started when the run began
 * @param duration how long it took
 * @param results one result per scenario, in the suite's order
 */
public record SuiteResult(URI node, Instant started, Duration duration, List<ScenarioResult> results) {
    /** Copies the results. */
    public SuiteResult {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
        results = List.copyOf(results);
    }

    /** How many scenarios ended with this outcome. */
    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /**
     * Whether the node conforms as far as this run shows: no scenario failed and, if
     * {@code strict}, none was skipped either.
     */
    public boolean conforms(boolean strict) {
        return count(Outcome.FAILED) == 0 && (!strict || count(Outcome.SKIPPED) == 0);
    }
}
