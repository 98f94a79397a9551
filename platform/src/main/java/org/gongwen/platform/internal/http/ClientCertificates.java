package org.gongwen.platform.internal.http;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.internal.trust.TrustValidator;

/**
 * Checks a TLS client certificate chain against the node's TLS anchors (PKIX, validity now, client
 * authentication usage) and names the caller (T-2.2). Thread-safe.
 */
public final class ClientCertificates {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final Set<TrustAnchor> anchors = new HashSet<>();
    private final Set<X509Certificate> anchorCerts = new HashSet<>();

    /** A checker for the given anchors. */
    public ClientCertificates(List<X509Certificate> tlsAnchors) throws GeneralSecurityException {
        for (X509Certificate a : TlsContexts.jdk(tlsAnchors)) {
            anchors.add(new TrustAnchor(a, null));
            anchorCerts.add(a);
        }
    }

    /**
     * The caller a client chain names: an organisation code or a node id.
     *
     * @throws GongwenException {@code AUT-001} if there is no chain, it does not validate, or it names no party
     */
    public String callerOf(X509Certificate[] chain) throws GongwenException {
        if (chain == null || chain.length == 0) {
            throw new GongwenException(ErrorCode.AUTH_UNAUTHENTICATED, "no TLS client certificate was presented");
        }
        try {
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate c : TlsContexts.jdk(List.of(chain))) {
                if (!anchorCerts.contains(c)) {
                    path.add(c);
                }
            }
            if (path.isEmpty()) {
                throw new GongwenException(ErrorCode.AUTH_UNAUTHENTICATED, "the TLS client certificate is a trust anchor");
            }
            X509Certificate leaf = path.get(0);
            List<String> eku = leaf.getExtendedKeyUsage();
            if (eku != null && !eku.contains(CLIENT_AUTH)) {
                throw new GongwenException(ErrorCode.AUTH_UNAUTHENTICATED, "the TLS client certificate does not allow client authentication");
            }
            CertPath cp = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(new Date());
            CertPathValidator.getInstance("PKIX").validate(cp, params);
            return TrustValidator.partyOf(leaf);
        } catch (GongwenException e) {
            if (e.code() == ErrorCode.AUTH_UNAUTHENTICATED) {
                throw e;
            }
            throw new GongwenException(ErrorCode.AUTH_UNAUTHENTICATED, "the TLS client certificate names no caller: " + e.getMessage());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new GongwenException(ErrorCode.AUTH_UNAUTHENTICATED, "the TLS client certificate does not chain to this node's TLS trust anchors: "
                    + e.getMessage());
        }
    }
}
