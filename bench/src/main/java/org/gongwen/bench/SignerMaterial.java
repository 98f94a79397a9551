package org.gongwen.bench;

import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.keys.DevPki;

/**
 * A development CA of one profile, the sender's certificate issued by it, and the trust policy
 * that anchors on it: what a receiving body would configure. Generated fresh for each run.
 */
final class SignerMaterial {
    final DevPki.Authority ca;
    final DevPki.Issued sender;
    final TrustPolicy trust;

    SignerMaterial(SignatureProfile profile) {
        ca = DevPki.newAuthority(profile, "Gongwen Bench CA " + profile);
        sender = ca.issue(SampleDocument.LIQUAN, SampleDocument.LIQUAN_NAME);
        trust = TrustPolicy.builder().trustAnchor(ca.certificate()).build();
    }

    /** The sender's signing identity (key and certificate chain). */
    SigningIdentity identity() {
        return sender.identity();
    }
}
