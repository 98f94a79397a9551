package org.gongwen.internal.transport;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.NodeId;
import org.gongwen.internal.trust.TrustValidator;

/**
 * Trust in a platform node's TLS server certificate (spec/transport.md, T-2.2): the JDK's PKIX
 * check against the TLS anchors (with the host name check the connection asks for), and then the
 * certificate's organizationIdentifier must name a node (GWNODE-dddddd), or one given node. An
 * organisation's TLS certificate, issued by the same authority, cannot pose as a node. The check
 * runs in the handshake, before any request is sent. For TLS clients only; thread-safe.
 */
public final class NodeServerTrust extends X509ExtendedTrustManager {
    /** The server's certificate is valid but names something other than the node expected. */
    public static final class NotTheNode extends CertificateException {
        private static final long serialVersionUID = 1L;

        NotTheNode(String message) {
            super(message);
        }
    }

    private final X509ExtendedTrustManager pkix;
    private final NodeId expected;

    private NodeServerTrust(X509ExtendedTrustManager pkix, NodeId expected) {
        this.pkix = pkix;
        this.expected = expected;
    }

    /**
     * Trust managers that accept a server certificate chaining to the anchors and naming a node:
     * {@code expected}, or any node if it is null.
     *
     * @throws GeneralSecurityException if the anchors cannot be used
     */
    public static TrustManager[] forNode(List<X509Certificate> anchors, NodeId expected) throws GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try {
            trusted.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < anchors.size(); i++) {
            trusted.setCertificateEntry("anchor-" + i, anchors.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trusted);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager) {
                return new TrustManager[] {new NodeServerTrust((X509ExtendedTrustManager) tm, expected)};
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509ExtendedTrustManager for PKIX");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
        requireNode(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        pkix.checkServerTrusted(chain, authType, socket);
        requireNode(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        pkix.checkServerTrusted(chain, authType, engine);
        requireNode(chain);
    }

    private void requireNode(X509Certificate[] chain) throws NotTheNode {
        String party;
        try {
            party = TrustValidator.partyOf(chain[0]);
        } catch (GongwenException e) {
            throw new NotTheNode("the server's TLS certificate names no node: " + e.getMessage());
        }
        if (expected == null ? !NodeId.isValid(party) : !expected.value().equals(party)) {
            throw new NotTheNode("the server's TLS certificate names " + party + ", which is not " + (expected == null
                    ? "a platform node (GWNODE- and a division code)" : "the node " + expected) + "; a node's certificate must name it");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client's trust manager does not authenticate clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client's trust manager does not authenticate clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client's trust manager does not authenticate clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
