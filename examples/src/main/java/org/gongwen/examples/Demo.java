package org.gongwen.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.id.DocumentId;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.keys.DevPki;

/**
 * The demo: a fresh development PKI, then 礼泉县人民政府办公室 packs and signs a report to
 * 咸阳市人民政府办公室 (主送) and 淳化县人民政府办公室 (抄送); 咸阳市 verifies it against the
 * CA, inspects it and extracts the parts; finally a copy with one changed byte is refused with
 * its stable error code. Run with {@code ./gongwen demo [--profile P] [--out DIR]}.
 */
public final class Demo {
    static final OrgCode LIQUAN = OrgCode.of("116104250162020100");
    static final OrgCode XIANYANG = OrgCode.of("11610400016001016Y");
    static final OrgCode CHUNHUA = OrgCode.of("11610430016303014D");

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        SignatureProfile profile = SignatureProfile.SM2_SM3;
        Path out = Path.of("demo-output");
        for (int i = 0; i < args.length; i++) {
            if ("--profile".equals(args[i]) && i + 1 < args.length) {
                profile = SignatureProfile.valueOf(args[++i]);
            } else if ("--out".equals(args[i]) && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else {
                System.err.println("usage: demo [--profile SM2_SM3|RSA_SHA256|ECDSA_P256_SHA256|ED25519] [--out DIR]");
                System.exit(2);
            }
        }
        System.exit(run(profile, out, System.out) ? 0 : 1);
    }

    /** Runs the demo; returns whether every step turned out as expected. */
    public static boolean run(SignatureProfile profile, Path out, PrintStream log) throws IOException, GongwenException {
        clean(out);
        Files.createDirectories(out);
        Gongwen gongwen = Gongwen.load();

        log.println("== 1. A development PKI (" + profile + ") ==");
        DevPki.Authority ca = DevPki.newAuthority(profile, "Gongwen Demo CA");
        SigningIdentity liquan = ca.issue(LIQUAN, "礼泉县人民政府办公室").identity();
        DevPki.writePem(out.resolve("ca.cert.pem"), ca.certificate());
        log.println("   CA:     " + name(ca.certificate()));
        log.println("   signer: " + name(liquan.certificate()));

        log.println("== 2. 礼泉县人民政府办公室 packs and signs a report ==");
        Path body = out.resolve("正文.pdf");
        Files.write(body, SamplePdf.page("Liquan County Government Office", "Report on the autumn harvest 2026", "(sample 正文 of the Gongwen demo)"));
        Path attachment = out.resolve("附件1 秋季农业生产统计表.csv");
        Files.writeString(attachment, "乡镇,播种面积(亩),产量(吨)\n城关镇,12000,5400\n烟霞镇,9800,4300\n", StandardCharsets.UTF_8);
        Header header = Header.builder().sender(LIQUAN).to(XIANYANG).cc(CHUNHUA).urgency(Urgency.URGENT).build();
        DocumentMetadata metadata = DocumentMetadata.builder()
                .kind(DocumentKind.REPORT)
                .documentId(DocumentId.generate("1.2.156.3005.2", LIQUAN, 1, 2026, DocumentKind.REPORT.code(), 7))
                .copyNumber("000001")
                .urgency(Urgency.URGENT)
                .issuerMark("礼泉县人民政府办公室文件")
                .documentNumber(DocumentNumber.parse("礼政办发〔2026〕7号"))
                .signatory("王礼")
                .title("礼泉县人民政府办公室关于2026年秋季农业生产情况的报告")
                .principalRecipients("咸阳市人民政府办公室")
                .attachmentNote("1．秋季农业生产统计表")
                .issuingAuthority("礼泉县人民政府办公室")
                .dateOfWriting(LocalDate.of(2026, 11, 20))
                .copyTo("淳化县人民政府办公室")
                .printingAuthority("礼泉县人民政府办公室")
                .printingDate(LocalDate.of(2026, 11, 21))
                .releaseLevel("不公开")
                .build();
        Path pkg = out.resolve("礼政办发-2026-7.gwpkg");
        Envelope signed = gongwen.newPackage().header(header).metadata(metadata)
                .body(body).attachment(attachment).signWith(liquan).writeTo(pkg);
        log.println("   message " + signed.header().messageId() + " -> " + pkg + " (" + Files.size(pkg) + " bytes)");

        log.println("== 3. 咸阳市人民政府办公室 verifies it against the CA ==");
        PackageVerifier verifier = gongwen.verifier(TrustPolicy.builder().trustAnchor(ca.certificate()).build());
        VerifiedPackage verified = verifier.extract(pkg, out.resolve("received"));
        Envelope env = verified.envelope();
        log.println("   VERIFIED " + verified.signer().profile() + ", signed by " + verified.signer().organisation()
                + " (" + name(verified.signer().certificate()) + ")");

        log.println("== 4. What it says ==");
        DocumentMetadata m = env.metadata();
        log.println("   文种     " + m.kind().label());
        log.println("   发文字号 " + m.documentNumber().map(Object::toString).orElse("-"));
        log.println("   标题     " + m.title());
        log.println("   紧急程度 " + m.urgency().map(Urgency::label).orElse("-"));
        log.println("   成文日期 " + m.dateOfWriting());
        log.println("   主送     " + env.header().to() + "  抄送 " + env.header().cc());
        for (Part p : env.manifest().parts()) {
            log.println("   " + (p.role() == org.gongwen.api.envelope.PartRole.BODY ? "正文" : "附件") + "     " + p.name() + " ("
                    + p.mediaType() + ", " + p.size() + " bytes, " + env.manifest().digestAlgorithm() + " "
                    + HexFormat.of().formatHex(p.digest()).substring(0, 16) + "...)");
        }
        log.println("   extracted to " + out.resolve("received"));
        boolean same = Files.mismatch(body, verified.extractedParts().get(body.getFileName().toString())) == -1
                && Files.mismatch(attachment, verified.extractedParts().get(attachment.getFileName().toString())) == -1;

        log.println("== 5. A copy with one changed byte in the attachment is refused ==");
        byte[] bytes = Files.readAllBytes(pkg);
        // the last part's data ends where the central directory starts: 46 bytes plus the name per entry, then 22
        int centralDirectory = 22 + 46 * 3 + "envelope.xml".length()
                + (body.getFileName().toString() + attachment.getFileName().toString()).getBytes(StandardCharsets.UTF_8).length;
        bytes[bytes.length - centralDirectory - 10] ^= 0x01;
        Path tampered = Files.write(out.resolve("tampered.gwpkg"), bytes);
        boolean refused = false;
        try {
            verifier.verify(tampered);
            log.println("   UNEXPECTED: the tampered copy verified");
        } catch (GongwenException e) {
            refused = true;
            log.println("   refused: " + e.getMessage());
        }
        boolean ok = same && refused && env.equals(signed);
        log.println(ok ? "Demo complete: the document was signed, verified, read and extracted; tampering was detected."
                : "Demo FAILED: see above.");
        return ok;
    }

    private static String name(java.security.cert.X509Certificate c) {
        return c.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253,
                java.util.Map.of("2.5.4.97", "organizationIdentifier"));
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
