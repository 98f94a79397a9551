package org.gongwen.api.trust;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongwen.api.sign.SignatureProfile;

/**
 * What a verifier trusts: trust anchors, optional intermediate certificates, CRLs, the
 * profiles it accepts and the time at which certificates must be valid. There is no default
 * policy and no "trust all": at least one anchor is required. Immutable and thread-safe.
 *
 * <p>When CRLs are given, every certificate on the path is checked against them; with
 * {@link Builder#requireRevocationCheck(boolean)} a certificate whose issuer has no CRL is
 * refused ({@code TRU-006}).
 */
public final class TrustPolicy {
    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;
    private final Set<SignatureProfile> profiles;
    private final Instant validationTime;
    private final boolean requireRevocationCheck;

    private TrustPolicy(Builder b) {
        this.anchors = List.copyOf(b.anchors);
        this.intermediates = List.copyOf(b.intermediates);
        this.crls = List.copyOf(b.crls);
        this.profiles = Set.copyOf(b.profiles);
        this.validationTime = b.validationTime;
        this.requireRevocationCheck = b.requireRevocationCheck;
        if (anchors.isEmpty()) {
            throw new IllegalStateException("a trust policy needs at least one trust anchor");
        }
        if (profiles.isEmpty()) {
            throw new IllegalStateException("a trust policy must accept at least one signature profile");
        }
        if (requireRevocationCheck && crls.isEmpty()) {
            throw new IllegalStateException("revocation checking is required but no CRL is configured");
        }
    }

    /** A new builder that accepts all four profiles. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's values, for a changed copy (for example another validation time). */
    public Builder toBuilder() {
        return new Builder().trustAnchors(anchors).intermediates(intermediates).crls(crls).profiles(profiles)
                .validationTime(validationTime).requireRevocationCheck(requireRevocationCheck);
    }

    /** The trust anchors. */
    public List<X509Certificate> anchors() { return anchors; }

    /** Extra intermediate certificates for path building. */
    public List<X509Certificate> intermediates() { return intermediates; }

    /** The CRLs to check revocation against. */
    public List<X509CRL> crls() { return crls; }

    /** The accepted signature profiles. */
    public Set<SignatureProfile> profiles() { return profiles; }

    /** The fixed verification time, or empty for "now" at each verification. */
    public Optional<Instant> validationTime() { return Optional.ofNullable(validationTime); }

    /** Whether a certificate without a CRL from its issuer is refused. */
    public boolean requireRevocationCheck() { return requireRevocationCheck; }

    /** Builds a {@link TrustPolicy}. Not thread-safe. */
    public static final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<X509Certificate> intermediates = new ArrayList<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private final Set<SignatureProfile> profiles = EnumSet.allOf(SignatureProfile.class);
        private Instant validationTime;
        private boolean requireRevocationCheck;

        private Builder() {
        }

        /** Adds trust anchors (root CA certificates). */
        public Builder trustAnchors(Collection<X509Certificate> certs) {
            anchors.addAll(certs);
            return this;
        }

        /** Adds one trust anchor. */
        public Builder trustAnchor(X509Certificate cert) {
            anchors.add(cert);
            return this;
        }

        /** Adds intermediate CA certificates available for path building. */
        public Builder intermediates(Collection<X509Certificate> certs) {
            intermediates.addAll(certs);
            return this;
        }

        /** Adds CRLs; with any CRL present, revocation is checked for every certificate that one covers. */
        public Builder crls(Collection<X509CRL> list) {
            crls.addAll(list);
            return this;
        }

        /** Restricts the accepted profiles (default: all four). */
        public Builder profiles(Set<SignatureProfile> accepted) {
            profiles.clear();
            profiles.addAll(accepted);
            return this;
        }

        /** Verifies certificates as of a fixed time instead of the current time. */
        public Builder validationTime(Instant t) {
            validationTime = t;
            return this;
        }

        /** Refuses certificates whose issuer has no configured CRL. */
        public Builder requireRevocationCheck(boolean require) {
            requireRevocationCheck = require;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalStateException without a trust anchor, without any profile, or when
         *     revocation checking is required but no CRL is configured
         */
        public TrustPolicy build() {
            return new TrustPolicy(this);
        }
    }
}
