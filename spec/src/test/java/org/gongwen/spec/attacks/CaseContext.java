package org.gongwen.spec.attacks;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Algorithms;

/**
 * What the operators of one case under one profile may use: the profile, the case's signer,
 * the vector folder, and the values of the placeholders a vector may write as {@code ${NAME}}.
 * Without canaries (packages made to be kept, not run), {@code ${HTTP_URL}} is a URL under the
 * reserved name {@code canary.invalid} (RFC 6761) and {@code ${FILE_URL}} a file that does not exist.
 */
final class CaseContext {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    final String caseId;
    final SignatureProfile profile;
    final SigningIdentity signer;
    final Path vectorDir;
    final Canaries canaries;

    CaseContext(String caseId, SignatureProfile profile, SigningIdentity signer, Path vectorDir, Canaries canaries) {
        this.caseId = caseId;
        this.profile = profile;
        this.signer = signer;
        this.vectorDir = vectorDir;
        this.canaries = canaries;
    }

    /** Replaces every {@code ${NAME}} in {@code s}; an unknown name is an error in the vector. */
    String expand(String s) {
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(value(m.group(1))));
        }
        m.appendTail(b);
        return b.toString();
    }

    private String value(String name) {
        switch (name) {
            case "HTTP_URL":
                return canaries == null ? "http://canary.invalid/" + caseId + "/" : canaries.httpUrl(caseId);
            case "FILE_URL":
                return canaries == null ? "file:///nonexistent/gongwen-canary" : canaries.fileUrl();
            case "SIGNER_CERTIFICATE":
                try {
                    return Base64.getEncoder().encodeToString(signer.certificate().getEncoded());
                } catch (CertificateEncodingException e) {
                    throw new IllegalStateException(e);
                }
            case "SIGNER_PUBLIC_KEY":
                return Base64.getEncoder().encodeToString(signer.certificate().getPublicKey().getEncoded());
            case "DIGEST_URI":
                return Algorithms.digestMethod(profile.digestAlgorithm());
            case "SIGNER_KEY_VALUE":
                return keyValue(signer.certificate().getPublicKey());
            default:
                throw new IllegalArgumentException("unknown placeholder ${" + name + "}");
        }
    }

    /** The signer's public key as the content of a ds:KeyValue (XMLDSig 1.1 forms where one exists). */
    private static String keyValue(PublicKey k) {
        if (k instanceof RSAPublicKey) {
            RSAPublicKey r = (RSAPublicKey) k;
            return "<ds:RSAKeyValue><ds:Modulus>" + b64(r.getModulus()) + "</ds:Modulus><ds:Exponent>"
                    + b64(r.getPublicExponent()) + "</ds:Exponent></ds:RSAKeyValue>";
        }
        if (k instanceof ECPublicKey) {
            ECPublicKey e = (ECPublicKey) k;
            int len = (e.getParams().getOrder().bitLength() + 7) / 8;
            byte[] point = new byte[1 + 2 * len];
            point[0] = 4;
            copy(e.getW().getAffineX(), point, 1, len);
            copy(e.getW().getAffineY(), point, 1 + len, len);
            String curve = e.getParams().getOrder().toString(16).startsWith("fffffffe") ? "1.2.156.10197.1.301" : "1.2.840.10045.3.1.7";
            return "<dsig11:ECKeyValue><dsig11:NamedCurve URI=\"urn:oid:" + curve + "\"/><dsig11:PublicKey>"
                    + Base64.getEncoder().encodeToString(point) + "</dsig11:PublicKey></dsig11:ECKeyValue>";
        }
        return "<dsig11:DEREncodedKeyValue>" + Base64.getEncoder().encodeToString(k.getEncoded()) + "</dsig11:DEREncodedKeyValue>";
    }

    private static String b64(BigInteger v) {
        byte[] b = v.toByteArray();
        int skip = b.length > 1 && b[0] == 0 ? 1 : 0;
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(b, skip, b.length));
    }

    private static void copy(BigInteger v, byte[] out, int at, int len) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, len);
        System.arraycopy(b, b.length - n, out, at + len - n, n);
    }
}
