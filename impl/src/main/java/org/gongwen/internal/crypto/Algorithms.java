package org.gongwen.internal.crypto;

import java.util.Map;
import java.util.Optional;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.sign.SignatureProfile;

/**
 * The algorithm URIs of the standard (spec/signature.md) and the allow-list that every URI read
 * from an envelope is checked against. Nothing outside this table is ever accepted.
 */
public final class Algorithms {
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SM3 = "urn:gongwen:xmldsig:sm3";
    public static final String SM3_ALIAS_OID = "urn:oid:1.2.156.10197.1.401";

    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String ED25519 = "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519";
    public static final String SM2_SM3 = "urn:gongwen:xmldsig:sm2-sm3";
    public static final String SM2_SM3_ALIAS_OID = "urn:oid:1.2.156.10197.1.501";

    private static final Map<String, SignatureProfile> SIGNATURE_METHODS = Map.of(
            RSA_SHA256, SignatureProfile.RSA_SHA256,
            ECDSA_SHA256, SignatureProfile.ECDSA_P256_SHA256,
            ED25519, SignatureProfile.ED25519,
            SM2_SM3, SignatureProfile.SM2_SM3,
            SM2_SM3_ALIAS_OID, SignatureProfile.SM2_SM3);

    private static final Map<String, DigestAlgorithm> DIGEST_METHODS = Map.of(
            SHA256, DigestAlgorithm.SHA256,
            SM3, DigestAlgorithm.SM3,
            SM3_ALIAS_OID, DigestAlgorithm.SM3);

    private Algorithms() {
    }

    /** The profile a SignatureMethod URI belongs to, or empty if it is not allowed. */
    public static Optional<SignatureProfile> profileOf(String signatureMethodUri) {
        return Optional.ofNullable(SIGNATURE_METHODS.get(signatureMethodUri));
    }

    /** The digest a DigestMethod URI names, or empty if it is not allowed. */
    public static Optional<DigestAlgorithm> digestOf(String digestMethodUri) {
        return Optional.ofNullable(DIGEST_METHODS.get(digestMethodUri));
    }

    /** The SignatureMethod URI a writer uses for a profile. */
    public static String signatureMethod(SignatureProfile p) {
        switch (p) {
            case SM2_SM3: return SM2_SM3;
            case RSA_SHA256: return RSA_SHA256;
            case ECDSA_P256_SHA256: return ECDSA_SHA256;
            case ED25519: return ED25519;
            default: throw new AssertionError(p);
        }
    }

    /** The DigestMethod URI a writer uses for a digest algorithm. */
    public static String digestMethod(DigestAlgorithm d) {
        return d == DigestAlgorithm.SM3 ? SM3 : SHA256;
    }
}
