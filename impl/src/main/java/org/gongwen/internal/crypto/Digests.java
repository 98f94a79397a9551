package org.gongwen.internal.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.gongwen.api.envelope.DigestAlgorithm;

/** Message digests, each from the provider that is fastest for it here: SHA-256 from the JDK, SM3 from Bouncy Castle. */
public final class Digests {
    private Digests() {
    }

    /** A new digest instance. */
    public static MessageDigest newDigest(DigestAlgorithm a) {
        try {
            return a == DigestAlgorithm.SM3 ? MessageDigest.getInstance("SM3", Providers.bc()) : MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("digest " + a + " unavailable", e);
        }
    }
}
