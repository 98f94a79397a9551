package org.gongwen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's two snippets (PackAndSign, VerifyPackage) on PEM files of a fresh PKI. */
class ReadmeSnippetsTest {
    @TempDir
    Path dir;

    @Test
    void packThenVerifyWithPemFilesAndCrl() throws Exception {
        DevPki.Authority ca = DevPki.newAuthority(SignatureProfile.SM2_SM3, "Snippet CA");
        DevPki.Issued liquan = ca.issue(Demo.LIQUAN, "礼泉县人民政府办公室");
        DevPki.writePem(dir.resolve("ca.cert.pem"), ca.certificate());
        DevPki.writePem(dir.resolve("ca.crl.pem"), ca.crl());
        DevPki.writePem(dir.resolve("key.pem"), liquan.keys().getPrivate());
        DevPki.writePem(dir.resolve("cert.pem"), liquan.certificate());
        Path body = Files.write(dir.resolve("正文.pdf"), SamplePdf.page("test"));
        Path att = Files.writeString(dir.resolve("附件1.csv"), "a,b\n1,2\n");

        Envelope signed = PackAndSign.pack(dir.resolve("key.pem"), dir.resolve("cert.pem"), body, att, dir.resolve("p.gwpkg"));
        VerifiedPackage v = VerifyPackage.verify(dir.resolve("ca.cert.pem"), dir.resolve("ca.crl.pem"), dir.resolve("p.gwpkg"), dir.resolve("in"));
        assertEquals(signed, v.envelope());
        assertEquals(-1, Files.mismatch(att, v.extractedParts().get("附件1.csv")));

        DevPki.writePem(dir.resolve("ca.crl.pem"), ca.crl(liquan.certificate()));
        GongwenException e = assertThrows(GongwenException.class, () -> VerifyPackage.verify(dir.resolve("ca.cert.pem"),
                dir.resolve("ca.crl.pem"), dir.resolve("p.gwpkg"), dir.resolve("in2")));
        assertEquals(ErrorCode.TRUST_REVOKED, e.code(), e.getMessage());
        assertEquals(false, Files.exists(dir.resolve("in2/附件1.csv")));
    }
}
