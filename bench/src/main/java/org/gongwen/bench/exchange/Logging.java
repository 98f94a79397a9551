package org.gongwen.bench.exchange;

/** The benchmark mains' logging: slf4j-simple, warnings and errors only, on standard error. */
final class Logging {
    private Logging() {
    }

    /**
     * Sets slf4j-simple to warnings only, before any logger exists. The nodes log a line per
     * message at INFO; on a console that would be noise and cost time the figures should not carry.
     */
    static void warningsOnly() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    }
}
