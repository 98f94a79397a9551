package org.gongwen.internal.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SignatureProfile;

/**
 * The raw signature operations of each profile, with the provider chosen per algorithm: RSA
 * and ECDSA signing from the JDK; ECDSA verification, SM2 and Ed25519 from the private Bouncy
 * Castle instance (faster here, and the JDK has no SM2). Signature values are in their XML
 * form: ECDSA as r||s (RFC 4050), SM2 as the DER SEQUENCE of r and s (GM/T 0009), Ed25519 as
 * 64 bytes (RFC 8032), RSA as the PKCS#1 v1.5 block.
 */
public final class SignatureEngines {
    static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    static final BigInteger SM2_ORDER =
            new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);
    private static final byte[] SM2_ID = SignatureProfile.SM2_USER_ID.getBytes(StandardCharsets.US_ASCII);

    private SignatureEngines() {
    }

    /**
     * Checks that a key fits a profile.
     *
     * @throws GongwenException {@code ALG-002} naming what was expected and found
     */
    public static void checkKey(SignatureProfile p, Key key) throws GongwenException {
        String found = describe(key);
        switch (p) {
            case RSA_SHA256:
                if (!(key instanceof RSAKey) || ((RSAKey) key).getModulus().bitLength() < 2048) {
                    throw new GongwenException(ErrorCode.ALGORITHM_KEY, "RSA_SHA256 needs an RSA key of 2048 bits or more, found " + found);
                }
                return;
            case ECDSA_P256_SHA256:
                if (!(key instanceof ECKey) || !P256_ORDER.equals(((ECKey) key).getParams().getOrder())) {
                    throw new GongwenException(ErrorCode.ALGORITHM_KEY, "ECDSA_P256_SHA256 needs an EC key on P-256, found " + found);
                }
                return;
            case SM2_SM3:
                if (!(key instanceof ECKey) || !SM2_ORDER.equals(((ECKey) key).getParams().getOrder())) {
                    throw new GongwenException(ErrorCode.ALGORITHM_KEY, "SM2_SM3 needs an EC key on the SM2 curve, found " + found);
                }
                return;
            case ED25519:
                if (!("Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm()))
                        || key.getEncoded() == null || !isEd25519(key)) {
                    throw new GongwenException(ErrorCode.ALGORITHM_KEY, "ED25519 needs an Ed25519 key, found " + found);
                }
                return;
            default:
                throw new AssertionError(p);
        }
    }

    private static boolean isEd25519(Key key) {
        // id-Ed25519 OID 1.3.101.112 = 06 03 2B 65 70 in the encoded key's AlgorithmIdentifier
        byte[] enc = key.getEncoded();
        for (int i = 0; i + 4 < Math.min(enc.length, 24); i++) {
            if (enc[i] == 0x06 && enc[i + 1] == 0x03 && enc[i + 2] == 0x2B && enc[i + 3] == 0x65 && enc[i + 4] == 0x70) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Key key) {
        if (key instanceof RSAKey) {
            return "RSA " + ((RSAKey) key).getModulus().bitLength() + " bits";
        }
        if (key instanceof ECKey) {
            BigInteger n = ((ECKey) key).getParams().getOrder();
            return "EC " + (P256_ORDER.equals(n) ? "P-256" : SM2_ORDER.equals(n) ? "SM2" : "curve of " + n.bitLength() + " bits");
        }
        return key.getAlgorithm();
    }

    /**
     * Signs data with a profile.
     *
     * @throws GongwenException {@code ALG-002} if the key does not fit
     */
    public static byte[] sign(SignatureProfile p, PrivateKey key, byte[] data) throws GongwenException {
        checkKey(p, key);
        try {
            Signature s;
            switch (p) {
                case RSA_SHA256:
                    s = Signature.getInstance("SHA256withRSA");
                    s.initSign(key);
                    break;
                case ECDSA_P256_SHA256:
                    s = Signature.getInstance("SHA256withECDSAinP1363Format");
                    s.initSign(toJdkEc(key));
                    break;
                case SM2_SM3:
                    s = Signature.getInstance("SM3withSM2", Providers.bc());
                    s.setParameter(new SM2ParameterSpec(SM2_ID));
                    s.initSign(toBc(key, "EC"));
                    break;
                case ED25519:
                    s = Signature.getInstance("Ed25519", Providers.bc());
                    s.initSign(toBc(key, "Ed25519"));
                    break;
                default:
                    throw new AssertionError(p);
            }
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new GongwenException(ErrorCode.ALGORITHM_KEY, "cannot sign with " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a signature value. Returns normally only if it verifies.
     *
     * @throws GongwenException {@code SIG-003} if it does not verify, {@code ALG-002} if the key does not fit
     */
    public static void verify(SignatureProfile p, PublicKey key, byte[] data, byte[] signatureValue) throws GongwenException {
        checkKey(p, key);
        boolean ok;
        try {
            Signature s;
            switch (p) {
                case RSA_SHA256:
                    s = Signature.getInstance("SHA256withRSA");
                    s.initVerify(key);
                    break;
                case ECDSA_P256_SHA256:
                    if (signatureValue.length != 64) {
                        throw new GongwenException(ErrorCode.SIGNATURE_VALUE, "an ECDSA P-256 signature value has 64 bytes, found " + signatureValue.length);
                    }
                    s = Signature.getInstance("SHA256withPLAIN-ECDSA", Providers.bc());
                    s.initVerify(toBc(key, "EC"));
                    break;
                case SM2_SM3:
                    s = Signature.getInstance("SM3withSM2", Providers.bc());
                    s.setParameter(new SM2ParameterSpec(SM2_ID));
                    s.initVerify(toBc(key, "EC"));
                    break;
                case ED25519:
                    s = Signature.getInstance("Ed25519", Providers.bc());
                    s.initVerify(toBc(key, "Ed25519"));
                    break;
                default:
                    throw new AssertionError(p);
            }
            s.update(data);
            ok = s.verify(signatureValue);
        } catch (java.security.SignatureException e) {
            ok = false;
        } catch (GeneralSecurityException e) {
            throw new GongwenException(ErrorCode.ALGORITHM_KEY, "cannot verify with " + p + ": " + e.getMessage(), e);
        }
        if (!ok) {
            throw new GongwenException(ErrorCode.SIGNATURE_VALUE, "the " + p + " signature value does not verify with the signer's key");
        }
    }

    /** The JDK's EC signer refuses keys not named "EC"; Bouncy Castle's PEM reader names them "ECDSA". */
    private static PrivateKey toJdkEc(PrivateKey key) throws GeneralSecurityException {
        if ("EC".equals(key.getAlgorithm())) {
            return key;
        }
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    private static PrivateKey toBc(PrivateKey key, String alg) throws GeneralSecurityException {
        if (key.getClass().getName().startsWith("org.bouncycastle.")) {
            return key;
        }
        return KeyFactory.getInstance(alg, Providers.bc()).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    private static PublicKey toBc(PublicKey key, String alg) throws GeneralSecurityException {
        if (key.getClass().getName().startsWith("org.bouncycastle.")) {
            return key;
        }
        return KeyFactory.getInstance(alg, Providers.bc()).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    }
}
