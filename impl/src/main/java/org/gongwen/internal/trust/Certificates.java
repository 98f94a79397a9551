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
            checkKeyBeforeDecoding(d);
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

    /** The largest RSA modulus accepted in a certificate, in bits. */
    public static final int MAX_RSA_BITS = 4096;
    private static final String RSA = "1.2.840.113549.1.1.1";
    private static final String EC = "1.2.840.10045.2.1";
    private static final java.util.Set<String> CURVES = java.util.Set.of("1.2.840.10045.3.1.7", "1.2.156.10197.1.301");
    private static final java.util.Set<String> EDWARDS = java.util.Set.of("1.3.101.112", "1.3.101.113");

    /**
     * Checks a certificate's public key at the ASN.1 level, before any provider decodes it:
     * RSA of at most {@link #MAX_RSA_BITS} bits (decoding a huge modulus costs seconds of
     * primality testing), EC only on P-256 or the SM2 curve, Ed25519 or Ed448. Anything else is
     * refused with {@code ALG-002}; unreadable structure with {@code SIG-004}.
     */
    static void checkKeyBeforeDecoding(byte[] der) throws GongwenException {
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki;
        try {
            spki = org.bouncycastle.asn1.x509.Certificate.getInstance(der).getSubjectPublicKeyInfo();
        } catch (RuntimeException e) {
            throw new GongwenException(ErrorCode.SIGNATURE_KEY_INFO, "a KeyInfo certificate cannot be read");
        }
        String alg = spki.getAlgorithm().getAlgorithm().getId();
        try {
            if (RSA.equals(alg)) {
                int bits = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
                if (bits > MAX_RSA_BITS) {
                    throw new GongwenException(ErrorCode.ALGORITHM_KEY, "a KeyInfo certificate has an RSA key of " + bits
                            + " bits; at most " + MAX_RSA_BITS + " are accepted");
                }
                return;
            }
            if (EC.equals(alg)) {
                org.bouncycastle.asn1.ASN1Encodable params = spki.getAlgorithm().getParameters();
                if (!(params instanceof org.bouncycastle.asn1.ASN1ObjectIdentifier) || !CURVES.contains(params.toString())) {
                    throw new GongwenException(ErrorCode.ALGORITHM_KEY, "a KeyInfo certificate has an EC key that is not on P-256 or the SM2 curve");
                }
                return;
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new GongwenException(ErrorCode.SIGNATURE_KEY_INFO, "a KeyInfo certificate's public key cannot be read");
        }
        if (!EDWARDS.contains(alg)) {
            throw new GongwenException(ErrorCode.ALGORITHM_KEY, "a KeyInfo certificate has a key of algorithm " + alg + ", which is not accepted");
        }
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
