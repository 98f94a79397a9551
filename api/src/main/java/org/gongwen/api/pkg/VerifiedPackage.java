package org.gongwen.api.pkg;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.sign.SignerInfo;

/**
 * A package that passed every check of the standard under the caller's trust policy: the
 * envelope signature, the trust path and its binding to the sender, and every part's size and
 * digest. Only a verifier creates one. Immutable.
 */
public final class VerifiedPackage {
    private final Envelope envelope;
    private final SignerInfo signer;
    private final byte[] signatureValue;
    private final Map<String, Path> extractedParts;

    /** Created by a verifier after every check has passed. */
    public VerifiedPackage(Envelope envelope, SignerInfo signer, byte[] signatureValue, Map<String, Path> extractedParts) {
        this.envelope = Objects.requireNonNull(envelope);
        this.signer = Objects.requireNonNull(signer);
        this.signatureValue = signatureValue.clone();
        this.extractedParts = Map.copyOf(extractedParts);
    }

    /** The verified envelope: exactly what was signed. */
    public Envelope envelope() { return envelope; }

    /** Who signed, with the validated certificate path. */
    public SignerInfo signer() { return signer; }

    /** The raw signature value (receipts bind to its digest). */
    public byte[] signatureValue() { return signatureValue.clone(); }

    /** Where each part was extracted to, by part name; empty if the package was only verified. */
    public Map<String, Path> extractedParts() { return extractedParts; }

    @Override
    public String toString() {
        return "VerifiedPackage{" + envelope.header() + ", " + signer + "}";
    }
}
