package org.gongwen.platform.faults.proxy;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** How many requests a proxy saw and how often it applied each fault. Thread-safe. */
public final class FaultCounts {
    private final AtomicLong requests = new AtomicLong();
    private final Map<Fault, AtomicLong> applied = new EnumMap<>(Fault.class);

    FaultCounts() {
        for (Fault f : Fault.values()) {
            applied.put(f, new AtomicLong());
        }
    }

    void request() {
        requests.incrementAndGet();
    }

    void applied(Fault f) {
        applied.get(f).incrementAndGet();
    }

    /** Requests received. */
    public long requests() {
        return requests.get();
    }

    /** How often {@code f} was applied. */
    public long of(Fault f) {
        return applied.get(f).get();
    }

    /** The counts of several proxies added up. */
    public static Map<Fault, Long> sum(Iterable<FaultCounts> all) {
        Map<Fault, Long> out = new EnumMap<>(Fault.class);
        for (Fault f : Fault.values()) {
            long n = 0;
            for (FaultCounts c : all) {
                n += c.of(f);
            }
            out.put(f, n);
        }
        return out;
    }

    @Override
    public String toString() {
        return requests.get() + " requests, " + applied.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().get())
                .collect(Collectors.joining(" "));
    }
}
