package org.gongwen.internal.reliable;

import org.gongwen.api.GongwenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background worker: a daemon thread that does a round of work, then waits until the round
 * says the next one is due, or until {@link #wake()}. A round that fails waits a growing pause
 * (1 s doubling to 1 min) before the next. {@link #stop} interrupts the wait and joins the thread.
 */
final class WorkerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);
    private static final long MAX_FAILURE_PAUSE_MS = 60_000;

    /** One round; returns how many milliseconds to wait before the next (0: go on at once). */
    @FunctionalInterface
    interface Round {
        long run() throws GongwenException;
    }

    private final String name;
    private final Round round;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean stopping;
    private Thread thread;

    WorkerLoop(String name, Round round) {
        this.name = name;
        this.round = round;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Stops the loop, waiting up to {@code waitMs} for the current round to end. */
    void stop(long waitMs) {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        wake();
        try {
            t.join(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long failurePause = 1000;
        while (!stopping) {
            long waitMs;
            try {
                waitMs = round.run();
                failurePause = 1000;
            } catch (Throwable e) {
                if (stopping) {
                    return;
                }
                LOG.warn("{}: round failed, next in {} ms: {}", name, failurePause, e.toString());
                waitMs = failurePause;
                failurePause = Math.min(failurePause * 2, MAX_FAILURE_PAUSE_MS);
            }
            pause(waitMs);
        }
    }

    private void pause(long ms) {
        if (ms <= 0) {
            return;
        }
        long until = System.currentTimeMillis() + ms;
        synchronized (signal) {
            while (!woken && !stopping) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            woken = false;
        }
    }
}
