package org.gongwen.conformance.platform;

/**
 * Told about each scenario as the suite runs it, for example to draw progress on a terminal.
 * Called on the thread that runs the suite.
 */
public interface SuiteListener {
    /** A listener that does nothing. */
    SuiteListener NONE = new SuiteListener() {
    };

    /**
     * A scenario starts.
     *
     * @param scenario the scenario
     * @param index its position, from 1
     * @param total the number of scenarios in the run
     */
    default void started(Scenario scenario, int index, int total) {
    }

    /** A scenario ended. */
    default void finished(ScenarioResult result, int index, int total) {
    }
}
