package org.gongwen.internal.xml;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A small bounded pool of objects that are costly to create and not thread-safe (parsers,
 * unmarshallers). Unlike a ThreadLocal it holds nothing per thread, so it does not pin the
 * SDK's class loader in a host application's thread pool. Thread-safe.
 */
public final class Pool<T> {
    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Supplier<T> factory;
    private final Consumer<T> reset;
    private final int max;

    public Pool(Supplier<T> factory, Consumer<T> reset) {
        this.factory = factory;
        this.reset = reset;
        this.max = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    }

    /** Takes an idle object or creates one. */
    public T take() {
        T t = idle.poll();
        if (t != null) {
            size.decrementAndGet();
            return t;
        }
        return factory.get();
    }

    /** Gives an object back after use; it is reset, and dropped when the pool is full. */
    public void give(T t) {
        try {
            reset.accept(t);
        } catch (RuntimeException e) {
            return;
        }
        if (size.incrementAndGet() <= max) {
            idle.offer(t);
        } else {
            size.decrementAndGet();
        }
    }
}
