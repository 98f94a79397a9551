package org.gongwen.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * One request whose response has arrived: its status, headers and streamed body. Closing it
 * releases the connection for reuse if the body was read to its end, and otherwise aborts the
 * connection, so that a refused or oversized body is never read to its end. Not thread-safe.
 */
final class Call implements AutoCloseable {
    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final String node;
    private final String what;
    private final BodyStream body;

    Call(HttpUriRequestBase request, ClassicHttpResponse response, String node, String what) throws IOException {
        this.request = request;
        this.response = response;
        this.node = node;
        this.what = what;
        HttpEntity e = response.getEntity();
        InputStream in = e == null ? null : e.getContent();
        this.body = new BodyStream(in == null ? InputStream.nullInputStream() : in);
        body.atEnd = e == null || e.getContentLength() == 0;
    }

    /** The HTTP status. */
    int status() {
        return response.getCode();
    }

    /** The first value of a header, or null. */
    String header(String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    /** Whether the body's media type (without parameters) is {@code mediaType}. */
    boolean hasType(String mediaType) {
        String t = header("Content-Type");
        if (t == null) {
            return false;
        }
        int semi = t.indexOf(';');
        return (semi < 0 ? t : t.substring(0, semi)).trim().toLowerCase(Locale.ROOT).equals(mediaType);
    }

    /** The body's declared length, or -1. */
    long contentLength() {
        HttpEntity e = response.getEntity();
        return e == null ? 0 : e.getContentLength();
    }

    /** The body, streamed. */
    InputStream body() {
        return body;
    }

    /** The node's base URI, for messages. */
    String node() {
        return node;
    }

    /** The request, for messages. */
    String what() {
        return what;
    }

    /**
     * Reads the whole body, which must not be larger than {@code max} bytes.
     *
     * @throws GongwenException {@code LIM-001} if it is larger; a transport code if the connection fails
     */
    byte[] readAll(int max, String document) throws GongwenException {
        long declared = contentLength();
        if (declared > max) {
            throw tooLarge(document, max, declared + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 8192)));
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = body.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > max) {
                    throw tooLarge(document, max, "more");
                }
            }
        } catch (IOException e) {
            throw Failures.of(e, node, what);
        }
        return out.toByteArray();
    }

    private GongwenException tooLarge(String document, int max, String found) {
        return new GongwenException(ErrorCode.LIMIT_SIZE, "the node's " + document + " in answer to " + what + " has " + found
                + "; the limit is " + max + " bytes");
    }

    @Override
    public void close() {
        if (!body.atEnd) {
            request.cancel();
        }
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    /** Remembers whether the body was read to its end. */
    private static final class BodyStream extends FilterInputStream {
        boolean atEnd;

        BodyStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            atEnd |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            atEnd |= n < 0;
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
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // closed with the call
        }
    }
}
