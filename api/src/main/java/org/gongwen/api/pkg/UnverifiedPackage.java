package org.gongwen.api.pkg;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.gongwen.api.envelope.Envelope;

/**
 * An envelope read for display only: schema-valid, but its signature, trust and parts were
 * NOT checked. Never act on it; use a {@link PackageVerifier}. Immutable.
 */
public final class UnverifiedPackage {
    private final Envelope envelope;
    private final String signatureMethod;
    private final List<X509Certificate> claimedCertificates;

    /** Created by {@code Gongwen#inspectUnverified}. */
    public UnverifiedPackage(Envelope envelope, String signatureMethod, List<X509Certificate> claimedCertificates) {
        this.envelope = Objects.requireNonNull(envelope);
        this.signatureMethod = signatureMethod;
        this.claimedCertificates = List.copyOf(claimedCertificates);
    }

    /** The envelope as written, unverified. */
    public Envelope envelope() { return envelope; }

    /** The signature method URI as written, or null if unsigned. */
    public String signatureMethod() { return signatureMethod; }

    /** The certificates the signature claims, unverified. */
    public List<X509Certificate> claimedCertificates() { return claimedCertificates; }
}
