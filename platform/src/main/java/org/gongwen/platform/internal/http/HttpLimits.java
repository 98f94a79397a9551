package org.gongwen.platform.internal.http;

/**
 * What one caller may hold of a node at a time, and how slowly a request body may arrive
 * (spec/transport.md T-10).
 *
 * @param maxParkedPollsPerCaller mailbox requests of one caller that may wait (long-poll) at once
 * @param maxUploadsPerCaller package bodies (submissions, relays) of one caller read at once
 * @param minBodyBytesPerSecond the least average rate a request body must keep once
 *     {@link #BODY_RATE_GRACE_SECONDS} have passed; 0 for no minimum
 */
public record HttpLimits(int maxParkedPollsPerCaller, int maxUploadsPerCaller, long minBodyBytesPerSecond) {
    /** Parked mailbox requests per caller. */
    public static final int PARKED_POLLS_PER_CALLER = 4;
    /** Package uploads per caller. */
    public static final int UPLOADS_PER_CALLER = 4;
    /** Seconds a body may take before its rate is checked. */
    public static final int BODY_RATE_GRACE_SECONDS = 5;

    /** Checks the values. */
    public HttpLimits {
        if (maxParkedPollsPerCaller < 1 || maxUploadsPerCaller < 1 || minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
