package org.gongwen.platform.faults.crash;

/**
 * The one line each crash test prints: what was sent, accepted and handled, duplicates (there
 * must be none) and what was suppressed on the way, retries and kills. Counters of killed JVMs
 * die with them, so the figures come from the stores and the children's output.
 */
record CrashSummary(String scenario, int sent, int accepted, int delivered, int duplicateDeliveries, long duplicatesSuppressed,
        long retries, int kills, long seed, double seconds) {

    /** Prints the line to standard output (the test report keeps it). */
    void print() {
        System.out.printf("crash test %s: sent %d, accepted %d, delivered (handled) %d, duplicate deliveries %d, duplicates suppressed %d,"
                + " retries %d, kills %d (SIGKILL), seed %d, %.1f s%n", scenario, sent, accepted, delivered, duplicateDeliveries,
                duplicatesSuppressed, retries, kills, seed, seconds);
    }
}
