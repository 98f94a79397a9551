package org.gongwen.api.sign;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a sender signs with: a profile, a private key and its certificate chain (the signer's
 * certificate first, then intermediates; trust anchors need not be included). Immutable and
 * thread-safe. {@link #toString()} never shows the key.
 */
public final class SigningIdentity {
    private final SignatureProfile profile;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    /**
     * Creates an identity. Whether the key fits the profile is checked when signing
     * ({@code ALG-002}).
     *
     * @throws IllegalArgumentException if the chain is empty
     */
    public SigningIdentity(SignatureProfile profile, PrivateKey privateKey, List<X509Certificate> chain) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain must hold at least the signer's certificate");
        }
    }

    /** The signature profile. */
    public SignatureProfile profile() { return profile; }

    /** The private key. */
    public PrivateKey privateKey() { return privateKey; }

    /** The certificate chain, signer first. */
    public List<X509Certificate> chain() { return chain; }

    /** The signer's certificate. */
    public X509Certificate certificate() { return chain.get(0); }

    @Override
    public String toString() {
        return "SigningIdentity{" + profile + ", " + certificate().getSubjectX500Principal().getName() + ", key hidden}";
    }
}
