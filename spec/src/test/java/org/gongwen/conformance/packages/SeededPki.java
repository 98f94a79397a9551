package org.gongwen.conformance.packages;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Providers;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.testing.Fixtures;

/**
 * The fixed test PKI of the package vectors for one profile, made from a seed: every key,
 * serial number and randomized certificate signature comes from a SHA1PRNG seeded with the
 * seed, the profile and the name of what it makes, so the same seed gives the same PKI. Fixed
 * dates: the CA is valid 2020-01-01 to 2100-01-01, the ordinary certificates 2020-01-01 to
 * 2099-01-01, the expired one during 2020, the not-yet-valid one during 2099, the CRL from
 * 2026-01-01 with its next update at 2099-01-01. Test material only: the private keys are
 * published with the vectors.
 */
final class SeededPki {
    static final OrgCode LIQUAN = Fixtures.LIQUAN;
    static final OrgCode XIANYANG = Fixtures.XIANYANG;
    static final String LIQUAN_NAME = "礼泉县人民政府办公室";
    static final String XIANYANG_NAME = "咸阳市人民政府办公室";
    /** The period in which the verdicts of the vectors hold. */
    static final String VERDICTS_HOLD = "from 2026-01-01T00:00:00Z to 2098-12-31T23:59:59Z (the test PKI's dates)";

    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2099-01-01T00:00:00Z");
    private static final Instant CA_END = Instant.parse("2100-01-01T00:00:00Z");

    final SignatureProfile profile;
    private final long seed;
    final KeyPair caKeys;
    final X509Certificate ca;
    final X500Name caName;
    final KeyPair untrustedKeys;
    final X509Certificate untrustedCa;
    /** Signer name to identity, in the order of the attack README. */
    final Map<String, SigningIdentity> signers = new LinkedHashMap<>();
    final X509CRL crl;

    SeededPki(SignatureProfile profile, long seed) {
        this.profile = profile;
        this.seed = seed;
        caName = caName("Gongwen Conformance Test CA " + profile);
        caKeys = keys("ca");
        ca = caCertificate(caName, caKeys, "ca");
        X500Name untrustedName = caName("Gongwen Untrusted Test CA " + profile);
        untrustedKeys = keys("untrusted-ca");
        untrustedCa = caCertificate(untrustedName, untrustedKeys, "untrusted-ca");
        signers.put("liquan", issue("liquan", caName, caKeys, ca, LIQUAN, LIQUAN_NAME, START, END, true));
        signers.put("xianyang", issue("xianyang", caName, caKeys, ca, XIANYANG, XIANYANG_NAME, START, END, true));
        signers.put("liquan-untrusted-ca", issue("liquan-untrusted-ca", untrustedName, untrustedKeys, untrustedCa, LIQUAN, LIQUAN_NAME,
                START, END, true));
        signers.put("liquan-self-signed", selfSigned());
        signers.put("liquan-expired", issue("liquan-expired", caName, caKeys, ca, LIQUAN, LIQUAN_NAME, START,
                Instant.parse("2021-01-01T00:00:00Z"), true));
        signers.put("liquan-not-yet-valid", issue("liquan-not-yet-valid", caName, caKeys, ca, LIQUAN, LIQUAN_NAME,
                Instant.parse("2099-01-01T00:00:00Z"), Instant.parse("2099-12-31T00:00:00Z"), true));
        signers.put("liquan-no-signing-usage", issue("liquan-no-signing-usage", caName, caKeys, ca, LIQUAN, LIQUAN_NAME, START, END, false));
        signers.put("liquan-revoked", issue("liquan-revoked", caName, caKeys, ca, LIQUAN, LIQUAN_NAME, START, END, true));
        signers.put("liquan-no-org-id", issue("liquan-no-org-id", caName, caKeys, ca, null, LIQUAN_NAME, START, END, true));
        signers.put("ca", new SigningIdentity(profile, caKeys.getPrivate(), List.of(ca)));
        crl = crl();
    }

    /** A SHA1PRNG that yields the same bytes for the same seed, profile and purpose. */
    private SecureRandom random(String purpose) {
        try {
            byte[] s = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "/" + profile + "/" + purpose).getBytes(StandardCharsets.UTF_8));
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(s);
            return r;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyPair keys(String purpose) {
        return DevPki.generate(profile, random("key/" + purpose));
    }

    private static X500Name caName(String name) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, name).addRDN(BCStyle.CN, name).build();
    }

    private String algorithm() {
        switch (profile) {
            case SM2_SM3: return "SM3WITHSM2";
            case RSA_SHA256: return "SHA256WITHRSA";
            case ECDSA_P256_SHA256: return "SHA256WITHECDSA";
            case ED25519: return "Ed25519";
            default: throw new AssertionError(profile);
        }
    }

    private X509Certificate caCertificate(X500Name name, KeyPair kp, String purpose) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(purpose), Date.from(START), Date.from(CA_END),
                    name, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(kp.getPublic()));
            return sign(b, kp, purpose);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test CA", e);
        }
    }

    private SigningIdentity issue(String purpose, X500Name issuer, KeyPair issuerKeys, X509Certificate issuerCert, OrgCode org,
            String orgName, Instant notBefore, Instant notAfter, boolean signing) {
        KeyPair kp = keys(purpose);
        X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, orgName);
        if (org != null) {
            nb.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, org.value());
        }
        nb.addRDN(BCStyle.CN, orgName + " 公文交换签名");
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(purpose), Date.from(notBefore), Date.from(notAfter),
                    nb.build(), kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(signing
                            ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation : KeyUsage.keyEncipherment));
            return new SigningIdentity(profile, kp.getPrivate(), List.of(sign(b, issuerKeys, purpose)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue " + purpose, e);
        }
    }

    private SigningIdentity selfSigned() {
        KeyPair kp = keys("liquan-self-signed");
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, LIQUAN_NAME)
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, LIQUAN.value()).addRDN(BCStyle.CN, LIQUAN_NAME + " 公文交换签名").build();
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial("liquan-self-signed"), Date.from(START),
                    Date.from(END), subject, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new SigningIdentity(profile, kp.getPrivate(), List.of(sign(b, kp, "liquan-self-signed")));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the self-signed certificate", e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuerKeys, String purpose) throws Exception {
        return new JcaX509CertificateConverter().setProvider(Providers.bc()).getCertificate(b.build(
                new JcaContentSignerBuilder(algorithm()).setProvider(Providers.bc()).setSecureRandom(random("sig/" + purpose))
                        .build(issuerKeys.getPrivate())));
    }

    private X509CRL crl() {
        X509v2CRLBuilder b = new X509v2CRLBuilder(caName, Date.from(Instant.parse("2026-01-01T00:00:00Z")));
        b.setNextUpdate(Date.from(END));
        b.addCRLEntry(signers.get("liquan-revoked").certificate().getSerialNumber(), Date.from(Instant.parse("2026-01-01T00:00:00Z")),
                CRLReason.keyCompromise);
        try {
            return new JcaX509CRLConverter().setProvider(Providers.bc()).getCRL(b.build(
                    new JcaContentSignerBuilder(algorithm()).setProvider(Providers.bc()).setSecureRandom(random("sig/crl"))
                            .build(caKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the CRL", e);
        }
    }

    private BigInteger serial(String purpose) {
        return new BigInteger(127, random("serial/" + purpose)).add(BigInteger.ONE);
    }
}
