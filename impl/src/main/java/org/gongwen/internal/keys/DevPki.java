package org.gongwen.internal.keys;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Providers;

/**
 * A development PKI: a root CA and organisation certificates for any profile, for tests,
 * examples and {@code gongwen pki}. Certificates carry the organisation's 统一社会信用代码 in
 * the subject's organizationIdentifier attribute, as the standard requires. Not for production
 * use: a real deployment gets its certificates from its CA.
 */
public final class DevPki {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevPki() {
    }

    /** A certificate authority that can issue certificates and CRLs. */
    public static final class Authority {
        private final SignatureProfile profile;
        private final KeyPair keys;
        private final X509Certificate certificate;
        private final X500Name name;

        private Authority(SignatureProfile profile, KeyPair keys, X509Certificate certificate, X500Name name) {
            this.profile = profile;
            this.keys = keys;
            this.certificate = certificate;
            this.name = name;
        }

        /** The CA certificate (a trust anchor). */
        public X509Certificate certificate() {
            return certificate;
        }

        /** The CA's key pair. */
        public KeyPair keys() {
            return keys;
        }

        /** The profile of the CA's key. */
        public SignatureProfile profile() {
            return profile;
        }

        /** Issues an ordinary organisation signing certificate valid for ten years from now. */
        public Issued issue(OrgCode org, String orgName) {
            Instant now = Instant.now();
            return issue(org, orgName, now.minusSeconds(3600), now.plusSeconds(3650L * 86400), true);
        }

        /**
         * Issues a signing certificate for a platform node: organizationIdentifier is the node id
         * ({@code GWNODE-dddddd}), valid for ten years from now.
         */
        public Issued issueNode(NodeId node, String nodeName) {
            Instant now = Instant.now();
            return issueParty(node.value(), nodeName, nodeName + " 交换节点签名", now.minusSeconds(3600), now.plusSeconds(3650L * 86400), true, false);
        }

        /**
         * Issues a TLS certificate for an organisation or a node (its organizationIdentifier is the
         * party: an organisation code or a node id), for client and server authentication, with
         * the subject alternative names {@code localhost} and {@code 127.0.0.1}. Use an authority of
         * the RSA_SHA256 or ECDSA_P256_SHA256 profile: TLS has no SM2 in the JDK.
         */
        public Issued issueTls(String party, String name) {
            Instant now = Instant.now();
            return issueParty(party, name, name + " TLS", now.minusSeconds(3600), now.plusSeconds(3650L * 86400), true, true);
        }

        /**
         * Issues an organisation certificate.
         *
         * @param signingKeyUsage whether the certificate carries digitalSignature and nonRepudiation
         */
        public Issued issue(OrgCode org, String orgName, Instant notBefore, Instant notAfter, boolean signingKeyUsage) {
            return issueParty(org == null ? null : org.value(), orgName, orgName + " 公文交换签名", notBefore, notAfter, signingKeyUsage, false);
        }

        private Issued issueParty(String party, String orgName, String commonName, Instant notBefore, Instant notAfter,
                boolean signingKeyUsage, boolean tls) {
            KeyPair kp = generate(profile);
            X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, orgName);
            if (party != null) {
                nb.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, party);
            }
            nb.addRDN(BCStyle.CN, commonName);
            try {
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore), Date.from(notAfter),
                        nb.build(), kp.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()))
                        .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
                if (tls) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                            | (profile == SignatureProfile.RSA_SHA256 ? KeyUsage.keyEncipherment : 0)));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
                } else if (signingKeyUsage) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                } else {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment));
                }
                X509Certificate cert = toCert(b.build(signer(profile, keys)));
                return new Issued(new SigningIdentity(profile, kp.getPrivate(), List.of(cert)), kp);
            } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
                throw new IllegalStateException("cannot issue a certificate", e);
            }
        }

        /** A CRL valid from now for 30 days, listing the given certificates as revoked an hour ago. */
        public X509CRL crl(X509Certificate... revoked) {
            Instant now = Instant.now();
            X509v2CRLBuilder b = new X509v2CRLBuilder(name, Date.from(now.minusSeconds(60)));
            b.setNextUpdate(Date.from(now.plusSeconds(30L * 86400)));
            for (X509Certificate c : revoked) {
                b.addCRLEntry(c.getSerialNumber(), Date.from(now.minusSeconds(3600)), CRLReason.keyCompromise);
            }
            try {
                X509CRLHolder h = b.build(signer(profile, keys));
                return new JcaX509CRLConverter().setProvider(Providers.bc()).getCRL(h);
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException("cannot issue a CRL", e);
            }
        }
    }

    /** An issued identity with its key pair. */
    public static final class Issued {
        private final SigningIdentity identity;
        private final KeyPair keys;

        Issued(SigningIdentity identity, KeyPair keys) {
            this.identity = identity;
            this.keys = keys;
        }

        /** The signing identity (key and certificate). */
        public SigningIdentity identity() {
            return identity;
        }

        /** The certificate. */
        public X509Certificate certificate() {
            return identity.certificate();
        }

        /** The key pair. */
        public KeyPair keys() {
            return keys;
        }
    }

    /** Creates a self-signed root CA valid for twenty years from now. */
    public static Authority newAuthority(SignatureProfile profile, String caName) {
        Instant now = Instant.now();
        return newAuthority(profile, caName, now.minusSeconds(86400), now.plusSeconds(20L * 365 * 86400));
    }

    /** Creates a self-signed root CA with the given validity. */
    public static Authority newAuthority(SignatureProfile profile, String caName, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(profile);
        KeyPair kp = generate(profile);
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, caName)
                .addRDN(BCStyle.CN, caName + " Root CA").build();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore), Date.from(notAfter), name, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            return new Authority(profile, kp, toCert(b.build(signer(profile, kp))), name);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a CA", e);
        }
    }

    /** Generates a key pair for a profile. */
    public static KeyPair generate(SignatureProfile profile) {
        return generate(profile, RANDOM);
    }

    /**
     * Generates a key pair for a profile from {@code random} (a seeded generator gives the same
     * keys every time, as the conformance vectors need).
     */
    public static KeyPair generate(SignatureProfile profile, java.security.SecureRandom random) {
        try {
            KeyPairGenerator g;
            switch (profile) {
                case SM2_SM3:
                    g = KeyPairGenerator.getInstance("EC", Providers.bc());
                    g.initialize(new ECGenParameterSpec("sm2p256v1"), random);
                    break;
                case RSA_SHA256:
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048, random);
                    break;
                case ECDSA_P256_SHA256:
                    g = KeyPairGenerator.getInstance("EC", Providers.bc());
                    g.initialize(new ECGenParameterSpec("secp256r1"), random);
                    break;
                case ED25519:
                    g = KeyPairGenerator.getInstance("Ed25519", Providers.bc());
                    g.initialize(255, random);
                    break;
                default:
                    throw new AssertionError(profile);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + profile + " key", e);
        }
    }

    private static ContentSigner signer(SignatureProfile profile, KeyPair kp) throws OperatorCreationException {
        String alg;
        switch (profile) {
            case SM2_SM3: alg = "SM3WITHSM2"; break;
            case RSA_SHA256: alg = "SHA256WITHRSA"; break;
            case ECDSA_P256_SHA256: alg = "SHA256WITHECDSA"; break;
            case ED25519: alg = "Ed25519"; break;
            default: throw new AssertionError(profile);
        }
        return new JcaContentSignerBuilder(alg).setProvider(Providers.bc()).build(kp.getPrivate());
    }

    private static X509Certificate toCert(X509CertificateHolder h) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().setProvider(Providers.bc()).getCertificate(h);
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    /** PEM text of any object Bouncy Castle can write (certificates, CRLs, keys as PKCS#8). */
    public static String pem(Object o) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            if (o instanceof java.security.PrivateKey) {
                // PKCS#8 version 1 (RFC 5208): Bouncy Castle encodes Ed25519 keys as version 2
                // (RFC 5958, with the public key), which OpenSSL before 3.5 cannot read.
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(((java.security.PrivateKey) o).getEncoded());
                PrivateKeyInfo v1 = new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey(), info.getAttributes());
                pw.writeObject(new PemObject("PRIVATE KEY", v1.getEncoded()));
            } else {
                pw.writeObject(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** Writes PEM text to a file, readable by its owner only where the file system allows. */
    public static void writePem(Path file, Object... objects) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Object o : objects) {
            b.append(pem(o));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (objects.length > 0 && objects[0] instanceof java.security.PrivateKey) {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write(b.toString());
        }
    }
}
