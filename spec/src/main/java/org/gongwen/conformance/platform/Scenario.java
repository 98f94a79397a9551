package org.gongwen.conformance.platform;

import java.util.Objects;

/**
 * One scenario of the platform suite: what it checks and the steps that check it. The suite's
 * scenarios are listed by {@link PlatformSuite#scenarios(TesterProfile)}.
 */
public final class Scenario {
    /** The steps of a scenario: they return what they observed when the node conforms. */
    @FunctionalInterface
    interface Steps {
        String run(Session session) throws Exception;
    }

    private final String id;
    private final String name;
    private final String clause;
    private final String expected;
    private final Steps steps;

    Scenario(String id, String name, String clause, String expected, Steps steps) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.clause = Objects.requireNonNull(clause);
        this.expected = Objects.requireNonNull(expected);
        this.steps = Objects.requireNonNull(steps);
    }

    /** The stable id, for example {@code tampered-part}. */
    public String id() { return id; }

    /** What the scenario does, for people. */
    public String name() { return name; }

    /** The clause of the standard it tests, for example {@code T-4.5}. */
    public String clause() { return clause; }

    /** What a conforming node does. */
    public String expected() { return expected; }

    Steps steps() { return steps; }

    @Override
    public String toString() {
        return id + " (" + clause + ")";
    }
}
