package org.gongwen.interop;

import static org.gongwen.interop.OpenSslCommands.NOT_VERIFIED;
import static org.gongwen.interop.OpenSslCommands.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.pkg.RawPackage;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ED25519 envelope signatures checked with OpenSSL 3, since xmlsec1 1.2 (Debian's) has no
 * EdDSA: OpenSSL verifies the SDK's SignatureValue over the exclusive canonical SignedInfo with
 * the signer's certificate, and, Ed25519 being deterministic (RFC 8032), OpenSSL signing the
 * same bytes with the same key gives exactly the SDK's value.
 */
class Ed25519OpenSslTest {
    @TempDir
    Path dir;

    @Test
    void openSslVerifiesAndReproducesSignatureOfSdkPackage() throws Exception {
        Fixtures.Pki pki = Fixtures.pki(SignatureProfile.ED25519);
        OpenSslCommands openssl = new OpenSslCommands(dir);
        PackageSignature s = PackageSignature.of(RawPackage.read(InteropSamples.pack(dir, SignatureProfile.ED25519)));
        assertArrayEquals(pki.liquan.certificate().getEncoded(), s.signerCertificate, "KeyInfo does not carry the signer's certificate first");
        Path cert = s.writeSignerCertificatePem(dir.resolve("signer.pem"));
        Path signedInfo = InteropSamples.write(dir.resolve("signedinfo.c14n"), s.signedInfo);
        Path sig = InteropSamples.write(dir.resolve("package.sig"), s.signatureValue);

        openssl.verify("-certin", cert, signedInfo, sig).assertExit(0).assertLine(VERIFIED);
        openssl.verify("-certin", cert, InteropSamples.write(dir.resolve("changed.c14n"), InteropSamples.changeOneByte(s.signedInfo)), sig)
                .assertFailed().assertLine(NOT_VERIFIED);

        Path key = InteropSamples.pem(dir.resolve("key.pem"), pki.liquan.keys().getPrivate());
        assertArrayEquals(s.signatureValue, openssl.sign(key, signedInfo), "OpenSSL's Ed25519 value differs from the SDK's");
    }
}
