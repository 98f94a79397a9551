package org.gongwen.platform.internal.route;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.Binding;
import org.gongwen.platform.internal.store.Codes;

/**
 * The node's HTTP client toward its neighbours (T-6.2, T-6.4): the package streamed from its file,
 * the answer read up to the size of a receipt or error document. It never retries on its own; the
 * relay worker decides. Thread-safe.
 */
public final class RelayClient {
    /** Largest answer body read (receipt or error document). */
    private static final int MAX_ANSWER = Binding.MAX_ERROR_BYTES;

    private final HttpClient http;
    private final NodeId self;
    private final boolean plain;

    /**
     * A client presenting the node's TLS identity, or a plain http client naming the node in
     * {@code plainCallerHeader} when {@code tls} is null.
     */
    public RelayClient(SSLContext tls, NodeId self) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
        this.self = self;
        this.plain = tls == null;
    }

    /**
     * The answer of a neighbour.
     *
     * @param status the HTTP status
     * @param body the body (at most 64 KiB are read)
     * @param complete whether the whole body was read
     */
    public record Result(int status, byte[] body, boolean complete) {
    }

    /** Posts a package to {@code relay/messages}. */
    public Result relayMessage(URI peer, Path file, List<OrgCode> recipients) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(peer, Binding.RELAY_MESSAGES, Binding.PACKAGE_TYPE)
                .header(Binding.RECIPIENTS_HEADER, Codes.join(recipients))
                .POST(HttpRequest.BodyPublishers.ofFile(file));
        return send(b.build());
    }

    /** Posts a signed receipt to {@code relay/receipts}. */
    public Result relayReceipt(URI peer, byte[] receipt) throws IOException, InterruptedException {
        return send(request(peer, Binding.RELAY_RECEIPTS, Binding.RECEIPT_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(receipt)).build());
    }

    private HttpRequest.Builder request(URI peer, String path, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(peer.resolve(path)).timeout(Duration.ofMinutes(10)).header("Content-Type", type);
        if (plain) {
            b.header(HttpLayerNames.PLAIN_CALLER_HEADER, self.value());
        }
        return b;
    }

    private Result send(HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = resp.body()) {
            byte[] body = in.readNBytes(MAX_ANSWER);
            boolean complete = in.read() < 0;
            return new Result(resp.statusCode(), body, complete);
        }
    }
}
