package org.gongwen.internal.sign;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignerInfo;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.crypto.SignatureEngines;
import org.gongwen.internal.trust.Certificates;
import org.gongwen.internal.trust.TrustValidator;
import org.w3c.dom.Document;

/**
 * Verifies the envelope signature in the order of spec/signature.md: profile allowed by the
 * policy, certificates readable, key fits the profile, reference digest, signature value, then
 * trust and the binding of the certificate to the sender. Stateless and thread-safe.
 */
public final class EnvelopeVerifier {
    private EnvelopeVerifier() {
    }

    /**
     * Verifies a shape-checked signature.
     *
     * @return the signer, after every check has passed
     * @throws GongwenException with the code of the first check that fails
     */
    public static SignerInfo verify(Document doc, SignatureShape shape, TrustPolicy policy, OrgCode sender)
            throws GongwenException {
        return verify(doc, shape, new TrustValidator(policy), sender);
    }

    /**
     * Verifies a shape-checked signature with a validator that is reused across calls.
     *
     * @return the signer, after every check has passed
     * @throws GongwenException with the code of the first check that fails
     */
    public static SignerInfo verify(Document doc, SignatureShape shape, TrustValidator trust, OrgCode sender)
            throws GongwenException {
        List<X509Certificate> path = verifySignature(doc, shape, trust);
        OrgCode bound = TrustValidator.organisationOf(path.get(0));
        if (!bound.equals(sender)) {
            throw new GongwenException(ErrorCode.TRUST_SENDER_BINDING, "the signer's certificate belongs to " + bound + ", the envelope's sender is " + sender);
        }
        return new SignerInfo(shape.profile, bound, path);
    }

    /**
     * Verifies a shape-checked signature up to and including trust, without binding the signer to
     * a party; the caller binds it (envelopes to the sender, receipts to the issuer).
     *
     * @return the validated path, signer's certificate first
     * @throws GongwenException with the code of the first check that fails
     */
    public static List<X509Certificate> verifySignature(Document doc, SignatureShape shape, TrustValidator trust)
            throws GongwenException {
        TrustPolicy policy = trust.policy();
        if (!policy.profiles().contains(shape.profile)) {
            throw new GongwenException(ErrorCode.ALGORITHM_NOT_ALLOWED, "profile " + shape.profile + " is not accepted by the trust policy");
        }
        List<X509Certificate> certs = Certificates.parse(shape.certificates);
        X509Certificate signer = certs.get(0);
        SignatureEngines.checkKey(shape.profile, signer.getPublicKey());

        byte[] actual = Dsig.referenceDigest(doc, shape.signature, shape.profile.digestAlgorithm());
        if (!MessageDigest.isEqual(actual, shape.digestValue)) {
            throw new GongwenException(ErrorCode.DIGEST_ENVELOPE, "the envelope differs from what was signed (reference digest mismatch)");
        }
        SignatureEngines.verify(shape.profile, signer.getPublicKey(), Dsig.canonicalSignedInfo(shape.signedInfo), shape.signatureValue);

        return trust.validate(certs);
    }

    /** The raw signature value of a shape-checked signature. */
    public static byte[] signatureValue(SignatureShape shape) {
        return shape.signatureValue.clone();
    }
}
