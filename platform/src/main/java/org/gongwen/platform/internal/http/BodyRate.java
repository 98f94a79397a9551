package org.gongwen.platform.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * A request body that must keep up a least average rate: once the grace period has passed, a read
 * that leaves the body below the rate fails with {@link TooSlow}, so that a caller cannot hold a
 * node's thread and temporary file by sending a few bytes at a time. (A body that stops altogether
 * is cut by the connection's idle timeout.) Not thread-safe.
 */
final class BodyRate extends FilterInputStream {
    /** The body arrives too slowly. */
    static final class TooSlow extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlow(String message) {
            super(message);
        }
    }

    private final long minBytesPerSecond;
    private final long graceNanos;
    private final long start = System.nanoTime();
    private long count;

    BodyRate(InputStream body, long minBytesPerSecond, int graceSeconds) {
        super(body);
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = TimeUnit.SECONDS.toNanos(graceSeconds);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
            check();
        }
        return n;
    }

    private void check() throws TooSlow {
        if (minBytesPerSecond == 0) {
            return;
        }
        long elapsed = System.nanoTime() - start;
        if (elapsed > graceNanos && count < minBytesPerSecond * (double) elapsed / TimeUnit.SECONDS.toNanos(1)) {
            long rate = (long) (count * (double) TimeUnit.SECONDS.toNanos(1) / elapsed);
            throw new TooSlow("the body arrives at " + rate + " bytes/s, below this node's minimum of " + minBytesPerSecond + " bytes/s");
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
