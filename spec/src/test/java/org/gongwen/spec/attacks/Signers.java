package org.gongwen.spec.attacks;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Providers;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.testing.Fixtures;

/**
 * The named signers a case may sign with, made once per profile and JVM. All but
 * {@code xianyang} and {@code ca} claim to be 礼泉县 (the envelope's sender); the trusted CA is
 * the Fixtures CA of the profile.
 *
 * <ul>
 *   <li>{@code liquan}: the sender's valid certificate from the trusted CA;</li>
 *   <li>{@code xianyang}: a valid certificate of another organisation (咸阳市);</li>
 *   <li>{@code liquan-untrusted-ca}: issued by a CA that no policy trusts;</li>
 *   <li>{@code liquan-self-signed}: a self-signed end-entity certificate;</li>
 *   <li>{@code liquan-expired}: expired a year ago; {@code liquan-not-yet-valid}: valid from next month;</li>
 *   <li>{@code liquan-no-signing-usage}: key usage keyEncipherment only;</li>
 *   <li>{@code liquan-revoked}: valid, but listed in the CRL of policy {@code crl};</li>
 *   <li>{@code liquan-no-org-id}: no organizationIdentifier in the subject;</li>
 *   <li>{@code ca}: the trusted CA's own key and certificate.</li>
 * </ul>
 */
final class Signers {
    static final String DEFAULT = "liquan";
    static final Set<String> NAMES = Set.of("liquan", "xianyang", "liquan-untrusted-ca", "liquan-self-signed", "liquan-expired",
            "liquan-not-yet-valid", "liquan-no-signing-usage", "liquan-revoked", "liquan-no-org-id", "ca");
    private static final String LIQUAN_NAME = "礼泉县人民政府办公室";
    private static final Map<String, SigningIdentity> CACHE = new HashMap<>();
    private static final Map<SignatureProfile, DevPki.Authority> UNTRUSTED = new HashMap<>();

    private Signers() {
    }

    static synchronized SigningIdentity get(SignatureProfile p, String name) {
        String key = p + "/" + name;
        SigningIdentity id = CACHE.get(key);
        if (id == null) {
            id = make(p, name);
            CACHE.put(key, id);
        }
        return id;
    }

    /** A CA that no policy of the suite trusts (its CRLs serve the "CRL of another issuer" policy). */
    static synchronized DevPki.Authority untrustedCa(SignatureProfile p) {
        return UNTRUSTED.computeIfAbsent(p, x -> DevPki.newAuthority(x, "Untrusted CA " + x));
    }

    private static SigningIdentity make(SignatureProfile p, String name) {
        Fixtures.Pki pki = Fixtures.pki(p);
        Instant now = Instant.now();
        Duration year = Duration.ofDays(365);
        switch (name) {
            case "liquan":
                return pki.liquan.identity();
            case "xianyang":
                return pki.xianyang.identity();
            case "liquan-untrusted-ca":
                return untrustedCa(p).issue(Fixtures.LIQUAN, LIQUAN_NAME).identity();
            case "liquan-self-signed":
                return selfSigned(p);
            case "liquan-expired":
                return pki.ca.issue(Fixtures.LIQUAN, LIQUAN_NAME, now.minus(year.multipliedBy(2)), now.minus(year), true).identity();
            case "liquan-not-yet-valid":
                return pki.ca.issue(Fixtures.LIQUAN, LIQUAN_NAME, now.plus(Duration.ofDays(30)), now.plus(year), true).identity();
            case "liquan-no-signing-usage":
                return pki.ca.issue(Fixtures.LIQUAN, LIQUAN_NAME, now.minus(Duration.ofHours(1)), now.plus(year), false).identity();
            case "liquan-revoked":
                return pki.ca.issue(Fixtures.LIQUAN, LIQUAN_NAME).identity();
            case "liquan-no-org-id":
                return pki.ca.issue(null, LIQUAN_NAME).identity();
            case "ca":
                return new SigningIdentity(p, pki.ca.keys().getPrivate(), List.of(pki.ca.certificate()));
            default:
                throw new IllegalArgumentException("unknown signer " + name);
        }
    }

    /** A self-signed end-entity certificate for 礼泉县 with signing key usage: right name, no issuer. */
    private static SigningIdentity selfSigned(SignatureProfile p) {
        KeyPair kp = DevPki.generate(p);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, LIQUAN_NAME)
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, Fixtures.LIQUAN.value()).addRDN(BCStyle.CN, LIQUAN_NAME + " 公文交换签名").build();
        Instant now = Instant.now();
        String alg;
        switch (p) {
            case SM2_SM3: alg = "SM3WITHSM2"; break;
            case RSA_SHA256: alg = "SHA256WITHRSA"; break;
            case ECDSA_P256_SHA256: alg = "SHA256WITHECDSA"; break;
            case ED25519: alg = "Ed25519"; break;
            default: throw new AssertionError(p);
        }
        try {
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Providers.bc()).getCertificate(
                    new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)),
                            Date.from(now.plus(Duration.ofDays(365))), subject, kp.getPublic())
                            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                            .build(new JcaContentSignerBuilder(alg).setProvider(Providers.bc()).build(kp.getPrivate())));
            return new SigningIdentity(p, kp.getPrivate(), List.of(cert));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        }
    }
}
