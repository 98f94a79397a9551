package org.gongwen.platform.faults.proxy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Which fault, if any, a {@link FaultProxy} applies to each request: first the scripted steps, in
 * order, each for the first request whose method and path start with its prefix; then a fault
 * drawn from a seeded random generator with a rate per kind. Every random choice of a fault's
 * details (where to cut, how long to wait, which answer to keep) comes from the same generator.
 * Thread-safe.
 */
public final class FaultPlan {
    /** One decision: the fault (null: pass the request on faithfully) and its details. */
    public record Decision(Fault fault, double position, long delayMillis, boolean keepFirst, boolean errorDocument,
            boolean forwardTruncated, boolean reset) {
    }

    private record Step(String prefix, Fault fault) {
    }

    private final long seed;
    private final Random random;
    private final Map<Fault, Double> rates;
    private final Deque<Step> script;
    private final long minDelayMillis;
    private final long maxDelayMillis;

    private FaultPlan(Builder b) {
        this.seed = b.seed;
        this.random = new Random(b.seed);
        this.rates = new EnumMap<>(b.rates);
        this.script = new ArrayDeque<>(b.script);
        this.minDelayMillis = b.minDelayMillis;
        this.maxDelayMillis = b.maxDelayMillis;
    }

    /** A plan drawing from a generator seeded with {@code seed}; no faults until rates or steps are added. */
    public static Builder seeded(long seed) {
        return new Builder(seed);
    }

    /** The seed, to reproduce the draws. */
    public long seed() {
        return seed;
    }

    /** The decision for a request, {@code what} being its method and path, for example {@code "POST /gongwen/v1/messages"}. */
    public synchronized Decision decide(String what) {
        Fault fault = null;
        for (Step s : script) {
            if (what.startsWith(s.prefix())) {
                script.remove(s);
                fault = s.fault();
                break;
            }
        }
        if (fault == null) {
            double r = random.nextDouble();
            for (Map.Entry<Fault, Double> e : rates.entrySet()) {
                if (r < e.getValue()) {
                    fault = e.getKey();
                    break;
                }
                r -= e.getValue();
            }
        }
        long delay = minDelayMillis + (long) (random.nextDouble() * (maxDelayMillis - minDelayMillis));
        return new Decision(fault, random.nextDouble(), delay, random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                random.nextBoolean());
    }

    /** Whether every scripted step has been used. */
    public synchronized boolean scriptDone() {
        return script.isEmpty();
    }

    @Override
    public synchronized String toString() {
        return "FaultPlan{seed " + seed + ", rates " + rates + ", " + script.size() + " scripted steps left}";
    }

    /** Builds a {@link FaultPlan}. Not thread-safe. */
    public static final class Builder {
        private final long seed;
        private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);
        private final Deque<Step> script = new ArrayDeque<>();
        private long minDelayMillis = 20;
        private long maxDelayMillis = 300;

        private Builder(long seed) {
            this.seed = seed;
        }

        /** Applies {@code fault} to this fraction of the requests (the rates together at most 1). */
        public Builder rate(Fault fault, double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("a rate is a fraction in [0, 1], got " + fraction);
            }
            rates.put(fault, fraction);
            if (rates.values().stream().mapToDouble(Double::doubleValue).sum() > 1.0 + 1e-9) {
                throw new IllegalArgumentException("the rates add up to more than 1: " + rates);
            }
            return this;
        }

        /** Applies the same rate to every kind of fault. */
        public Builder everyFault(double fraction) {
            for (Fault f : Fault.values()) {
                rate(f, fraction);
            }
            return this;
        }

        /** Applies {@code fault} once, to the next request whose method and path start with {@code prefix}. */
        public Builder once(String prefix, Fault fault) {
            script.add(new Step(prefix, fault));
            return this;
        }

        /** How long a delay holds a request or an answer: drawn between the two bounds. */
        public Builder delays(long minMillis, long maxMillis) {
            if (minMillis < 0 || maxMillis < minMillis) {
                throw new IllegalArgumentException("need 0 <= min <= max, got " + minMillis + ", " + maxMillis);
            }
            this.minDelayMillis = minMillis;
            this.maxDelayMillis = maxMillis;
            return this;
        }

        /** Builds the plan. */
        public FaultPlan build() {
            return new FaultPlan(this);
        }
    }
}
