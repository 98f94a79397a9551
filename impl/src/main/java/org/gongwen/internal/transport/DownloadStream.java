package org.gongwen.internal.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * A downloaded body on its way to the package verifier: every byte read is counted against the
 * size limit, hashed with SHA-256 and copied to the file on disk, in the one pass the verifier
 * makes. A failure of the connection, of the disk or of the limit is remembered, so that it is
 * reported as itself rather than as whatever the verifier made of the broken stream. Not
 * thread-safe.
 */
final class DownloadStream extends FilterInputStream {
    private final OutputStream copy;
    private final long limit;
    private final UUID messageId;
    private final long expected;
    private final TransferListener listener;
    private final MessageDigest sha256;
    private long count;
    private boolean atEnd;
    private GongwenException failure;

    /**
     * @param copy where every byte read is written
     * @param limit the most bytes accepted
     * @param expected the declared length, or -1, for progress reports only
     */
    DownloadStream(InputStream body, OutputStream copy, long limit, UUID messageId, long expected, TransferListener listener) {
        super(body);
        this.copy = copy;
        this.limit = limit;
        this.messageId = messageId;
        this.expected = expected;
        this.listener = listener;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw new IOException("the download has failed already", failure);
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            failure = new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "the download of message " + messageId + " broke off after "
                    + count + " bytes: " + e.getMessage(), e);
            throw e;
        }
        if (n < 0) {
            atEnd = true;
            return n;
        }
        count += n;
        if (count > limit) {
            failure = new GongwenException(ErrorCode.LIMIT_SIZE, "message " + messageId + " is larger than the limit of " + limit + " bytes");
            throw new IOException(failure.getMessage());
        }
        sha256.update(b, off, n);
        try {
            copy.write(b, off, n);
        } catch (IOException e) {
            failure = new GongwenException(ErrorCode.LOCAL_IO, "cannot write the download of message " + messageId + ": " + e.getMessage(), e);
            throw e;
        }
        listener.transferred(TransferListener.Direction.DOWNLOAD, messageId, count, expected);
        return n;
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
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the body belongs to the call, the copy to the download
    }

    /** Reads what is left (the verifier stops at the end record), so that the digest covers every byte. */
    void drain() throws IOException {
        byte[] buf = new byte[8192];
        while (read(buf, 0, buf.length) >= 0) {
            // counted, hashed and copied by read
        }
    }

    /**
     * Reads on until the end of the body or until more than {@code max} bytes were read in all.
     *
     * @return whether the end came first
     */
    boolean drainUpTo(long max) throws IOException {
        byte[] buf = new byte[8192];
        while (count <= max) {
            if (read(buf, 0, (int) Math.min(buf.length, max + 1 - count)) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The failure of the connection, the disk or the limit, if one happened. */
    GongwenException failure() {
        return failure;
    }

    /** Whether the body was read to its end. */
    boolean atEnd() {
        return atEnd;
    }

    /** The bytes read. */
    long count() {
        return count;
    }

    /** The SHA-256 of the bytes read, lower-case hex; call once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
