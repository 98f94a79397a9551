package org.gongwen.platform.faults.proxy;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.gongwen.api.id.NodeId;
import org.gongwen.platform.internal.http.TlsContexts;

/**
 * The proxy's side toward the node: one pooled Apache HttpClient with the calling organisation's
 * TLS identity, checking that the server is the expected node. No retries, redirects or
 * decompression: each call is exactly one request. Thread-safe.
 */
final class Upstream implements AutoCloseable {
    private final URI node;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    Upstream(URI node, NodeId nodeId, PrivateKey key, List<X509Certificate> chain, List<X509Certificate> anchors)
            throws GeneralSecurityException {
        String b = node.toString();
        this.node = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(32)
                .setMaxConnPerRoute(32)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(Timeout.ofSeconds(120))
                        .build())
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(TlsContexts.client(key, chain, anchors, nodeId))
                        .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                        .setHostnameVerifier(new DefaultHostnameVerifier())
                        .buildClassic())
                .build();
        this.client = HttpClientBuilder.create()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableConnectionState()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(120))
                        .setRedirectsEnabled(false)
                        .setExpectContinueEnabled(false)
                        .setContentCompressionEnabled(false)
                        .build())
                .build();
    }

    /** The node's URI for a path and query of the request ({@code /gongwen/v1/...?...}). */
    URI uri(String pathQuery) {
        return URI.create(node + pathQuery);
    }

    /** Sends one request; the caller closes the response (which discards the connection unless its body was read to the end). */
    ClassicHttpResponse open(ClassicHttpRequest request) throws IOException {
        return client.executeOpen(null, request, null);
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        pool.close(CloseMode.IMMEDIATE);
    }
}
