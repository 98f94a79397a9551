package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.gongwen.internal.transport.TransferListener.Direction;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final UUID ID = UUID.fromString("6f0c1b5e-1f7e-4a57-9a31-0c1d2b8e6a41");
    private static final long MIB = 1L << 20;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void sizesInBinaryUnits() {
        assertEquals("0 B", Progress.size(0));
        assertEquals("1023 B", Progress.size(1023));
        assertEquals("1.0 KiB", Progress.size(1024));
        assertEquals("1.5 KiB", Progress.size(1536));
        assertEquals("1.0 MiB", Progress.size(MIB - 1), "rounds up into the next unit rather than showing 1024.0 KiB");
        assertEquals("256.0 MiB", Progress.size(256 * MIB));
        assertEquals("1.2 GiB", Progress.size(1229 * MIB));
    }

    @Test
    void durationsInMinutesOrHours() {
        assertEquals("0:00", Progress.duration(0));
        assertEquals("0:01", Progress.duration(0.2), "rounded up: 0:00 left means done");
        assertEquals("1:05", Progress.duration(65));
        assertEquals("59:59", Progress.duration(3599));
        assertEquals("1:00:00", Progress.duration(3600));
        assertEquals("2:03:04", Progress.duration(2 * 3600 + 3 * 60 + 4));
    }

    @Test
    void aLineShowsBytesPercentRateAndTimeLeft() {
        assertEquals("sending 6f0c1b5e  50.0 MiB of 200.0 MiB  25%  25.0 MiB/s  0:06 left",
                Progress.line(Direction.UPLOAD, ID, 50 * MIB, 200 * MIB, 2 * SECOND));
        assertEquals("receiving 6f0c1b5e  1.0 KiB of 4.0 KiB  25%  512 B/s  0:06 left",
                Progress.line(Direction.DOWNLOAD, ID, 1024, 4096, 2 * SECOND));
    }

    @Test
    void beforeAnyTimeHasPassedTheRateIsUnknown() {
        assertEquals("sending 6f0c1b5e  0 B of 10.0 MiB  0%  --/s  --:-- left", Progress.line(Direction.UPLOAD, ID, 0, 10 * MIB, 0));
    }

    @Test
    void anUnknownTotalShowsBytesAndRateOnly() {
        assertEquals("receiving 6f0c1b5e  3.0 MiB  1.5 MiB/s", Progress.line(Direction.DOWNLOAD, ID, 3 * MIB, -1, 2 * SECOND));
    }

    @Test
    void aCompleteTransferSaysHowLongItTook() {
        assertEquals("sent 6f0c1b5e  256.0 MiB in 0:08  32.0 MiB/s", Progress.line(Direction.UPLOAD, ID, 256 * MIB, 256 * MIB, 8 * SECOND));
        assertEquals("received 6f0c1b5e  0 B in 0:00  --/s", Progress.line(Direction.DOWNLOAD, ID, 0, 0, 0));
    }

    @Test
    void onATerminalTheLineIsRedrawnAtMostFourTimesASecondAndEnded() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong(100 * SECOND);
        Progress p = new Progress(new PrintWriter(out), true, now::get);
        p.transferred(Direction.UPLOAD, ID, MIB, 4 * MIB);          // first report: drawn
        now.addAndGet(SECOND / 10);
        p.transferred(Direction.UPLOAD, ID, 2 * MIB, 4 * MIB);      // 0.1 s later: skipped
        now.addAndGet(SECOND / 5);
        p.transferred(Direction.UPLOAD, ID, 3 * MIB, 4 * MIB);      // 0.3 s after the first: drawn
        now.addAndGet(SECOND / 10);
        p.transferred(Direction.UPLOAD, ID, 4 * MIB, 4 * MIB);      // complete: always drawn, then the line ends
        p.end();                                                     // nothing more to end
        String[] draws = out.toString().split("\r", -1);
        assertEquals(4, draws.length, out.toString());
        assertEquals("", draws[0]);
        assertEquals("sending 6f0c1b5e  1.0 MiB of 4.0 MiB  25%  --/s  --:-- left", draws[1]);
        assertEquals("sending 6f0c1b5e  3.0 MiB of 4.0 MiB  75%  10.0 MiB/s  0:01 left", draws[2]);
        String last = "sent 6f0c1b5e  4.0 MiB in 0:01  10.0 MiB/s";
        String padding = " ".repeat(draws[2].length() - last.length());
        assertEquals(last + padding + System.lineSeparator(), draws[3], "a shorter line blanks the rest of the longer one");
    }

    @Test
    void offATerminalNothingIsWritten() {
        StringWriter out = new StringWriter();
        Progress p = new Progress(new PrintWriter(out), false, () -> 0);
        p.transferred(Direction.DOWNLOAD, ID, 10, 100);
        p.transferred(Direction.DOWNLOAD, ID, 100, 100);
        p.end();
        assertEquals("", out.toString());
    }

    @Test
    void packingShowsItsOwnLineWithTheFileName() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong(5 * SECOND);
        Progress p = new Progress(new PrintWriter(out), true, now::get);
        p.packed("通知.gwpkg", 0, 8 * MIB);
        now.addAndGet(SECOND);
        p.packed("通知.gwpkg", 2 * MIB, 8 * MIB);
        now.addAndGet(SECOND);
        p.packed("通知.gwpkg", 8 * MIB, 8 * MIB);
        String[] draws = out.toString().split("\r", -1);
        assertEquals(4, draws.length, out.toString());
        assertEquals("packing 通知.gwpkg  0 B of 8.0 MiB  0%  --/s  --:-- left", draws[1]);
        assertEquals("packing 通知.gwpkg  2.0 MiB of 8.0 MiB  25%  2.0 MiB/s  0:03 left", draws[2]);
        assertEquals("packed 通知.gwpkg  8.0 MiB in 0:02  4.0 MiB/s", draws[3].strip());
    }
}
