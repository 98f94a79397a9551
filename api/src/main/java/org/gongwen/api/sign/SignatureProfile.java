package org.gongwen.api.sign;

import org.gongwen.api.envelope.DigestAlgorithm;

/**
 * The named signature profiles of Gongwen Exchange 1.0 (spec/signature.md). There are no
 * algorithm URIs in the API: a profile fixes the signature algorithm, the key type and the
 * digest used for the envelope reference and for every part.
 */
public enum SignatureProfile {
    /** SM2 signature with SM3 (GB/T 32918, GB/T 32905), user ID {@code 1234567812345678}; parts digested with SM3. */
    SM2_SM3(DigestAlgorithm.SM3),
    /** RSASSA-PKCS1-v1_5 with SHA-256, keys of 2048 bits or more. */
    RSA_SHA256(DigestAlgorithm.SHA256),
    /** ECDSA on NIST P-256 with SHA-256. */
    ECDSA_P256_SHA256(DigestAlgorithm.SHA256),
    /** Ed25519 (RFC 8032); parts digested with SHA-256. */
    ED25519(DigestAlgorithm.SHA256);

    /** The SM2 user ID (distinguishing identifier) that every SM2_SM3 signature uses. */
    public static final String SM2_USER_ID = "1234567812345678";

    private final DigestAlgorithm digest;

    SignatureProfile(DigestAlgorithm digest) {
        this.digest = digest;
    }

    /** The digest algorithm of this profile. */
    public DigestAlgorithm digestAlgorithm() {
        return digest;
    }
}
