package org.gongwen.bench.exchange;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times the steps of a child JVM of the large run on the calling thread: wall-clock seconds, and
 * the CPU seconds of the thread (the SDK and the classic HTTP client work in the caller's thread),
 * which other processes on the machine do not inflate.
 */
final class StepClock {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long wall;
    private long cpu;

    /** Starts the first step. */
    StepClock() {
        restart();
    }

    /** Starts a step now. */
    void restart() {
        wall = System.nanoTime();
        cpu = threads.getCurrentThreadCpuTime();
    }

    /** Ends a step: puts {@code name.seconds} and {@code name.cpu.seconds}, and starts the next step. */
    void step(ResultLine result, String name) {
        long w = System.nanoTime();
        long c = threads.getCurrentThreadCpuTime();
        result.put(name + ".seconds", (w - wall) / 1e9).put(name + ".cpu.seconds", (c - cpu) / 1e9);
        wall = w;
        cpu = c;
    }

    /** The CPU seconds of this whole JVM so far. */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
