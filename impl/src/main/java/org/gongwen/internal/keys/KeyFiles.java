package org.gongwen.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.KeyMaterial;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Providers;
import org.gongwen.internal.crypto.SignatureEngines;

/** Reads keys, certificates and CRLs with Bouncy Castle. Error texts name the file, never key bytes or passwords. */
public final class KeyFiles implements KeyMaterial {
    private static final long MAX_FILE = 4L << 20;

    @Override
    public List<X509Certificate> readCertificates(Path file) throws GongwenException {
        try (InputStream in = bounded(file)) {
            CertificateFactory f = CertificateFactory.getInstance("X.509", Providers.bc());
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : f.generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new GongwenException(ErrorCode.LOCAL_KEY, file + " holds no certificate");
            }
            return out;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new GongwenException(ErrorCode.LOCAL_KEY, "cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<X509CRL> readCrls(Path file) throws GongwenException {
        try (InputStream in = bounded(file)) {
            CertificateFactory f = CertificateFactory.getInstance("X.509", Providers.bc());
            List<X509CRL> out = new ArrayList<>();
            for (CRL c : f.generateCRLs(in)) {
                out.add((X509CRL) c);
            }
            if (out.isEmpty()) {
                throw new GongwenException(ErrorCode.LOCAL_KEY, file + " holds no CRL");
            }
            return out;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new GongwenException(ErrorCode.LOCAL_KEY, "cannot read CRLs from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SigningIdentity readIdentity(SignatureProfile profile, Path privateKeyPem, Path certificateChainPem, char[] password)
            throws GongwenException {
        PrivateKey key = readPrivateKey(privateKeyPem, password);
        SignatureEngines.checkKey(profile, key);
        return new SigningIdentity(profile, key, readCertificates(certificateChainPem));
    }

    @Override
    public SigningIdentity readPkcs12(SignatureProfile profile, Path pkcs12, char[] password) throws GongwenException {
        try (InputStream in = bounded(pkcs12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12", Providers.bc());
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Key k = ks.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : ks.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    SignatureEngines.checkKey(profile, k);
                    return new SigningIdentity(profile, (PrivateKey) k, chain);
                }
            }
            throw new GongwenException(ErrorCode.LOCAL_KEY, pkcs12 + " holds no private key entry");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new GongwenException(ErrorCode.LOCAL_KEY, "cannot read " + pkcs12 + " (wrong password or not PKCS#12)");
        }
    }

    private static PrivateKey readPrivateKey(Path file, char[] password) throws GongwenException {
        try (Reader r = new java.io.InputStreamReader(bounded(file), StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter().setProvider(Providers.bc());
            if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
                if (password == null) {
                    throw new GongwenException(ErrorCode.LOCAL_KEY, file + " is encrypted; a password is required");
                }
                PrivateKeyInfo info = ((PKCS8EncryptedPrivateKeyInfo) o).decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Providers.bc()).build(password));
                return conv.getPrivateKey(info);
            }
            if (o instanceof PrivateKeyInfo) {
                return conv.getPrivateKey((PrivateKeyInfo) o);
            }
            if (o instanceof PEMKeyPair) {
                return conv.getKeyPair((PEMKeyPair) o).getPrivate();
            }
            throw new GongwenException(ErrorCode.LOCAL_KEY, file + " holds no PKCS#8 private key");
        } catch (PKCSException | OperatorCreationException e) {
            throw new GongwenException(ErrorCode.LOCAL_KEY, "cannot decrypt " + file + " (wrong password?)");
        } catch (IOException | RuntimeException e) {
            throw new GongwenException(ErrorCode.LOCAL_KEY, "cannot read a private key from " + file);
        }
    }

    private static InputStream bounded(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE) {
            throw new IOException(file + " is larger than " + MAX_FILE + " bytes");
        }
        return Files.newInputStream(file);
    }
}
