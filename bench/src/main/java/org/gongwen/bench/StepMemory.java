package org.gongwen.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The memory figures of one step, from the JVM's management beans.
 *
 * <ul>
 *   <li><b>peak heap</b>: before the step the heap is collected ({@code System.gc()}) and every
 *       heap pool's peak is reset ({@link MemoryPoolMXBean#resetPeakUsage()}); after it, each
 *       pool's peak usage (or its current usage if higher) is taken and the pools are added up.
 *       The pools peak at different moments, so the sum is an upper bound of the simultaneous
 *       peak. The JVM brings pool usage up to date at collections (G1 does so only then), so
 *       this is the highest occupancy the collector saw during the step;
 *   <li><b>heap before</b>: the heap in use right after that collection;
 *   <li><b>allocated</b>: bytes the calling thread allocated during the step (the SDK works in
 *       the caller's thread), which shows whether garbage grows with the payload;
 *   <li><b>collections</b>: how many collections ran during the step.
 * </ul>
 */
final class StepMemory {
    /** The figures of a finished step, in bytes and counts. */
    record Figures(long heapBefore, long peakHeap, long allocated, long collections) {
    }

    private final List<MemoryPoolMXBean> heapPools;
    private final List<GarbageCollectorMXBean> collectors;
    private final com.sun.management.ThreadMXBean threads;
    private long heapBefore;
    private long allocatedBefore;
    private long collectionsBefore;

    StepMemory() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        collectors = ManagementFactory.getGarbageCollectorMXBeans();
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    /** Collects garbage, resets the peaks and takes the starting counts; call just before the step. */
    void start() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        heapBefore = heapPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        collectionsBefore = collectionCount();
        allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    }

    /** The figures since {@link #start()}; call just after the step. */
    Figures stop() {
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = heapPools.stream().mapToLong(p -> Math.max(p.getPeakUsage().getUsed(), p.getUsage().getUsed())).sum();
        return new Figures(heapBefore, peak, allocated, collectionCount() - collectionsBefore);
    }

    /** The names of the heap pools that are added up, and of the collectors. */
    String describe() {
        return "heap pools " + String.join(", ", heapPools.stream().map(MemoryPoolMXBean::getName).toList())
                + "; collectors " + String.join(", ", collectors.stream().map(GarbageCollectorMXBean::getName).toList());
    }

    private long collectionCount() {
        return collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionCount())).sum();
    }
}
