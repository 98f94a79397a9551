package org.gongwen.platform.internal.http;

import java.util.concurrent.ConcurrentHashMap;

/** Counts what each caller holds of one kind of resource, up to a maximum per caller. Thread-safe. */
final class CallerSlots {
    private final int max;
    private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();

    CallerSlots(int max) {
        this.max = max;
    }

    /** The most one caller may hold. */
    int max() {
        return max;
    }

    /** Takes a slot for the caller; false if it holds the maximum already. */
    boolean tryTake(String caller) {
        boolean[] taken = {false};
        held.compute(caller, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    /** Gives a slot back. */
    void release(String caller) {
        held.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
    }
}
