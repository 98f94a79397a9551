package org.gongwen.conformance.platform;

/** How a scenario ended. */
public enum Outcome {
    /** The node did what the clause requires. */
    PASSED,
    /** The node did something else: the result names what was expected and what was observed. */
    FAILED,
    /** The scenario could not run: the node or the tester profile lacks a precondition (the result says which). */
    SKIPPED
}
