package org.gongwen.internal.trust;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.crypto.Providers;

/**
 * The trust checks of spec/signature.md, each with its own code: validity at the verification
 * time ({@code TRU-002}), a PKIX path to an anchor ({@code TRU-001}), revocation against the
 * configured CRLs ({@code TRU-003}, {@code TRU-006}), key usage ({@code TRU-004}). Nothing is
 * trusted because it appears in KeyInfo: KeyInfo only offers candidates for the path.
 */
public final class TrustValidator {
    /**
     * Signature algorithms allowed on certificates and CRLs of a path: RSA PKCS#1 v1.5
     * with SHA-2 (PSS is not accepted: its hash is a parameter), ECDSA with SHA-2, SM2 with
     * SM3, Ed25519, Ed448. SHA-1 and MD5 are refused.
     */
    private static final Set<String> CERT_SIGNATURE_OIDS = Set.of(
            "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13",
            "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4",
            "1.2.156.10197.1.501", "1.3.101.112", "1.3.101.113");

    private static final int CACHE_SIZE = 256;

    private final TrustPolicy policy;
    private final Set<TrustAnchor> anchors = new HashSet<>();
    private final List<X509Certificate> intermediates = new ArrayList<>();
    private final Map<String, PKIXCertPathBuilderResult> built = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PKIXCertPathBuilderResult> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * A validator for one policy. It remembers the paths it has built for the certificate sets
     * it has seen (bounded); every other check runs on every call. Thread-safe.
     */
    public TrustValidator(TrustPolicy policy) {
        this.policy = policy;
        for (X509Certificate a : policy.anchors()) {
            anchors.add(new TrustAnchor(Certificates.toBc(a), null));
        }
        for (X509Certificate c : policy.intermediates()) {
            intermediates.add(Certificates.toBc(c));
        }
    }

    /** The policy this validator applies. */
    public TrustPolicy policy() {
        return policy;
    }

    /**
     * Validates the signer's certificate (first in {@code keyInfoCerts}).
     *
     * @return the path: signer first, trust anchor last
     */
    public List<X509Certificate> validate(List<X509Certificate> keyInfoCerts) throws GongwenException {
        Instant at = policy.validationTime().orElseGet(Instant::now);
        Date when = Date.from(at);
        X509Certificate signer = keyInfoCerts.get(0);
        checkValidity(signer, when);
        checkKeyUsage(signer);

        String key = cacheKey(keyInfoCerts);
        PKIXCertPathBuilderResult result;
        synchronized (built) {
            result = built.get(key);
        }
        if (result == null) {
            result = build(keyInfoCerts, signer, when, at);
            synchronized (built) {
                built.put(key, result);
            }
        }
        List<X509Certificate> path = new ArrayList<>();
        for (java.security.cert.Certificate c : result.getCertPath().getCertificates()) {
            path.add((X509Certificate) c);
        }
        X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
        for (X509Certificate c : path) {
            checkValidity(c, when);
            if (!CERT_SIGNATURE_OIDS.contains(c.getSigAlgOID())) {
                throw new GongwenException(ErrorCode.ALGORITHM_NOT_ALLOWED, "certificate " + Certificates.describe(c)
                        + " is signed with " + c.getSigAlgName() + " (" + c.getSigAlgOID() + "), which is not allowed");
            }
        }
        checkValidity(anchor, when);
        checkRevocation(path, anchor, when);
        path.add(anchor);
        return path;
    }

    private PKIXCertPathBuilderResult build(List<X509Certificate> keyInfoCerts, X509Certificate signer, Date when, Instant at)
            throws GongwenException {
        // Trust anchors come from the policy, never from KeyInfo: self-issued certificates there
        // (a root sent along, or decoys) are dropped, and so are repeats, so that path building
        // works only on plausible candidates.
        List<Object> store = new ArrayList<>();
        Set<java.security.cert.X509Certificate> seen = new HashSet<>();
        for (X509Certificate c : keyInfoCerts) {
            if ((c == signer || !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) && seen.add(c)) {
                store.add(c);
            }
        }
        store.addAll(intermediates);
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store), Providers.bc()));
            params.setRevocationEnabled(false);
            params.setDate(when);
            params.setMaxPathLength(5);
            return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX", Providers.bc()).build(params);
        } catch (CertPathBuilderException e) {
            throw new GongwenException(ErrorCode.TRUST_PATH, "no valid path from " + Certificates.describe(signer)
                    + " to a trust anchor at " + at + ": " + rootMessage(e));
        } catch (GeneralSecurityException e) {
            throw new GongwenException(ErrorCode.TRUST_POLICY, "the trust policy cannot be used: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new GongwenException(ErrorCode.TRUST_PATH, "no valid path from " + Certificates.describe(signer)
                    + ": a certificate cannot be processed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String cacheKey(List<X509Certificate> certs) throws GongwenException {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (X509Certificate c : certs) {
                byte[] der = c.getEncoded();
                md.update((byte) (der.length >>> 24));
                md.update((byte) (der.length >>> 16));
                md.update((byte) (der.length >>> 8));
                md.update((byte) der.length);
                md.update(der);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (GeneralSecurityException e) {
            throw new GongwenException(ErrorCode.SIGNATURE_KEY_INFO, "a certificate cannot be encoded", e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }

    private static void checkValidity(X509Certificate c, Date when) throws GongwenException {
        try {
            c.checkValidity(when);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new GongwenException(ErrorCode.TRUST_VALIDITY, "certificate " + Certificates.describe(c) + " is valid from "
                    + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant() + ", not at " + when.toInstant());
        }
    }

    private static void checkKeyUsage(X509Certificate signer) throws GongwenException {
        boolean[] ku = signer.getKeyUsage();
        if (ku == null || !(ku[0] || ku[1])) {
            throw new GongwenException(ErrorCode.TRUST_KEY_USAGE,
                    "the signer's certificate must carry key usage digitalSignature or nonRepudiation");
        }
        if (signer.getBasicConstraints() >= 0) {
            throw new GongwenException(ErrorCode.TRUST_KEY_USAGE, "a CA certificate may not sign envelopes");
        }
    }

    private void checkRevocation(List<X509Certificate> path, X509Certificate anchor, Date when)
            throws GongwenException {
        if (policy.crls().isEmpty()) {
            return;
        }
        for (int i = 0; i < path.size(); i++) {
            X509Certificate cert = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            boolean covered = false;
            for (X509CRL crl : policy.crls()) {
                if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
                    continue;
                }
                if (!CERT_SIGNATURE_OIDS.contains(crl.getSigAlgOID())) {
                    continue;
                }
                boolean[] issuerUsage = issuer.getKeyUsage();
                if (issuerUsage != null && !(issuerUsage.length > 6 && issuerUsage[6])) {
                    continue;
                }
                try {
                    crl.verify(issuer.getPublicKey(), Providers.bc());
                } catch (GeneralSecurityException | RuntimeException e) {
                    continue;
                }
                if (crl.getThisUpdate().after(when)) {
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
                if (entry != null && !entry.getRevocationDate().after(when)) {
                    throw new GongwenException(ErrorCode.TRUST_REVOKED, "certificate " + Certificates.describe(cert)
                            + " (serial " + cert.getSerialNumber().toString(16) + ") was revoked on " + entry.getRevocationDate().toInstant());
                }
                // a CRL with critical extensions (a delta CRL, a CRL scoped by an issuing
                // distribution point) still proves a revocation, but not completeness
                boolean complete = crl.getCriticalExtensionOIDs() == null || crl.getCriticalExtensionOIDs().isEmpty();
                if (complete && (crl.getNextUpdate() == null || !crl.getNextUpdate().before(when))) {
                    covered = true;
                }
            }
            if (!covered && policy.requireRevocationCheck()) {
                throw new GongwenException(ErrorCode.TRUST_REVOCATION_UNAVAILABLE, "no current CRL from " + cert.getIssuerX500Principal().getName()
                        + " covers " + Certificates.describe(cert));
            }
        }
    }

    /**
     * The organisation a certificate is bound to: the 统一社会信用代码 in the subject's
     * organizationIdentifier attribute (OID 2.5.4.97), exactly one, exactly 18 characters.
     *
     * @throws GongwenException {@code TRU-005} if there is none, several or an invalid one
     */
    public static OrgCode organisationOf(X509Certificate cert) throws GongwenException {
        String code = partyOf(cert);
        if (!OrgCode.isValid(code)) {
            throw new GongwenException(ErrorCode.TRUST_SENDER_BINDING, "the certificate's organizationIdentifier '" + code + "' is not a valid 统一社会信用代码");
        }
        return OrgCode.of(code);
    }

    /**
     * The party a certificate is bound to (spec/transport.md T-2.2): the text of its one
     * organizationIdentifier, either an organisation code or a node id ({@code GWNODE-dddddd}).
     *
     * @throws GongwenException {@code TRU-005} if there is none, several, a value of the wrong
     *     string type, or a value that is neither an organisation code nor a node id
     */
    public static String partyOf(X509Certificate cert) throws GongwenException {
        String code = organizationIdentifier(cert);
        if (!OrgCode.isValid(code) && !org.gongwen.api.id.NodeId.isValid(code)) {
            throw new GongwenException(ErrorCode.TRUST_SENDER_BINDING, "the certificate's organizationIdentifier '" + code + "' is neither a valid 统一社会信用代码 nor a node id");
        }
        return code;
    }

    private static String organizationIdentifier(X509Certificate cert) throws GongwenException {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        RDN[] rdns = name.getRDNs(BCStyle.ORGANIZATION_IDENTIFIER);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            throw new GongwenException(ErrorCode.TRUST_SENDER_BINDING, "the signer's certificate must carry exactly one organizationIdentifier (2.5.4.97); found " + rdns.length);
        }
        ASN1Encodable v = rdns[0].getFirst().getValue();
        if (!(v instanceof org.bouncycastle.asn1.DERUTF8String || v instanceof org.bouncycastle.asn1.DERPrintableString)) {
            throw new GongwenException(ErrorCode.TRUST_SENDER_BINDING, "the certificate's organizationIdentifier must be a UTF8String or PrintableString");
        }
        return ((ASN1String) v).getString();
    }
}
