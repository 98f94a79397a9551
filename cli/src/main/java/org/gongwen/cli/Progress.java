package org.gongwen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.gongwen.internal.transport.TransferListener;

/**
 * A progress line for package transfers (and packing) on a terminal: bytes so far, rate and time left,
 * rewritten in place on standard error at most four times a second and ended when the package is
 * complete. Not thread-safe: one transfer at a time, as the commands run them.
 */
final class Progress implements TransferListener {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean draw;
    private final LongSupplier clock;
    private String current;
    private long started;
    private long drawn;
    private int width;

    Progress(PrintWriter err, boolean draw, LongSupplier clock) {
        this.err = err;
        this.draw = draw;
        this.clock = clock;
    }

    /**
     * Progress that is drawn on {@code err} only when {@code terminal}, so that redirected output
     * and scripts stay clean.
     */
    static Progress on(PrintWriter err, boolean terminal) {
        return new Progress(err, terminal, System::nanoTime);
    }

    /**
     * Whether standard error is an interactive terminal: the JVM has a console and, where the
     * system shows it ({@code /proc/self/fd/2}), standard error is a terminal device.
     */
    static boolean stderrIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }

    @Override
    public void transferred(Direction direction, UUID messageId, long bytes, long total) {
        String id = messageId.toString().substring(0, 8);
        boolean up = direction == Direction.UPLOAD;
        show(messageId.toString(), up ? "sending " : "receiving ", up ? "sent " : "received ", id, bytes, total);
    }

    /**
     * Progress of packing {@code name}: {@code done} of {@code total} bytes of its parts processed
     * (each part is read twice), as {@link org.gongwen.api.pkg.PackageBuilder.PackProgress} reports it.
     */
    void packed(String name, long done, long total) {
        show("pack:" + name, "packing ", "packed ", name, done, total);
    }

    private void show(String key, String doing, String finished, String label, long bytes, long total) {
        if (!draw) {
            return;
        }
        long now = clock.getAsLong();
        if (!key.equals(current)) {
            end();
            current = key;
            started = now;
            drawn = now - REDRAW_NANOS;
        }
        boolean complete = total >= 0 && bytes >= total;
        if (!complete && now - drawn < REDRAW_NANOS) {
            return;
        }
        drawn = now;
        String text = line(doing, finished, label, bytes, total, now - started);
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        width = text.length();
        if (complete) {
            end();
        } else {
            err.flush();
        }
    }

    /** Ends the line being drawn, if any (after a complete transfer, or before an error is printed). */
    void end() {
        if (width > 0) {
            err.println();
            err.flush();
        }
        width = 0;
        current = null;
    }

    /**
     * The progress text, for example {@code "sending 6f0c1b5e  50.0 MiB of 200.0 MiB  25%  25.0 MiB/s  0:06 left"}.
     *
     * @param total the expected bytes, or -1 if unknown
     * @param elapsedNanos the time since the transfer began
     */
    static String line(Direction direction, UUID messageId, long bytes, long total, long elapsedNanos) {
        boolean up = direction == Direction.UPLOAD;
        return line(up ? "sending " : "receiving ", up ? "sent " : "received ", messageId.toString().substring(0, 8), bytes, total,
                elapsedNanos);
    }

    private static String line(String doing, String finished, String id, long bytes, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? bytes / seconds : 0;
        String rateText = rate > 0 ? size((long) rate) + "/s" : "--/s";
        if (total >= 0 && bytes >= total) {
            return finished + id + "  " + size(bytes) + " in " + duration(seconds) + "  " + rateText;
        }
        String verb = doing;
        if (total < 0) {
            return verb + id + "  " + size(bytes) + "  " + rateText;
        }
        long percent = total == 0 ? 100 : bytes * 100 / total;
        String left = rate > 0 ? duration((total - bytes) / rate) + " left" : "--:-- left";
        return verb + id + "  " + size(bytes) + " of " + size(total) + "  " + percent + "%  " + rateText + "  " + left;
    }

    /** A byte count in binary units: {@code 812 B}, {@code 1.5 KiB}, {@code 50.0 MiB}, {@code 1.2 GiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1023.95 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour on (rounded up, so that "0:00 left" means done). */
    static String duration(double seconds) {
        long s = (long) Math.ceil(Math.max(0, seconds));
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
