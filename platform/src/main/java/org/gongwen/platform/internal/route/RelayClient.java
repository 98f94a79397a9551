package org.gongwen.platform.internal.route;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The TLS context toward one neighbour: it presents this node's certificate and accepts only that neighbour's. */
    @FunctionalInterface
    public interface PeerTls {
        /** The context for connections to {@code peer}. */
        SSLContext toward(NodeId peer) throws GeneralSecurityException;
    }

    private final PeerTls tls;
    private final NodeId self;
    private final Map<NodeId, HttpClient> clients = new ConcurrentHashMap<>();

    /**
     * A client presenting the node's TLS identity and requiring each neighbour's server certificate
     * to name that neighbour, or, when {@code tls} is null, a plain http client naming the node in
     * {@link HttpLayerNames#PLAIN_CALLER_HEADER}.
     */
    public RelayClient(PeerTls tls, NodeId self) {
        this.tls = tls;
        this.self = self;
    }

    /** One HTTP client per neighbour, each with its own TLS context (and connection pool). */
    private HttpClient toward(NodeId peer) throws IOException {
        HttpClient c = clients.get(peer);
        if (c != null) {
            return c;
        }
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            try {
                b.sslContext(tls.toward(peer));
            } catch (GeneralSecurityException e) {
                throw new IOException("no TLS context toward " + peer + ": " + e.getMessage(), e);
            }
        }
        HttpClient made = b.build();
        HttpClient raced = clients.putIfAbsent(peer, made);
        return raced != null ? raced : made;
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

    /**
     * Posts a package to {@code relay/messages} of the neighbour {@code target} at {@code peer}.
     *
     * @throws IOException if the connection fails, also when the server's TLS certificate does not
     *     name {@code target} (then nothing is sent)
     */
    public Result relayMessage(NodeId target, URI peer, Path file, List<OrgCode> recipients) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(peer, Binding.RELAY_MESSAGES, Binding.PACKAGE_TYPE)
                .header(Binding.RECIPIENTS_HEADER, Codes.join(recipients))
                .POST(HttpRequest.BodyPublishers.ofFile(file));
        return send(target, b.build());
    }

    /** Posts a signed receipt to {@code relay/receipts} of the neighbour {@code target} at {@code peer}. */
    public Result relayReceipt(NodeId target, URI peer, byte[] receipt) throws IOException, InterruptedException {
        return send(target, request(peer, Binding.RELAY_RECEIPTS, Binding.RECEIPT_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(receipt))
                .build());
    }

    private HttpRequest.Builder request(URI peer, String path, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(peer.resolve(path)).timeout(Duration.ofMinutes(10)).header("Content-Type", type);
        if (tls == null) {
            b.header(HttpLayerNames.PLAIN_CALLER_HEADER, self.value());
        }
        return b;
    }

    private Result send(NodeId target, HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<InputStream> resp = toward(target).send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = resp.body()) {
            byte[] body = in.readNBytes(MAX_ANSWER);
            boolean complete = in.read() < 0;
            return new Result(resp.statusCode(), body, complete);
        }
    }
}
