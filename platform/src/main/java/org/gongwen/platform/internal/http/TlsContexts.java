package org.gongwen.platform.internal.http;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.gongwen.api.id.NodeId;
import org.gongwen.internal.transport.NodeServerTrust;

/**
 * TLS contexts built from in-memory keys and certificates, with the JDK's own TLS provider. Keys
 * and certificates made by Bouncy Castle are re-read by the JDK first, so that TLS never depends
 * on the private Bouncy Castle instance. Stateless.
 */
public final class TlsContexts {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() {
    }

    /**
     * A server context: it presents the node's certificate and asks for (but does not require) a
     * client certificate. Client chains are NOT checked during the handshake: every request checks
     * its caller with {@link ClientCertificates}, so that a missing or wrong certificate is answered
     * with an error document ({@code AUT-001}) rather than a broken handshake.
     */
    public static SSLContext server(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> anchors)
            throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers(key, chain), new TrustManager[] {new CheckedPerRequest(jdk(anchors))}, null);
        return ctx;
    }

    /**
     * A client context toward a node: it presents the given certificate and trusts a server whose
     * certificate chains to the anchors and names a node, {@code server} if it is not null.
     */
    public static SSLContext client(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> anchors, NodeId server)
            throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers(key, chain), NodeServerTrust.forNode(jdk(anchors), server), null);
        return ctx;
    }

    /** A client context toward any node (see {@link #client(PrivateKey, List, List, NodeId)}). */
    public static SSLContext client(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> anchors)
            throws GeneralSecurityException {
        return client(key, chain, anchors, null);
    }

    private static javax.net.ssl.KeyManager[] keyManagers(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
        List<X509Certificate> jdkChain = jdk(chain);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        String alg = jdkChain.get(0).getPublicKey().getAlgorithm();
        PrivateKey jdkKey = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        ks.setKeyEntry("tls", jdkKey, IN_MEMORY, jdkChain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, IN_MEMORY);
        return kmf.getKeyManagers();
    }

    /** The certificates as the JDK's own certificate objects. */
    public static List<X509Certificate> jdk(List<X509Certificate> certs) throws CertificateException {
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate c : certs) {
            out.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(c.getEncoded())));
        }
        return out;
    }

    /** Accepts any client chain in the handshake (checked per request) and names the anchors as acceptable issuers. */
    private static final class CheckedPerRequest extends X509ExtendedTrustManager {
        private final X509Certificate[] anchors;

        CheckedPerRequest(List<X509Certificate> anchors) {
            this.anchors = anchors.toArray(new X509Certificate[0]);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // checked per request by ClientCertificates
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // checked per request by ClientCertificates
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // checked per request by ClientCertificates
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a node's server context does not authenticate servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("a node's server context does not authenticate servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("a node's server context does not authenticate servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return anchors.clone();
        }
    }
}
