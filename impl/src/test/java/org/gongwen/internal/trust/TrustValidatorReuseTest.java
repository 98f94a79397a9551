package org.gongwen.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A validator reused across calls remembers built paths, but every other check still runs every time. */
class TrustValidatorReuseTest {
    @Test
    void revokedSignerIsRefusedOnEveryCallAndOthersStayValid() throws Exception {
        Fixtures.Pki pki = Fixtures.pki(SignatureProfile.ECDSA_P256_SHA256);
        TrustValidator v = new TrustValidator(TrustPolicy.builder().trustAnchor(pki.ca.certificate())
                .crls(List.of(pki.ca.crl(pki.xianyang.certificate()))).build());
        for (int i = 0; i < 3; i++) {
            List<X509Certificate> path = v.validate(List.of(pki.liquan.certificate()));
            assertEquals(2, path.size());
            GongwenException e = assertThrows(GongwenException.class, () -> v.validate(List.of(pki.xianyang.certificate())));
            assertEquals(ErrorCode.TRUST_REVOKED, e.code());
        }
    }

    @Test
    void expiryIsCheckedAgainWhenThePathComesFromMemory() throws Exception {
        Fixtures.Pki pki = Fixtures.pki(SignatureProfile.ED25519);
        X509Certificate cert = pki.liquan.certificate();
        TrustPolicy now = TrustPolicy.builder().trustAnchor(pki.ca.certificate()).build();
        TrustValidator v = new TrustValidator(now);
        v.validate(List.of(cert));
        TrustPolicy later = TrustPolicy.builder().trustAnchor(pki.ca.certificate())
                .validationTime(cert.getNotAfter().toInstant().plusSeconds(60)).build();
        GongwenException e = assertThrows(GongwenException.class, () -> new TrustValidator(later).validate(List.of(cert)));
        assertEquals(ErrorCode.TRUST_VALIDITY, e.code());
        DevPki.Issued expired = pki.ca.issue(Fixtures.LIQUAN, "礼泉县", Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600), true);
        for (int i = 0; i < 2; i++) {
            GongwenException x = assertThrows(GongwenException.class, () -> v.validate(List.of(expired.certificate())));
            assertEquals(ErrorCode.TRUST_VALIDITY, x.code());
        }
    }
}
