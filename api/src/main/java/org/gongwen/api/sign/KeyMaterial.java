package org.gongwen.api.sign;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.gongwen.api.GongwenException;

/**
 * Reads keys, certificates and CRLs from files, for every profile (SM2 keys and certificates
 * included, which the JDK alone cannot read). Thread-safe.
 */
public interface KeyMaterial {
    /**
     * Reads every certificate from a PEM or DER file.
     *
     * @throws GongwenException {@code LOC-003} if the file holds no readable certificate
     */
    List<X509Certificate> readCertificates(Path file) throws GongwenException;

    /**
     * Reads every CRL from a PEM or DER file.
     *
     * @throws GongwenException {@code LOC-003} if the file holds no readable CRL
     */
    List<X509CRL> readCrls(Path file) throws GongwenException;

    /**
     * Reads a signing identity from a PKCS#8 PEM private key (encrypted with the password, or
     * unencrypted when the password is null) and a PEM certificate chain, signer first.
     *
     * @throws GongwenException {@code LOC-003} if a file cannot be read or the password is wrong
     */
    SigningIdentity readIdentity(SignatureProfile profile, Path privateKeyPem, Path certificateChainPem, char[] password)
            throws GongwenException;

    /**
     * Reads a signing identity from a PKCS#12 file holding one key entry.
     *
     * @throws GongwenException {@code LOC-003} if the file cannot be read or the password is wrong
     */
    SigningIdentity readPkcs12(SignatureProfile profile, Path pkcs12, char[] password) throws GongwenException;
}
