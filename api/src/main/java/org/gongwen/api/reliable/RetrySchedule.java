package org.gongwen.api.reliable;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try again after a failure a retry can mend: bounded exponential backoff with jitter.
 * Attempt {@code n} (counting from 1) failing waits {@code min(max, first × multiplier^(n-1))},
 * each wait shortened by a random fraction of at most {@code jitter}, and never less than a
 * {@code Retry-After} the node asked for. After {@code maxAttempts} attempts (0: no limit) the
 * message is given up. Immutable.
 */
public final class RetrySchedule {
    private final Duration first;
    private final Duration max;
    private final double multiplier;
    private final double jitter;
    private final int maxAttempts;

    private RetrySchedule(Duration first, Duration max, double multiplier, double jitter, int maxAttempts) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || max.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("need 0 < first <= max <= 7 days, got first " + first + ", max " + max);
        }
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            throw new IllegalArgumentException("multiplier must be in [1, 10], got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 (no limit) or more, got " + maxAttempts);
        }
        this.first = first;
        this.max = max;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Doubling waits from {@code first} up to {@code max}, with 20 % jitter and no limit on the
     * number of attempts (a message's expiry still ends them).
     */
    public static RetrySchedule exponential(Duration first, Duration max) {
        return new RetrySchedule(first, max, 2.0, 0.2, 0);
    }

    /** The same schedule with another growth factor per attempt (1 to 10). */
    public RetrySchedule withMultiplier(double m) {
        return new RetrySchedule(first, max, m, jitter, maxAttempts);
    }

    /** The same schedule with another jitter fraction (0 to 1). */
    public RetrySchedule withJitter(double j) {
        return new RetrySchedule(first, max, multiplier, j, maxAttempts);
    }

    /** The same schedule giving up after {@code n} attempts (0: no limit). */
    public RetrySchedule withMaxAttempts(int n) {
        return new RetrySchedule(first, max, multiplier, jitter, n);
    }

    /** The first wait. */
    public Duration first() { return first; }

    /** The longest wait. */
    public Duration max() { return max; }

    /** The growth factor per attempt. */
    public double multiplier() { return multiplier; }

    /** The largest fraction by which a wait is shortened at random. */
    public double jitter() { return jitter; }

    /** The number of attempts after which the message is given up; 0 for no limit. */
    public int maxAttempts() { return maxAttempts; }

    /**
     * The wait after attempt {@code attempt} (from 1) failed.
     *
     * @param random a number in [0, 1) that picks the jitter
     */
    public Duration delayAfter(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        double millis = first.toMillis() * Math.pow(multiplier, attempt - 1); // Infinity for huge exponents, then capped
        double capped = Math.min(millis, max.toMillis());
        double r = Math.max(0.0, Math.min(random, 1.0));
        return Duration.ofMillis(Math.max(1L, Math.round(capped * (1.0 - jitter * r))));
    }

    /** Whether a message that has had {@code attempts} attempts may have another. */
    public boolean allowsAnother(int attempts) {
        return maxAttempts == 0 || attempts < maxAttempts;
    }

    @Override
    public String toString() {
        return "RetrySchedule{first " + first + ", max " + max + ", ×" + multiplier + ", jitter " + jitter
                + (maxAttempts == 0 ? "" : ", at most " + maxAttempts + " attempts") + "}";
    }
}
