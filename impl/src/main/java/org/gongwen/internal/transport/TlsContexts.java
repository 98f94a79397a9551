package org.gongwen.internal.transport;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * The TLS context of a client: its key and certificate chain for client authentication and the
 * anchors the node's server certificate must chain to; that certificate must also name a node
 * ({@link NodeServerTrust}, spec/transport.md, T-2). Everything stays
 * in memory: the key store exists only to feed the JDK's key and trust manager factories.
 * Stateless.
 */
final class TlsContexts {
    /** The protocol versions offered, newest first (T-2.1). */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /**
     * Builds a context.
     *
     * @throws GongwenException {@code LOC-003} if the key, the chain or an anchor cannot be used
     */
    static SSLContext create(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> anchors) throws GongwenException {
        try {
            char[] password = randomPassword();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(keys, password);

            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), NodeServerTrust.forNode(anchors, null), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            // the message of a key store exception names no key material
            throw new GongwenException(ErrorCode.LOCAL_KEY, "the TLS key, its certificate chain or the TLS trust anchors cannot be used: "
                    + e.getMessage(), e);
        }
    }

    private static char[] randomPassword() {
        SecureRandom r = new SecureRandom();
        char[] p = new char[24];
        for (int i = 0; i < p.length; i++) {
            p[i] = (char) ('a' + r.nextInt(26));
        }
        return p;
    }
}
