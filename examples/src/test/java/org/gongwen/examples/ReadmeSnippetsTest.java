package org.gongwen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.gongwen.api.Gongwen;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.platform.DevPlatform;
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

    @Test
    void sendThenReceiveThroughTheDevelopmentPlatform() throws Exception {
        try (DevPlatform platform = DevPlatform.start(dir.resolve("platform"), SignatureProfile.SM2_SM3)) {
            Path body = Files.write(dir.resolve("正文.pdf"), SamplePdf.page("test"));
            Path pkg = dir.resolve("p.gwpkg");
            Gongwen.load().newPackage()
                    .header(Header.builder().sender(Demo.LIQUAN).to(Demo.XIANYANG).build())
                    .metadata(DocumentMetadata.builder().kind(DocumentKind.NOTICE).title("关于做好冬季安全生产工作的通知")
                            .issuerMark("礼泉县人民政府办公室文件").issuingAuthority("礼泉县人民政府办公室")
                            .dateOfWriting(LocalDate.of(2026, 11, 26)).build())
                    .body(body).signWith(platform.signingIdentity(Demo.LIQUAN)).writeTo(pkg);

            Receipt accepted = SendDocument.send(platform.clientConfig(Demo.LIQUAN), pkg);
            assertEquals(ReceiptType.ACCEPTED, accepted.type());
            assertEquals("GWNODE-610425", accepted.issuer());

            List<String> titles = List.of();
            for (int round = 0; round < 5 && titles.isEmpty(); round++) {   // the relay to 咸阳市 takes a moment
                titles = ReceiveDocuments.receive(platform.clientConfig(Demo.XIANYANG), dir.resolve("inbox"), Duration.ofSeconds(10));
            }
            assertEquals(List.of("关于做好冬季安全生产工作的通知"), titles);
            assertTrue(platform.awaitQuiet(Duration.ofSeconds(30)));
            try (ExchangeClient c = Gongwen.load().exchangeClient(platform.clientConfig(Demo.LIQUAN))) {
                assertEquals(DeliveryState.SIGNED_FOR, c.status(accepted.messageId()).recipient(Demo.XIANYANG).orElseThrow().state());
            }
        }
    }
}
