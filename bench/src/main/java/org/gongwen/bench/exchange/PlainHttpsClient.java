package org.gongwen.bench.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.platform.internal.http.TlsContexts;

/**
 * Plain transfers to a {@link PlainHttpsServer} with the SDK's HTTP library (Apache HttpClient 5,
 * classic, pooled) and the organisation's TLS client identity from its exchange configuration: a
 * file uploaded with Content-Length in 64 KiB writes (as the SDK sends a package), and a file
 * downloaded in 64 KiB reads into a file that is forced to disk (as the SDK keeps a fetched
 * package). No digest, no verification: only the bytes.
 */
final class PlainHttpsClient implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final URI base;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    PlainHttpsClient(URI base, ExchangeConfig config) throws IOException {
        this.base = base;
        SSLContext tls;
        try {
            tls = TlsContexts.client(config.tlsKey(), config.tlsChain(), config.tlsTrustAnchors());
        } catch (GeneralSecurityException e) {
            throw new IOException("the TLS material cannot be used: " + e.getMessage(), e);
        }
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setSocketTimeout(Timeout.of(Duration.ofMinutes(5))).build())
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).setTlsVersions("TLSv1.3", "TLSv1.2").buildClassic())
                .build();
        this.client = HttpClientBuilder.create().setConnectionManager(pool).disableAutomaticRetries().disableContentCompression().build();
    }

    /** Uploads a file; returns the byte count the server read. */
    long upload(Path file) throws IOException {
        HttpPost post = new HttpPost(base.resolve("upload"));
        post.setEntity(new FileBody(file, Files.size(file)));
        return client.execute(post, r -> {
            String body = EntityUtils.toString(r.getEntity());
            if (r.getCode() != 200) {
                throw new IOException("upload answered HTTP " + r.getCode() + ": " + body);
            }
            return Long.parseLong(body.trim());
        });
    }

    /** Downloads a served file into {@code target} (which must not exist); returns the byte count. */
    long download(String name, Path target) throws IOException {
        try (ClassicHttpResponse r = client.executeOpen(null, new HttpGet(base.resolve("files/" + name)), null)) {
            if (r.getCode() != 200) {
                throw new IOException("download of " + name + " answered HTTP " + r.getCode());
            }
            long n = 0;
            try (InputStream in = r.getEntity().getContent();
                    FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                byte[] buf = new byte[BUFFER];
                int k;
                while ((k = in.read(buf)) >= 0) {
                    out.write(buf, 0, k);
                    n += k;
                }
                ch.force(true);
            }
            return n;
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        pool.close(CloseMode.GRACEFUL);
    }

    /** A file as a request body with a known length, written in 64 KiB pieces. */
    private static final class FileBody extends AbstractHttpEntity {
        private final Path file;
        private final long length;

        FileBody(Path file, long length) {
            super(ContentType.APPLICATION_OCTET_STREAM, null, false);
            this.file = file;
            this.length = length;
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
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                }
            }
            out.flush();
        }

        @Override
        public void close() {
            // nothing held open between writes
        }
    }
}
