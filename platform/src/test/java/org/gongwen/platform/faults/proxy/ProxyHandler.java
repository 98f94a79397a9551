package org.gongwen.platform.faults.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Passes each request to the node and its answer back, streamed, unless the plan picks a fault
 * for it; then does the fault and counts it. A fault that does not fit the request (a cut upload
 * of a request without a body, a cut download of an empty answer) is not done and not counted.
 * Thread-safe.
 */
final class ProxyHandler extends Handler.Abstract {
    /** Requests up to this size are read into memory to be sent twice; larger ones are not duplicated. */
    private static final int MAX_DUPLICATED_BODY = 1 << 20;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
            "trailer", "upgrade", "host", "content-length", "content-type", "expect", "date", "server");
    private static final String RETRY_AFTER_SECONDS = "1";

    private final Upstream upstream;
    private final FaultPlan plan;
    private final FaultCounts counts;

    ProxyHandler(Upstream upstream, FaultPlan plan, FaultCounts counts) {
        this.upstream = upstream;
        this.plan = plan;
        this.counts = counts;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        counts.request();
        String path = request.getHttpURI().getPath();
        FaultPlan.Decision d = plan.decide(request.getMethod() + " " + path);
        Fault f = d.fault();
        try {
            long length = request.getLength();
            if (f == Fault.CUT_UPLOAD && length > 0) {
                cutUpload(request, d, length);
                callback.succeeded(); // nothing more can be written on the closed connection
                return true;
            }
            if (f == Fault.ERROR_500 || f == Fault.ERROR_503) {
                counts.applied(f);
                answerError(response, callback, f == Fault.ERROR_503 ? 503 : 500, d.errorDocument());
                return true;
            }
            if (f == Fault.DELAY_REQUEST) {
                counts.applied(f);
                pause(d.delayMillis());
            }
            if (f == Fault.DUPLICATE && length >= 0 && length <= MAX_DUPLICATED_BODY) {
                duplicate(request, response, callback, d, length);
                return true;
            }
            BasicClassicHttpRequest up = upstreamRequest(request);
            if (length > 0 || length < 0 && request.getHeaders().get("Transfer-Encoding") != null) {
                up.setEntity(new InputStreamEntity(Content.Source.asInputStream(request), length, contentType(request)));
            }
            try (ClassicHttpResponse answer = upstream.open(up)) {
                answer(request, response, callback, d, answer);
            }
        } catch (Throwable e) {
            cut(request, true);
            callback.failed(e);
        }
        return true;
    }

    /** Reads part of the body; then either sends that part to the node as a body that breaks off, or nothing; then cuts. */
    private void cutUpload(Request request, FaultPlan.Decision d, long length) throws IOException {
        counts.applied(Fault.CUT_UPLOAD);
        long keep = Math.min(length - 1, (long) (d.position() * length));
        InputStream in = Content.Source.asInputStream(request);
        if (d.forwardTruncated()) {
            BasicClassicHttpRequest up = upstreamRequest(request);
            up.setEntity(new InputStreamEntity(new BreakingStream(in, keep), length, contentType(request)));
            try (ClassicHttpResponse ignored = upstream.open(up)) {
                EntityUtils.consumeQuietly(ignored.getEntity());
            } catch (IOException expected) {
                // the body broke off as intended: the node sees a connection that ends early
            }
        } else {
            in.readNBytes((int) Math.min(keep, Integer.MAX_VALUE));
        }
        cut(request, d.reset());
    }

    /** Sends the request twice (its body held in memory) and answers with the first or the second answer. */
    private void duplicate(Request request, Response response, Callback callback, FaultPlan.Decision d, long length) throws Exception {
        counts.applied(Fault.DUPLICATE);
        byte[] body = length == 0 ? null : Content.Source.asInputStream(request).readNBytes(MAX_DUPLICATED_BODY + 1);
        if (body != null && body.length > MAX_DUPLICATED_BODY) {
            throw new IOException("the request body grew beyond its Content-Length");
        }
        Buffered first;
        try (ClassicHttpResponse a = upstream.open(withBody(upstreamRequest(request), body, request))) {
            first = d.keepFirst() ? Buffered.of(a) : null;
            EntityUtils.consume(a.getEntity());
        }
        try (ClassicHttpResponse b = upstream.open(withBody(upstreamRequest(request), body, request))) {
            if (first == null) {
                copyHeaders(b, response);
                stream(b.getEntity(), response, Long.MAX_VALUE);
                callback.succeeded();
                return;
            }
            EntityUtils.consume(b.getEntity());
        }
        response.setStatus(first.status());
        for (Header h : first.headers()) {
            response.getHeaders().add(h.getName(), h.getValue());
        }
        if (first.contentType() != null) {
            response.getHeaders().put("Content-Type", first.contentType());
        }
        response.write(true, ByteBuffer.wrap(first.body()), callback);
    }

    private BasicClassicHttpRequest withBody(BasicClassicHttpRequest up, byte[] body, Request request) {
        if (body != null) {
            up.setEntity(new ByteArrayEntity(body, contentType(request)));
        }
        return up;
    }

    /** Answers with the node's answer, or with the fault the plan picked for it. */
    private void answer(Request request, Response response, Callback callback, FaultPlan.Decision d, ClassicHttpResponse answer)
            throws Exception {
        Fault f = d.fault();
        if (f == Fault.ERROR_500_AFTER || f == Fault.ERROR_503_AFTER) {
            EntityUtils.consume(answer.getEntity());
            counts.applied(f);
            answerError(response, callback, f == Fault.ERROR_503_AFTER ? 503 : 500, d.errorDocument());
            return;
        }
        if (f == Fault.DELAY_RESPONSE) {
            counts.applied(f);
            pause(d.delayMillis());
        }
        HttpEntity e = answer.getEntity();
        long length = e == null ? 0 : e.getContentLength();
        copyHeaders(answer, response);
        if (f == Fault.CUT_DOWNLOAD && length > 0) {
            counts.applied(f);
            long keep = Math.min(length - 1, (long) (d.position() * length));
            stream(e, response, keep);
            cut(request, d.reset());
            callback.failed(new IOException("the fault proxy cut the download"));
            return;
        }
        stream(e, response, Long.MAX_VALUE);
        callback.succeeded();
    }

    /** Writes up to {@code limit} bytes of the entity; all of them (and the end of the response) for {@link Long#MAX_VALUE}. */
    private static void stream(HttpEntity e, Response response, long limit) throws IOException {
        OutputStream out = Content.Sink.asOutputStream(response);
        if (e != null) {
            try (InputStream in = e.getContent()) {
                byte[] buf = new byte[16 * 1024];
                long left = limit;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
                if (limit != Long.MAX_VALUE) {
                    out.flush();
                    return;
                }
            }
        }
        out.close();
    }

    private static void copyHeaders(ClassicHttpResponse from, Response to) {
        to.setStatus(from.getCode());
        for (Header h : from.getHeaders()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) || name.equals("content-length") || name.equals("content-type")) {
                to.getHeaders().add(h.getName(), h.getValue());
            }
        }
    }

    private BasicClassicHttpRequest upstreamRequest(Request request) {
        BasicClassicHttpRequest up = new BasicClassicHttpRequest(request.getMethod(), upstream.uri(request.getHttpURI().getPathQuery()));
        for (HttpField f : request.getHeaders()) {
            if (!HOP_BY_HOP.contains(f.getLowerCaseName())) {
                up.addHeader(f.getName(), f.getValue());
            }
        }
        return up;
    }

    private static ContentType contentType(Request request) {
        String t = request.getHeaders().get("Content-Type");
        return t == null ? null : ContentType.parseLenient(t);
    }

    private void answerError(Response response, Callback callback, int status, boolean errorDocument) {
        response.setStatus(status);
        if (status == 503) {
            response.getHeaders().put("Retry-After", RETRY_AFTER_SECONDS);
        }
        byte[] body;
        if (errorDocument) {
            body = ("<Error xmlns=\"urn:gongwen:exchange:1.0\"><Code>TRN-001</Code><Retryable>true</Retryable>"
                    + "<Message>the fault proxy answered " + status + " in the node's place</Message></Error>").getBytes(StandardCharsets.UTF_8);
            response.getHeaders().put("Content-Type", "application/vnd.gongwen.error+xml");
        } else {
            body = ("fault proxy: " + status + "\n").getBytes(StandardCharsets.UTF_8);
            response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Closes the client's connection at once: the TCP connection under TLS, without a TLS close or
     * an HTTP answer; with {@code reset}, with a TCP reset rather than an orderly end.
     */
    private static void cut(Request request, boolean reset) {
        EndPoint ep = request.getConnectionMetaData().getConnection().getEndPoint();
        if (ep instanceof SslConnection.SslEndPoint ssl) {
            ep = ssl.getSslConnection().getEndPoint();
        }
        if (reset && ep instanceof SocketChannelEndPoint tcp) {
            try {
                tcp.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException ignored) {
                // closed already: an orderly end then
            }
        }
        ep.close();
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis); // the fault itself: the proxy holds the request or answer
    }

    /** A node answer held in memory, for a duplicated request that answers with its first answer. */
    private record Buffered(int status, List<Header> headers, String contentType, byte[] body) {
        static Buffered of(ClassicHttpResponse r) throws IOException {
            HttpEntity e = r.getEntity();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (e != null) {
                try (InputStream in = e.getContent()) {
                    in.transferTo(body);
                }
            }
            List<Header> kept = java.util.Arrays.stream(r.getHeaders())
                    .filter(h -> !HOP_BY_HOP.contains(h.getName().toLowerCase(Locale.ROOT))).toList();
            return new Buffered(r.getCode(), kept, e == null ? null : e.getContentType(), body.toByteArray());
        }
    }

    /** Passes {@code keep} bytes on, then fails as a connection that broke would. */
    private static final class BreakingStream extends InputStream {
        private final InputStream in;
        private long left;

        BreakingStream(InputStream in, long keep) {
            this.in = in;
            this.left = keep;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("the fault proxy breaks this upload off here");
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
