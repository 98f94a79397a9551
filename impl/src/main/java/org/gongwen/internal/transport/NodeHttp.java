package org.gongwen.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeConfig;

/**
 * The HTTP side of one client: one pooled Apache HttpClient, built once from an {@link
 * ExchangeConfig}, talking to one node. Mutual TLS (TLS 1.3 or 1.2, host name verified) for an
 * {@code https} node; no automatic retries, no redirects, no cookies, no authentication cache, no
 * content decompression: every call is exactly one request, and the bytes are those the node
 * sent. Thread-safe.
 */
final class NodeHttp implements AutoCloseable {
    private final URI base;
    private final Duration responseTimeout;
    private final RequestConfig defaults;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    NodeHttp(ExchangeConfig config) throws GongwenException {
        String b = config.node().toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.responseTimeout = config.responseTimeout();
        PoolingHttpClientConnectionManagerBuilder pb = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.responseTimeout()))
                        .build());
        if ("https".equals(base.getScheme())) {
            SSLContext tls = TlsContexts.create(config.tlsKey(), config.tlsChain(), config.tlsTrustAnchors());
            pb.setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                    .setSslContext(tls)
                    .setTlsVersions(TlsContexts.PROTOCOLS)
                    .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                    .setHostnameVerifier(new DefaultHostnameVerifier())
                    .buildClassic());
        }
        this.pool = pb.build();
        this.defaults = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(config.connectTimeout()))
                .setResponseTimeout(Timeout.of(config.responseTimeout()))
                .setRedirectsEnabled(false)
                .setAuthenticationEnabled(false)
                .setExpectContinueEnabled(false)
                .setContentCompressionEnabled(false)
                .build();
        this.client = HttpClientBuilder.create()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                // one client is one organisation with one TLS identity, so its pooled connections
                // are interchangeable: without this, HttpClient ties each connection to the TLS
                // principal it saw and leases none of them again, and every request pays a handshake
                .disableConnectionState()
                .setUserAgent("gongwen-sdk/1.0")
                .setDefaultRequestConfig(defaults)
                .build();
    }

    /** The node's base URI, without a trailing slash. */
    URI base() {
        return base;
    }

    /** An absolute URI for a path of the binding (which starts with a slash), with an optional query. */
    URI uri(String path, String query) {
        return URI.create(base + path + (query == null ? "" : "?" + query));
    }

    /**
     * Sends one request and opens its response. The caller closes the returned call.
     *
     * @param extraWait time added to the response timeout (a long-poll), or {@link Duration#ZERO}
     * @param what the request, for messages
     * @throws GongwenException {@code TRN-001} or {@code TRN-002} if no response arrived (see {@link Failures})
     */
    Call execute(HttpUriRequestBase request, Duration extraWait, String what) throws GongwenException {
        if (!extraWait.isZero()) {
            request.setConfig(RequestConfig.copy(defaults)
                    .setResponseTimeout(Timeout.of(responseTimeout.plus(extraWait)))
                    .build());
        }
        try {
            ClassicHttpResponse response = client.executeOpen(null, request, null);
            return new Call(request, response, base.toString(), what);
        } catch (IOException e) {
            throw Failures.of(e, base.toString(), what);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the exchange client is closed", e);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        pool.close(CloseMode.GRACEFUL);
    }
}
