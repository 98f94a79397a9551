package org.gongwen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code gongwen} command that runs until it is stopped ({@code platform}), run on its own thread
 * in this JVM: the test waits for a text to appear on its output, uses what it started, then stops
 * it by interrupting the thread, as Ctrl-C would.
 */
final class Background implements AutoCloseable {
    private final Output out = new Output();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int exit = -1;

    Background(Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            a.add(String.valueOf(o));
        }
        thread = new Thread(() -> {
            exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), a.toArray(String[]::new));
            out.finished();
        }, "gongwen " + String.join(" ", a));
        thread.start();
    }

    /**
     * Waits until the output contains {@code text} or the command has ended.
     *
     * @return the output so far
     * @throws AssertionError if the text did not appear
     */
    String await(String text, Duration timeout) throws InterruptedException {
        String s = out.await(text, timeout);
        if (!s.contains(text)) {
            throw new AssertionError("'" + text + "' did not appear (exit " + exit + "):\n" + s + "\n--- err\n" + err);
        }
        return s;
    }

    /** Stops the command as Ctrl-C would and waits for it to end; returns its exit status. */
    int stop(Duration timeout) throws InterruptedException {
        thread.interrupt();
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the command did not stop:\n" + out.text());
        }
        return exit;
    }

    String out() {
        return out.text();
    }

    String err() {
        return err.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop(Duration.ofSeconds(30));
        }
    }

    /** Output that wakes the waiting test when it grows. */
    private static final class Output extends Writer {
        private final StringBuilder text = new StringBuilder();
        private boolean done;

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            text.append(cbuf, off, len);
            notifyAll();
        }

        synchronized void finished() {
            done = true;
            notifyAll();
        }

        synchronized String await(String wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (text.indexOf(wanted) < 0 && !done) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return text.toString();
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
