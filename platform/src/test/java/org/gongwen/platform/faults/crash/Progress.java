package org.gongwen.platform.faults.crash;

import java.util.HashSet;
import java.util.Set;

/**
 * Distinct ids seen so far (messages accepted, handled...), told by listeners in worker threads;
 * the test thread waits on it instead of sleeping. Thread-safe.
 */
final class Progress {
    private final Set<String> ids = new HashSet<>();

    /** Records an id and wakes the waiters. */
    synchronized void add(Object id) {
        if (ids.add(String.valueOf(id))) {
            notifyAll();
        }
    }

    /** How many distinct ids were seen. */
    synchronized int count() {
        return ids.size();
    }

    /** Whether this id was seen. */
    synchronized boolean contains(Object id) {
        return ids.contains(String.valueOf(id));
    }

    /** Waits until at least {@code n} ids were seen or the deadline ({@link System#nanoTime()}) passes; returns whether they were. */
    synchronized boolean awaitAtLeast(int n, long deadlineNanos) throws InterruptedException {
        while (ids.size() < n) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
