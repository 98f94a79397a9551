package org.gongwen.interop;

import static org.gongwen.interop.OpenSslCommands.NOT_VERIFIED;
import static org.gongwen.interop.OpenSslCommands.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Random;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.crypto.SignatureEngines;
import org.gongwen.internal.pkg.RawPackage;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SM2 signature values interoperate with OpenSSL 3: SM3 digest, the SM2 user id
 * (distinguishing id) 1234567812345678, DER encoding of (r, s). Raw values both ways, then
 * the signature of a real SM2_SM3 package both ways: OpenSSL verifies the SDK's SignatureValue
 * over the exclusive canonical SignedInfo with the signer's certificate, and the SDK accepts a
 * package whose SignatureValue OpenSSL made. A wrong distinguishing id fails on both sides,
 * which shows the id is really in use.
 */
class Sm2OpenSslTest {
    private static final String DIST_ID = "distid:" + SignatureProfile.SM2_USER_ID;
    private static final String OTHER_DIST_ID = "distid:1234567812345679";

    @TempDir
    Path dir;

    private final Fixtures.Pki pki = Fixtures.pki(SignatureProfile.SM2_SM3);
    private final KeyPair keys = pki.liquan.keys();
    private OpenSslCommands openssl;
    private OpenSslCommands opensslOtherId;

    @BeforeEach
    void commands() {
        openssl = new OpenSslCommands(dir, "-digest", "sm3", "-pkeyopt", DIST_ID);
        opensslOtherId = new OpenSslCommands(dir, "-digest", "sm3", "-pkeyopt", OTHER_DIST_ID);
    }

    @Test
    void openSslVerifiesSdkSignatureValue() throws Exception {
        byte[] data = data();
        Path dataFile = InteropSamples.write(dir.resolve("data.bin"), data);
        Path sig = InteropSamples.write(dir.resolve("sdk.sig"), SignatureEngines.sign(SignatureProfile.SM2_SM3, keys.getPrivate(), data));
        Path pub = InteropSamples.pem(dir.resolve("pub.pem"), keys.getPublic());

        openssl.verify("-pubin", pub, dataFile, sig).assertExit(0).assertLine(VERIFIED);
        openssl.verify("-pubin", pub, InteropSamples.write(dir.resolve("changed.bin"), InteropSamples.changeOneByte(data)), sig)
                .assertFailed().assertLine(NOT_VERIFIED);
        opensslOtherId.verify("-pubin", pub, dataFile, sig).assertFailed().assertLine(NOT_VERIFIED);
    }

    @Test
    void sdkVerifiesOpenSslSignatureValue() throws Exception {
        byte[] data = data();
        Path dataFile = InteropSamples.write(dir.resolve("data.bin"), data);
        Path key = InteropSamples.pem(dir.resolve("key.pem"), keys.getPrivate());
        byte[] sig = openssl.sign(key, dataFile);
        assertEquals(0x30, sig[0] & 0xff, "OpenSSL writes SM2 values as a DER SEQUENCE");

        SignatureEngines.verify(SignatureProfile.SM2_SM3, keys.getPublic(), data, sig);
        GongwenException changed = assertThrows(GongwenException.class,
                () -> SignatureEngines.verify(SignatureProfile.SM2_SM3, keys.getPublic(), InteropSamples.changeOneByte(data), sig));
        assertEquals(ErrorCode.SIGNATURE_VALUE, changed.code(), changed.getMessage());

        byte[] otherId = opensslOtherId.sign(key, dataFile);
        GongwenException wrongId = assertThrows(GongwenException.class,
                () -> SignatureEngines.verify(SignatureProfile.SM2_SM3, keys.getPublic(), data, otherId));
        assertEquals(ErrorCode.SIGNATURE_VALUE, wrongId.code(), wrongId.getMessage());
    }

    @Test
    void openSslVerifiesSignatureOfSdkPackage() throws Exception {
        PackageSignature s = PackageSignature.of(RawPackage.read(InteropSamples.pack(dir, SignatureProfile.SM2_SM3)));
        assertArrayEquals(pki.liquan.certificate().getEncoded(), s.signerCertificate, "KeyInfo does not carry the signer's certificate first");
        Path cert = s.writeSignerCertificatePem(dir.resolve("signer.pem"));
        Path signedInfo = InteropSamples.write(dir.resolve("signedinfo.c14n"), s.signedInfo);
        Path sig = InteropSamples.write(dir.resolve("package.sig"), s.signatureValue);

        openssl.verify("-certin", cert, signedInfo, sig).assertExit(0).assertLine(VERIFIED);
        openssl.verify("-certin", cert, InteropSamples.write(dir.resolve("changed.c14n"), InteropSamples.changeOneByte(s.signedInfo)), sig)
                .assertFailed().assertLine(NOT_VERIFIED);
    }

    @Test
    void sdkAcceptsPackageWhoseSignatureValueOpenSslMade() throws Exception {
        RawPackage raw = RawPackage.read(InteropSamples.pack(dir, SignatureProfile.SM2_SM3));
        PackageSignature s = PackageSignature.of(raw);
        Path key = InteropSamples.pem(dir.resolve("key.pem"), keys.getPrivate());

        byte[] openSslValue = openssl.sign(key, InteropSamples.write(dir.resolve("signedinfo.c14n"), s.signedInfo));
        assertFalse(Arrays.equals(s.signatureValue, openSslValue), "the signature value was not replaced");
        s.replaceSignatureValue(openSslValue);
        Path pkg = raw.copy().envelope(s.envelope).write(dir.resolve("openssl-signed.gwpkg"));

        VerifiedPackage v = InteropSamples.GW.verifier(pki.trust()).verify(pkg);
        assertEquals(Fixtures.LIQUAN, v.signer().organisation());
        assertEquals(SignatureProfile.SM2_SM3, v.signer().profile());

        s.replaceSignatureValue(openssl.sign(key, InteropSamples.write(dir.resolve("changed.c14n"), InteropSamples.changeOneByte(s.signedInfo))));
        Path bad = raw.copy().envelope(s.envelope).write(dir.resolve("openssl-signed-other-bytes.gwpkg"));
        GongwenException e = assertThrows(GongwenException.class, () -> InteropSamples.GW.verifier(pki.trust()).verify(bad));
        assertEquals(ErrorCode.SIGNATURE_VALUE, e.code(), e.getMessage());
    }

    private static byte[] data() {
        byte[] tail = new byte[4096];
        new Random(31).nextBytes(tail);
        byte[] head = "礼泉县人民政府办公室关于2026年秋季农业生产情况的报告".getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, data, head.length, tail.length);
        return data;
    }
}
