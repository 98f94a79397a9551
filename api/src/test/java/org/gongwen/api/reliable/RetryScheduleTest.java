package org.gongwen.api.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final RetrySchedule DEFAULT = RetrySchedule.exponential(Duration.ofSeconds(2), Duration.ofMinutes(10));

    @Test
    void waitsDoubleFromTheFirstUpToTheMaximumWithoutJitter() {
        RetrySchedule s = DEFAULT.withJitter(0);
        assertEquals(Duration.ofSeconds(2), s.delayAfter(1, 0.7));
        assertEquals(Duration.ofSeconds(4), s.delayAfter(2, 0.7));
        assertEquals(Duration.ofSeconds(8), s.delayAfter(3, 0.7));
        assertEquals(Duration.ofSeconds(512), s.delayAfter(9, 0.7));
        assertEquals(Duration.ofMinutes(10), s.delayAfter(10, 0.7));
        assertEquals(Duration.ofMinutes(10), s.delayAfter(1_000_000, 0.7));
    }

    @Test
    void jitterShortensAWaitByAtMostItsFraction() {
        assertEquals(Duration.ofMillis(1600), DEFAULT.delayAfter(1, 1.0));
        assertEquals(Duration.ofMillis(2000), DEFAULT.delayAfter(1, 0.0));
        assertEquals(Duration.ofMillis(1800), DEFAULT.delayAfter(1, 0.5));
    }

    @Test
    void aLimitOnAttemptsIsCountedAndZeroMeansNone() {
        RetrySchedule three = DEFAULT.withMaxAttempts(3);
        assertTrue(three.allowsAnother(2));
        assertFalse(three.allowsAnother(3));
        assertTrue(DEFAULT.allowsAnother(Integer.MAX_VALUE - 1));
    }

    @Test
    void badValuesAreRefusedWhenTheScheduleIsBuilt() {
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.exponential(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.withJitter(1.5));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.withMultiplier(0.5));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.withMaxAttempts(-1));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.delayAfter(0, 0.5));
    }

    @Property
    void everyWaitLiesBetweenItsJitteredFloorAndTheCap(@ForAll @IntRange(min = 1, max = 200) int attempt,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random,
            @ForAll @DoubleRange(min = 1, max = 10) double multiplier, @ForAll @DoubleRange(min = 0, max = 1) double jitter) {
        RetrySchedule s = RetrySchedule.exponential(Duration.ofMillis(100), Duration.ofSeconds(30)).withMultiplier(multiplier).withJitter(jitter);
        long d = s.delayAfter(attempt, random).toMillis();
        double undisturbed = Math.min(100 * Math.pow(multiplier, attempt - 1), 30_000);
        assertTrue(d <= 30_000, "capped: " + d);
        assertTrue(d >= Math.floor(undisturbed * (1 - jitter)) - 1, "at most the jitter fraction shorter: " + d + " vs " + undisturbed);
        assertTrue(d >= 1);
    }

    @Property
    void withoutJitterTheWaitsNeverShrink(@ForAll @IntRange(min = 1, max = 100) int attempt,
            @ForAll @DoubleRange(min = 1, max = 10) double multiplier) {
        RetrySchedule s = RetrySchedule.exponential(Duration.ofMillis(10), Duration.ofHours(1)).withMultiplier(multiplier).withJitter(0);
        assertTrue(s.delayAfter(attempt + 1, 0.3).compareTo(s.delayAfter(attempt, 0.3)) >= 0);
    }
}
