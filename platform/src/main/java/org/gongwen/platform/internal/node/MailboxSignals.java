package org.gongwen.platform.internal.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongwen.api.id.OrgCode;

/**
 * Wakes long-polling mailbox requests when a message arrives for their organisation. A waiter is
 * a callback run once, on the thread that signals; no thread waits. Thread-safe.
 */
public final class MailboxSignals {
    private final Map<OrgCode, List<Runnable>> waiters = new HashMap<>();

    /** Registers a one-shot callback for the next arrival for {@code org}. */
    public synchronized void await(OrgCode org, Runnable onArrival) {
        waiters.computeIfAbsent(org, k -> new ArrayList<>()).add(onArrival);
    }

    /** Forgets a callback that fired for another reason (its time ran out). */
    public synchronized void cancel(OrgCode org, Runnable onArrival) {
        List<Runnable> l = waiters.get(org);
        if (l != null) {
            l.remove(onArrival);
            if (l.isEmpty()) {
                waiters.remove(org);
            }
        }
    }

    /** Runs and forgets every callback waiting for {@code org}. */
    public void signal(OrgCode org) {
        List<Runnable> fire;
        synchronized (this) {
            fire = waiters.remove(org);
        }
        if (fire != null) {
            fire.forEach(Runnable::run);
        }
    }

    /** Runs and forgets every callback (the node is stopping). */
    public void signalAll() {
        List<Runnable> fire = new ArrayList<>();
        synchronized (this) {
            waiters.values().forEach(fire::addAll);
            waiters.clear();
        }
        fire.forEach(Runnable::run);
    }
}
