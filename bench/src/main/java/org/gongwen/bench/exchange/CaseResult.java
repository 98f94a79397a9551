package org.gongwen.bench.exchange;

import java.time.Instant;
import org.gongwen.api.sign.SignatureProfile;

/**
 * The figures of one case over its measurement window.
 *
 * @param window the most messages in flight at once
 * @param seconds the length of the window
 * @param sent messages the node accepted in the window
 * @param delivered messages whose DELIVERED receipt was posted in the window
 * @param retried submissions the node refused for now in the window (sent again after a pause)
 * @param lastRetryable the last such refusal, or null
 * @param p50Millis median time from the start of packing to the DELIVERED receipt posted
 * @param p99Millis its 99th percentile
 * @param processCores the cores this JVM (nodes, senders and recipient) kept busy on average
 * @param otherCores the cores other processes kept busy meanwhile (NaN if unknown)
 * @param cpuMillisPerMessage this JVM's CPU time per delivered message
 * @param heap the heap figures of the window
 * @param started when the measurement window began (to match it with a profiler's recording)
 */
record CaseResult(SignatureProfile profile, Route route, int senders, int window, double seconds, long sent, long delivered,
        long retried, String lastRetryable,
        double p50Millis, double p99Millis, double processCores, double otherCores, double cpuMillisPerMessage, HeapWatch.Figures heap,
        Instant started) {
    /** Messages per second, counted when their DELIVERED receipt was posted. */
    double deliveredPerSecond() {
        return delivered / seconds;
    }

    /** Messages per second accepted by the sender's node. */
    double sentPerSecond() {
        return sent / seconds;
    }
}
