package org.gongwen.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.crypto.Providers;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Certificates a hostile sender can put in KeyInfo: each is refused with a code, cheaply. */
class HostileCertificateTest {
    private static final Fixtures.Pki PKI = Fixtures.pki(SignatureProfile.ECDSA_P256_SHA256);

    private static byte[] issue(X500Name subject, SubjectPublicKeyInfo key, Extension extra) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                X500Name.getInstance(PKI.ca.certificate().getSubjectX500Principal().getEncoded()), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86400)), subject, key)
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        if (extra != null) {
            b.addExtension(extra);
        }
        return b.build(new JcaContentSignerBuilder("SHA256WITHECDSA").setProvider(Providers.bc()).build(PKI.ca.keys().getPrivate()))
                .getEncoded();
    }

    private static X500Name subject(ASN1Encodable orgId) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.ORGANIZATION_IDENTIFIER, orgId)
                .addRDN(BCStyle.CN, "礼泉县").build();
    }

    private static SubjectPublicKeyInfo realKey() {
        KeyPair kp = DevPki.generate(SignatureProfile.ECDSA_P256_SHA256);
        return SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded());
    }

    @Test
    void aHugeRsaModulusIsRefusedBeforeAnyProviderDecodesIt() throws Exception {
        BigInteger modulus = new BigInteger(16384, new SecureRandom()).setBit(16383).setBit(0);
        SubjectPublicKeyInfo key = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(modulus, BigInteger.valueOf(65537)));
        byte[] der = issue(subject(new DERUTF8String(Fixtures.LIQUAN.value())), key, null);
        GongwenException e = assertThrows(GongwenException.class, () -> Certificates.parse(List.of(der)));
        assertEquals(ErrorCode.ALGORITHM_KEY, e.code(), e.getMessage());
    }

    @Test
    void anUndecodableExtensionGivesATrustCodeNotAnUncheckedException() throws Exception {
        byte[] der = issue(subject(new DERUTF8String(Fixtures.LIQUAN.value())), realKey(),
                new Extension(Extension.issuerAlternativeName, true, DERNull.INSTANCE.getEncoded()));
        List<X509Certificate> certs = Certificates.parse(List.of(der));
        TrustValidator v = new TrustValidator(TrustPolicy.builder().trustAnchor(PKI.ca.certificate()).build());
        GongwenException e = assertThrows(GongwenException.class, () -> v.validate(certs));
        assertEquals(ErrorCode.TRUST_PATH, e.code(), e.getMessage());
    }

    @Test
    void anOrganisationIdentifierThatIsNotAStringBindsNobody() throws Exception {
        byte[] der = issue(subject(new ASN1Integer(new BigInteger(Fixtures.LIQUAN.value()))), realKey(), null);
        X509Certificate cert = Certificates.parse(List.of(der)).get(0);
        GongwenException e = assertThrows(GongwenException.class, () -> TrustValidator.organisationOf(cert));
        assertEquals(ErrorCode.TRUST_SENDER_BINDING, e.code(), e.getMessage());
    }

    @Test
    void selfIssuedDecoysInKeyInfoAreNotPathCandidates() throws Exception {
        List<X509Certificate> keyInfo = new java.util.ArrayList<>();
        keyInfo.add(PKI.liquan.certificate());
        for (int i = 0; i < 7; i++) {
            keyInfo.add(DevPki.newAuthority(SignatureProfile.ECDSA_P256_SHA256, "X").certificate());
        }
        keyInfo.add(PKI.ca.certificate());
        TrustValidator v = new TrustValidator(TrustPolicy.builder().trustAnchor(PKI.ca.certificate()).build());
        assertEquals(2, v.validate(keyInfo).size());
    }
}
