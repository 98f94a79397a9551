package org.gongwen.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigFileTest {
    @TempDir
    Path dir;

    DevPki.Issued tls;
    Fixtures.Pki pki;

    @BeforeEach
    void writeKeys() throws Exception {
        pki = Fixtures.pki(SignatureProfile.SM2_SM3);
        DevPki.Authority tlsCa = DevPki.newAuthority(SignatureProfile.ECDSA_P256_SHA256, "TLS CA");
        tls = tlsCa.issueTls(Fixtures.LIQUAN.value(), "礼泉县人民政府办公室");
        DevPki.writePem(dir.resolve("keys/liquan.key.pem"), pki.liquan.keys().getPrivate());
        DevPki.writePem(dir.resolve("keys/liquan.cert.pem"), pki.liquan.certificate());
        DevPki.writePem(dir.resolve("keys/ca.cert.pem"), pki.ca.certificate());
        DevPki.writePem(dir.resolve("keys/tls.key.pem"), tls.keys().getPrivate());
        DevPki.writePem(dir.resolve("keys/tls.cert.pem"), tls.certificate());
        DevPki.writePem(dir.resolve("keys/tls-ca.cert.pem"), tlsCa.certificate());
    }

    private Path write(String text) throws Exception {
        Path f = dir.resolve("client.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static String good() {
        return "# 礼泉县人民政府办公室\n"
                + "organisation=116104250162020100\n"
                + "node=https://127.0.0.1:8443/\n"
                + "tls.key=keys/tls.key.pem\ntls.certificates=keys/tls.cert.pem\ntls.trust=keys/tls-ca.cert.pem\n"
                + "signing.profile=SM2_SM3\nsigning.key=keys/liquan.key.pem\nsigning.certificates=keys/liquan.cert.pem\n"
                + "trust.anchors=keys/ca.cert.pem\n";
    }

    @Test
    void readsAClientConfiguration() throws Exception {
        ExchangeConfig c = Gongwen.load().exchangeConfig(write(good()));
        assertEquals(URI.create("https://127.0.0.1:8443/"), c.node());
        assertEquals(tls.certificate(), c.tlsChain().get(0));
        assertEquals(pki.liquan.certificate(), c.signingIdentity().certificate());
        assertEquals(SignatureProfile.SM2_SM3, c.signingIdentity().profile());
        assertEquals(pki.ca.certificate(), c.trust().anchors().get(0));
        assertTrue(!c.toString().contains("PRIVATE"), c.toString());
    }

    @Test
    void refusesWhatItCannotUse() throws Exception {
        assertCode(ErrorCode.LOCAL_ARGUMENT, good() + "tls.password=secret\n");
        assertCode(ErrorCode.LOCAL_ARGUMENT, good().replace("node=https://127.0.0.1:8443/\n", ""));
        assertCode(ErrorCode.LOCAL_ARGUMENT, good().replace("organisation=116104250162020100", "organisation=11610400016001016Y"));
        assertCode(ErrorCode.LOCAL_ARGUMENT, good().replace("signing.profile=SM2_SM3", "signing.profile=SHA1"));
        assertCode(ErrorCode.LOCAL_ARGUMENT, good().replace("tls.trust=keys/tls-ca.cert.pem\n", ""));
        assertCode(ErrorCode.ALGORITHM_KEY, good().replace("signing.profile=SM2_SM3", "signing.profile=RSA_SHA256"));
        assertCode(ErrorCode.LOCAL_KEY, good().replace("keys/liquan.key.pem", "keys/missing.pem"));
    }

    private void assertCode(ErrorCode code, String text) throws Exception {
        Path f = write(text);
        assertEquals(code, assertThrows(GongwenException.class, () -> Gongwen.load().exchangeConfig(f)).code(), text);
    }
}
