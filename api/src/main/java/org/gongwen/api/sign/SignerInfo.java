package org.gongwen.api.sign;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.gongwen.api.id.OrgCode;

/**
 * Who signed a verified package: the profile, the organisation the certificate is bound to,
 * and the validated certificate path (signer first, trust anchor last). Immutable.
 */
public final class SignerInfo {
    private final SignatureProfile profile;
    private final OrgCode organisation;
    private final List<X509Certificate> path;

    /** Created by the verifier after every check has passed. */
    public SignerInfo(SignatureProfile profile, OrgCode organisation, List<X509Certificate> path) {
        this.profile = Objects.requireNonNull(profile);
        this.organisation = Objects.requireNonNull(organisation);
        this.path = List.copyOf(path);
    }

    /** The signature profile used. */
    public SignatureProfile profile() { return profile; }

    /** The organisation named in the signer's certificate, equal to the envelope's sender. */
    public OrgCode organisation() { return organisation; }

    /** The validated path: signer's certificate first, the trust anchor last. */
    public List<X509Certificate> path() { return path; }

    /** The signer's certificate. */
    public X509Certificate certificate() { return path.get(0); }

    @Override
    public String toString() {
        return "SignerInfo{" + profile + ", " + organisation + ", " + certificate().getSubjectX500Principal().getName() + "}";
    }
}
