package org.gongwen.conformance.platform;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of one scenario against one node.
 *
 * @param id the scenario's stable id, for example {@code resubmit-same-bytes}
 * @param name what the scenario does, for people
 * @param clause the clause of the standard it tests, for example {@code T-4.5}
 * @param expected what a conforming node does
 * @param observed what this node did (for a skipped scenario: why it could not run)
 * @param outcome passed, failed or skipped
 * @param duration how long the scenario took
 */
public record ScenarioResult(String id, String name, String clause, String expected, String observed, Outcome outcome, Duration duration) {
    /** Checks that every value is present. */
    public ScenarioResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }
}
