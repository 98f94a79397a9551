package org.gongwen.spec.attacks;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.testing.Fixtures;

/**
 * The named trust policies a case may be verified under. Every one trusts the Fixtures CA of
 * the profile:
 *
 * <ul>
 *   <li>{@code default}: that anchor, all four profiles, the current time;</li>
 *   <li>{@code crl}: plus a current CRL of that CA revoking signer {@code liquan-revoked};</li>
 *   <li>{@code revocation-required-no-crl-for-issuer}: revocation required, but the only CRL
 *       is from another CA;</li>
 *   <li>{@code other-profiles-only}: accepts every profile except the case's;</li>
 *   <li>{@code eleven-years-later}: validation time after the signer certificate expired
 *       (the CA is still valid).</li>
 * </ul>
 */
final class Policies {
    static final String DEFAULT = "default";
    static final Set<String> NAMES =
            Set.of("default", "crl", "revocation-required-no-crl-for-issuer", "other-profiles-only", "eleven-years-later");

    private Policies() {
    }

    static TrustPolicy get(SignatureProfile p, String name) {
        Fixtures.Pki pki = Fixtures.pki(p);
        TrustPolicy.Builder b = TrustPolicy.builder().trustAnchor(pki.ca.certificate());
        switch (name) {
            case "default":
                break;
            case "crl":
                b.crls(List.of(pki.ca.crl(Signers.get(p, "liquan-revoked").certificate())));
                break;
            case "revocation-required-no-crl-for-issuer":
                b.crls(List.of(Signers.untrustedCa(p).crl())).requireRevocationCheck(true);
                break;
            case "other-profiles-only": {
                EnumSet<SignatureProfile> others = EnumSet.allOf(SignatureProfile.class);
                others.remove(p);
                b.profiles(others);
                break;
            }
            case "eleven-years-later":
                b.validationTime(Instant.now().plus(Duration.ofDays(11 * 366)));
                break;
            default:
                throw new IllegalArgumentException("unknown policy " + name);
        }
        return b.build();
    }
}
