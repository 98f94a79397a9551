package org.gongwen.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.gongwen.api.Gongwen;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys written as PEM and read back with {@link KeyFiles} sign packages that verify, for every profile. */
class PemKeySigningTest {
    private static final Gongwen GW = Gongwen.load();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void keyReadFromPemSigns(SignatureProfile profile) throws Exception {
        Fixtures.Pki pki = Fixtures.pki(profile);
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        DevPki.writePem(key, pki.liquan.keys().getPrivate());
        DevPki.writePem(cert, pki.liquan.certificate());
        SigningIdentity read = GW.keys().readIdentity(profile, key, cert, null);

        Path pkg = dir.resolve("out.gwpkg");
        GW.newPackage().header(Fixtures.header()).metadata(Fixtures.metadata())
                .body(Fixtures.file(dir, "正文.pdf", 1000, 1)).signWith(read).writeTo(pkg);
        VerifiedPackage v = GW.verifier(pki.trust()).verify(pkg);
        assertEquals(profile, v.signer().profile());
    }
}
