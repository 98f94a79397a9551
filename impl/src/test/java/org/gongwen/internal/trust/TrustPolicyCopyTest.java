package org.gongwen.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** {@link TrustPolicy#toBuilder()}: a changed copy keeps every other value. */
class TrustPolicyCopyTest {
    @Test
    void aCopyWithAnotherValidationTimeKeepsAnchorsCrlsProfilesAndRevocation() {
        TrustPolicy base = Fixtures.pki(SignatureProfile.SM2_SM3).trust().toBuilder()
                .profiles(Set.of(SignatureProfile.SM2_SM3)).build();
        Instant then = Instant.parse("2026-11-01T00:00:00Z");
        TrustPolicy copy = base.toBuilder().validationTime(then).build();
        assertEquals(base.anchors(), copy.anchors());
        assertEquals(base.intermediates(), copy.intermediates());
        assertEquals(base.crls(), copy.crls());
        assertEquals(Set.of(SignatureProfile.SM2_SM3), copy.profiles());
        assertEquals(base.requireRevocationCheck(), copy.requireRevocationCheck());
        assertEquals(then, copy.validationTime().orElseThrow());
        assertTrue(base.validationTime().isEmpty(), "the original is unchanged");
    }
}
