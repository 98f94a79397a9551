package org.gongwen.internal.reliable;

import java.util.concurrent.atomic.AtomicLong;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.reliable.ExchangeListener;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.ReliableExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters of one exchange, and the listener calls, each made after its change committed. A
 * listener that throws is logged and otherwise ignored. Thread-safe.
 */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    /** Reads the entry a call is about, once the listener is to be told. */
    @FunctionalInterface
    interface Lookup<T> {
        T get() throws GongwenException;
    }

    private final ExchangeListener listener;
    private final boolean quiet;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Runnable wakeSender;

    Events(ExchangeListener listener, boolean quiet, Runnable wakeSender) {
        this.listener = listener;
        this.quiet = quiet;
        this.wakeSender = wakeSender;
    }

    ReliableExchange.Counters counters() {
        return new ReliableExchange.Counters(attempts.get(), retries.get(), accepted.get(), gaveUp.get(), received.get(),
                duplicates.get(), handled.get(), handlerFailures.get(), parked.get());
    }

    void queued() {
        wakeSender.run();
    }

    void attempted() {
        attempts.incrementAndGet();
    }

    void accepted(Lookup<OutboxEntry> entry) {
        accepted.incrementAndGet();
        tell(entry, "accepted", e -> listener.accepted(e));
    }

    void retrying(Lookup<OutboxEntry> entry) {
        retries.incrementAndGet();
        tell(entry, "retrying", e -> listener.retrying(e));
    }

    void gaveUp(Lookup<OutboxEntry> entry) {
        gaveUp.incrementAndGet();
        tell(entry, "gaveUp", e -> listener.gaveUp(e));
    }

    void receipt(Lookup<OutboxEntry> entry, Receipt r) {
        tell(entry, "receipt", e -> listener.receipt(e, r));
    }

    void received(Lookup<InboxEntry> entry) {
        received.incrementAndGet();
        tell(entry, "received", e -> listener.received(e));
    }

    void duplicateSuppressed() {
        duplicates.incrementAndGet();
    }

    void handled(Lookup<InboxEntry> entry) {
        handled.incrementAndGet();
        tell(entry, "handled", e -> listener.handled(e));
    }

    void handlerFailed() {
        handlerFailures.incrementAndGet();
    }

    void parked(Lookup<InboxEntry> entry) {
        parked.incrementAndGet();
        tell(entry, "parked", e -> listener.parked(e));
    }

    private <T> void tell(Lookup<T> entry, String what, java.util.function.Consumer<T> call) {
        if (quiet) {
            return;
        }
        try {
            T e = entry.get();
            if (e != null) {
                call.accept(e);
            }
        } catch (GongwenException | RuntimeException e) {
            LOG.warn("the exchange listener's {} call failed: {}", what, e.toString());
        }
    }
}
