package org.gongwen.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps something running in the foreground until the JVM is asked to stop (Ctrl-C, SIGTERM) or
 * the waiting thread is interrupted (how a caller in the same JVM stops it), then closes it once.
 */
final class UntilStopped {
    private UntilStopped() {
    }

    /** Waits, then closes {@code running} and says so on {@code out}. */
    static void run(AutoCloseable running, String what, PrintWriter out) throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                closeOnce(running, closed, what, out);
            } finally {
                stopped.countDown();
            }
        }, "gongwen-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            closeOnce(running, closed, what, out);
            Thread.currentThread().interrupt();
        }
    }

    private static void closeOnce(AutoCloseable running, AtomicBoolean closed, String what, PrintWriter out) {
        if (closed.compareAndSet(false, true)) {
            try {
                running.close();
                out.println(what + " stopped");
            } catch (Exception e) {
                out.println(what + " did not stop cleanly: " + ErrorReporter.oneLine(e.toString()));
            }
            out.flush();
        }
    }
}
