package org.gongwen.internal.trust;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.internal.crypto.Providers;

/** Certificate parsing through Bouncy Castle, which reads SM2 certificates as well. */
public final class Certificates {
    private Certificates() {
    }

    private static CertificateFactory factory() {
        try {
            return CertificateFactory.getInstance("X.509", Providers.bc());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses DER certificates. A certificate whose public key cannot be decoded counts as
     * unreadable: Bouncy Castle parses such a certificate, then returns null or throws an
     * unchecked exception from {@code getPublicKey()}.
     *
     * @throws GongwenException {@code SIG-004} if one cannot be read
     */
    public static List<X509Certificate> parse(List<byte[]> der) throws GongwenException {
        CertificateFactory f = factory();
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] d : der) {
            X509Certificate c;
            try {
                c = (X509Certificate) f.generateCertificate(new ByteArrayInputStream(d));
                if (c.getPublicKey() == null) {
                    throw new CertificateException("its public key cannot be decoded");
                }
            } catch (CertificateException | RuntimeException e) {
                throw new GongwenException(ErrorCode.SIGNATURE_KEY_INFO, "a KeyInfo certificate cannot be read: " + e.getMessage());
            }
            out.add(c);
        }
        return out;
    }

    /** The subject of a certificate for messages, with organizationIdentifier named instead of shown as hex. */
    public static String describe(X509Certificate c) {
        return c.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253,
                java.util.Map.of("2.5.4.97", "organizationIdentifier"));
    }

    /** Re-reads any certificate (for example one parsed by the JDK) as a Bouncy Castle certificate. */
    public static X509Certificate toBc(X509Certificate c) {
        if (c.getClass().getName().startsWith("org.bouncycastle.")) {
            return c;
        }
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(c.getEncoded()));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable certificate " + c.getSubjectX500Principal(), e);
        }
    }
}
