package org.gongwen.bench.exchange;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time: this JVM's (from the operating system bean) and the whole machine's busy time (from
 * Linux's {@code /proc/stat}, NaN elsewhere), so that a run can show how much of the cores other
 * processes took while it measured.
 */
final class CpuClock {
    /** A reading. */
    record Reading(long wallNanos, long processNanos, double machineBusySeconds) {
        /** Cores this process kept busy on average since {@code earlier}. */
        double processCores(Reading earlier) {
            return (processNanos - earlier.processNanos) / (double) (wallNanos - earlier.wallNanos);
        }

        /** Cores other processes kept busy on average since {@code earlier} (NaN if unknown). */
        double otherCores(Reading earlier) {
            double wall = (wallNanos - earlier.wallNanos) / 1e9;
            return (machineBusySeconds - earlier.machineBusySeconds) / wall - processCores(earlier);
        }
    }

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final double TICKS_PER_SECOND = 100.0;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Reads the clocks now. */
    Reading read() {
        return new Reading(System.nanoTime(), os.getProcessCpuTime(), machineBusySeconds());
    }

    /** Busy seconds of all cores since boot: user, nice, system, irq, softirq and steal ticks (USER_HZ is 100 on Linux). */
    private static double machineBusySeconds() {
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            String[] f = lines.get(0).trim().split("\\s+");
            if (!f[0].equals("cpu") || f.length < 9) {
                return Double.NaN;
            }
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
