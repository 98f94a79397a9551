package org.gongwen.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.gongwen.internal.wire.Binding;

/**
 * A package file as a request body: its length is known (so it travels with Content-Length, not
 * chunked) and it is streamed from disk with one small buffer, reporting progress.
 */
final class PackageEntity extends AbstractHttpEntity {
    private static final ContentType TYPE = ContentType.create(Binding.PACKAGE_TYPE);
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final long length;
    private final UUID messageId;
    private final TransferListener listener;

    PackageEntity(Path file, long length, UUID messageId, TransferListener listener) {
        super(TYPE, null, false);
        this.file = file;
        this.length = length;
        this.messageId = messageId;
        this.listener = listener;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public InputStream getContent() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buf = new byte[BUFFER];
        long sent = 0;
        try (InputStream in = open()) {
            while (sent < length) {
                int n;
                try {
                    n = in.read(buf, 0, (int) Math.min(buf.length, length - sent));
                } catch (IOException e) {
                    throw new LocalReadFailure("cannot read " + file + ": " + e.getMessage(), e);
                }
                if (n < 0) {
                    throw new LocalReadFailure(file + " became shorter while it was being sent (" + sent + " of " + length + " bytes)", null);
                }
                out.write(buf, 0, n);
                sent += n;
                listener.transferred(TransferListener.Direction.UPLOAD, messageId, sent, length);
            }
        }
        out.flush();
    }

    private InputStream open() throws LocalReadFailure {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new LocalReadFailure("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The package file could not be read while it was being sent: a local failure, not the connection's. */
    static final class LocalReadFailure extends IOException {
        private static final long serialVersionUID = 1L;

        LocalReadFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        // nothing held open between writes
    }
}
