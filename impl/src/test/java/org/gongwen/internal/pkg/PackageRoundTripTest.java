package org.gongwen.internal.pkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PackageRoundTripTest {
    private static final Gongwen GW = Gongwen.load();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void packSignVerifyExtract(SignatureProfile profile) throws Exception {
        Fixtures.Pki pki = Fixtures.pki(profile);
        Path body = Fixtures.file(dir, "正文.ofd", 10_000, 1);
        Path att = Fixtures.file(dir, "附件1 统计表.xlsx", 3_000, 2);
        Path pkg = dir.resolve("out.gwpkg");
        Envelope written = GW.newPackage().header(Fixtures.header()).metadata(Fixtures.metadata())
                .body(body).attachment(att).signWith(pki.liquan.identity()).writeTo(pkg);

        VerifiedPackage v = GW.verifier(pki.trust()).verify(pkg);
        assertEquals(written, v.envelope());
        assertEquals(Fixtures.LIQUAN, v.signer().organisation());
        assertEquals(profile, v.signer().profile());

        Path out = dir.resolve("extracted");
        VerifiedPackage x = GW.verifier(pki.trust()).extract(pkg, out);
        assertArrayEquals(Files.readAllBytes(body), Files.readAllBytes(x.extractedParts().get("正文.ofd")));
        assertArrayEquals(Files.readAllBytes(att), Files.readAllBytes(x.extractedParts().get("附件1 统计表.xlsx")));
    }

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void otherCaIsUntrusted(SignatureProfile profile) throws Exception {
        Path body = Fixtures.file(dir, "正文.pdf", 100, 1);
        Path pkg = dir.resolve("out.gwpkg");
        GW.newPackage().header(Fixtures.header()).metadata(Fixtures.metadata()).body(body)
                .signWith(Fixtures.pki(profile).liquan.identity()).writeTo(pkg);
        SignatureProfile other = profile == SignatureProfile.RSA_SHA256 ? SignatureProfile.ED25519 : SignatureProfile.RSA_SHA256;
        GongwenException e = assertThrows(GongwenException.class, () -> GW.verifier(Fixtures.pki(other).trust()).verify(pkg));
        assertEquals(ErrorCode.TRUST_PATH, e.code(), e.getMessage());
    }
}
