package org.gongwen.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.SignatureEngines;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DevPkiPemTest {
    @TempDir
    Path dir;

    /** Version 1 is what every OpenSSL 3 reads; version 2 (RFC 5958) only from OpenSSL 3.5 on. */
    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void privateKeysArePkcs8Version1AndReadBack(SignatureProfile profile) throws Exception {
        DevPki.Issued liquan = Fixtures.pki(profile).liquan;
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        DevPki.writePem(key, liquan.keys().getPrivate());
        DevPki.writePem(cert, liquan.certificate());

        String pem = Files.readString(key, StandardCharsets.US_ASCII);
        assertEquals(0, pem.indexOf("-----BEGIN PRIVATE KEY-----\n"), pem.lines().findFirst().orElse(""));
        String body = pem.replaceAll("-----[A-Z ]+-----", "");
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(Base64.getMimeDecoder().decode(body));
        assertEquals(0, info.getVersion().intValueExact(), "PKCS#8 version");
        assertNull(info.getPublicKeyData(), "a version 1 key carries no public key");

        SigningIdentity read = new KeyFiles().readIdentity(profile, key, cert, null);
        byte[] data = "礼政办发〔2026〕7号".getBytes(StandardCharsets.UTF_8);
        SignatureEngines.verify(profile, liquan.certificate().getPublicKey(), data, SignatureEngines.sign(profile, read.privateKey(), data));
    }
}
