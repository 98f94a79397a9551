package org.gongwen.platform.faults.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One incarnation of a child JVM: the test JVM's {@code java} and class path, a small heap, a
 * main class. Its standard output is read line by line (the synchronisation points of the tests);
 * its standard error goes to a log file that failures quote. {@link #kill()} ends it with SIGKILL
 * (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook, no finally block runs.
 */
final class ChildJvm implements AutoCloseable {
    private static final String END = new String("end of output");

    private final String name;
    private final Process process;
    private final Path log;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::read, "stdout of " + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** A fresh log file for a test's children under {@code target/crash-logs}, kept after the test for a look at what went wrong. */
    static Path logFile(String name) throws IOException {
        Path f = Files.createDirectories(Path.of("target", "crash-logs")).resolve(name + ".log").toAbsolutePath();
        Files.deleteIfExists(f);
        return f;
    }

    /** Starts {@code main} with {@code args} in a JVM with heap {@code xmx} (like {@code 64m}); standard error is appended to {@code log}. */
    static ChildJvm start(String name, String xmx, Path log, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.writeString(log, "=== " + name + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        p.getOutputStream().close();
        return new ChildJvm(name, p, log);
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process was killed while a line was read: its output ends here
        } finally {
            lines.add(END);
        }
    }

    /**
     * The next line the child printed, waiting until {@code deadlineNanos} ({@link System#nanoTime()}).
     *
     * @return the line, or null once the child's output has ended (it exited or was killed)
     * @throws AssertionError if the deadline passes first
     */
    String nextLine(long deadlineNanos, String waitingFor) throws InterruptedException {
        String line = lines.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
            throw new AssertionError(name + ": the deadline passed while waiting for " + waitingFor + "; " + tail());
        }
        if (line == END) {
            lines.add(END);
            return null;
        }
        synchronized (seen) {
            seen.add(line);
            if (seen.size() > 20) {
                seen.remove(0);
            }
        }
        return line;
    }

    /** Kills the JVM with SIGKILL and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Whether the JVM still runs. */
    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the JVM to exit on its own and returns its status; kills it and fails if the deadline passes. */
    int awaitExit(long deadlineNanos) throws InterruptedException {
        if (!process.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            kill();
            throw new AssertionError(name + " did not exit before the deadline; " + tail());
        }
        return process.exitValue();
    }

    /** The last lines read and the end of the error log, for failure messages. */
    String tail() {
        String err;
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            err = log + ":\n" + String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            err = "(cannot read " + log + ": " + e.getMessage() + ")";
        }
        synchronized (seen) {
            return "last output lines " + seen + "\nend of its error log:\n" + err;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
