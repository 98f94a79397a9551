package org.gongwen.internal.transport;

import java.time.Duration;
import java.util.List;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DirectoryEntry;

/**
 * The directory as last read, kept for a configured time (spec/transport.md, T-9.2). Two threads
 * that find it stale at once may both read it; the later copy wins. Thread-safe.
 */
final class DirectoryCache {
    /** Reads the directory from the node. */
    @FunctionalInterface
    interface Loader {
        List<DirectoryEntry> load() throws GongwenException;
    }

    private record Snapshot(List<DirectoryEntry> entries, long readAt) {
    }

    private final long keepNanos;
    private volatile Snapshot last;

    DirectoryCache(Duration keep) {
        this.keepNanos = keep.toNanos();
    }

    /** The kept directory if it is fresh, or a newly read one. */
    List<DirectoryEntry> get(Loader loader) throws GongwenException {
        Snapshot s = last;
        if (s != null && System.nanoTime() - s.readAt < keepNanos) {
            return s.entries;
        }
        long started = System.nanoTime();
        List<DirectoryEntry> fresh = List.copyOf(loader.load());
        if (keepNanos > 0) {
            last = new Snapshot(fresh, started);
        }
        return fresh;
    }
}
