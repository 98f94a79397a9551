package org.gongwen.bench.exchange;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a JVM used, from the collector's own reports: every collection notifies the heap
 * occupancy just before it (the highest point since the previous collection) and just after it
 * (what was still live). The peak is the highest of those before-figures and of the current use
 * (or, if no collection ran, the sum of the pools' recorded peaks, an upper bound); the live figure
 * is the highest after-figure. Thread-safe.
 */
final class HeapWatch implements NotificationListener {
    /** The figures since the last {@link #reset()}, in bytes. */
    record Figures(long maxHeap, long peakUsed, long maxLiveAfterGc, long collections) {
    }

    private final List<MemoryPoolMXBean> pools;
    private final Set<String> heapPoolNames;
    private final AtomicLong peakBefore = new AtomicLong();
    private final AtomicLong liveAfter = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    private HeapWatch() {
        pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPoolNames = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
    }

    /** Starts watching this JVM's collections. */
    static HeapWatch start() {
        HeapWatch w = new HeapWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter) {
                ((NotificationEmitter) gc).addNotificationListener(w, null, null);
            }
        }
        return w;
    }

    /** Forgets the figures so far (the pools' peaks too). */
    void reset() {
        peakBefore.set(0);
        liveAfter.set(0);
        collections.set(0);
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        peakBefore.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        liveAfter.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        collections.incrementAndGet();
    }

    private long heapSum(Map<String, MemoryUsage> usage) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
            if (heapPoolNames.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    /** The figures now. */
    Figures figures() {
        long current = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        long peak = collections.get() > 0 ? Math.max(peakBefore.get(), current)
                : pools.stream().mapToLong(p -> Math.max(p.getPeakUsage().getUsed(), p.getUsage().getUsed())).sum();
        return new Figures(Runtime.getRuntime().maxMemory(), peak, liveAfter.get(), collections.get());
    }
}
