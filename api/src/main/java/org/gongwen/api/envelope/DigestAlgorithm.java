package org.gongwen.api.envelope;

/** The digest algorithms of the standard. The signature profile decides which one is used. */
public enum DigestAlgorithm {
    /** SM3 (GB/T 32905-2016), 32 bytes. */
    SM3(32),
    /** SHA-256 (FIPS 180-4), 32 bytes. */
    SHA256(32);

    private final int length;

    DigestAlgorithm(int length) {
        this.length = length;
    }

    /** The digest length in bytes. */
    public int length() {
        return length;
    }
}
