package org.gongwen.platform.internal.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The request body on its way into the verifier: every byte read is also written to the storage
 * file and hashed, and the count is held to the limit. One pass, nothing held in memory. Records
 * why it failed, so that the refusal can name the body's fault or the node's. Not thread-safe.
 */
final class IntakeStream extends InputStream {
    enum Failure { NONE, TOO_LARGE, SOURCE, STORAGE }

    private final InputStream source;
    private final OutputStream file;
    private final long maxBytes;
    private final MessageDigest sha256;
    private long count;
    private Failure failure = Failure.NONE;
    private IOException cause;

    IntakeStream(InputStream source, OutputStream file, long maxBytes) {
        this.source = source;
        this.file = file;
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != Failure.NONE) {
            throw new IOException("the body was already refused: " + failure);
        }
        int n;
        try {
            n = source.read(b, off, len);
        } catch (IOException e) {
            throw fail(Failure.SOURCE, e);
        }
        if (n <= 0) {
            return n;
        }
        count += n;
        if (count > maxBytes) {
            throw fail(Failure.TOO_LARGE, new IOException("the body is larger than " + maxBytes + " bytes"));
        }
        sha256.update(b, off, n);
        try {
            file.write(b, off, n);
        } catch (IOException e) {
            throw fail(Failure.STORAGE, e);
        }
        return n;
    }

    private IOException fail(Failure f, IOException e) {
        failure = f;
        cause = e;
        return e;
    }

    /** Reads what is left of the body through the same checks (the verifier stops at the end record). */
    void drain() throws IOException {
        byte[] buf = new byte[8192];
        while (read(buf, 0, buf.length) >= 0) {
            // counted, hashed and written by read
        }
    }

    Failure failure() {
        return failure;
    }

    IOException cause() {
        return cause;
    }

    long count() {
        return count;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
