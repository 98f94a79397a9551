package org.gongwen.examples;

import java.nio.file.Path;
import java.time.LocalDate;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;

/**
 * The README's "Pack and sign a document", as a runnable main:
 * {@code PackAndSign KEY.pem CERT.pem BODY.ofd|pdf ATTACHMENT OUT.gwpkg}.
 */
public final class PackAndSign {
    private PackAndSign() {
    }

    public static void main(String[] args) throws GongwenException {
        if (args.length != 5) {
            System.err.println("usage: PackAndSign KEY.pem CERT.pem BODY ATTACHMENT OUT.gwpkg");
            System.exit(2);
        }
        Envelope signed = pack(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
        System.out.println("signed " + signed.header().messageId() + " -> " + args[4]);
    }

    static Envelope pack(Path key, Path cert, Path body, Path attachment, Path out) throws GongwenException {
        Gongwen gongwen = Gongwen.load();
        SigningIdentity me = gongwen.keys().readIdentity(SignatureProfile.SM2_SM3, key, cert, null);

        Header header = Header.builder()
                .sender(OrgCode.of("116104250162020100"))        // 礼泉县人民政府办公室
                .to(OrgCode.of("11610400016001016Y"))            // 主送 咸阳市人民政府办公室
                .cc(OrgCode.of("11610430016303014D"))            // 抄送 淳化县人民政府办公室
                .build();
        DocumentMetadata metadata = DocumentMetadata.builder()
                .kind(DocumentKind.REPORT).title("礼泉县人民政府办公室关于2026年秋季农业生产情况的报告")
                .documentNumber(DocumentNumber.parse("礼政办发〔2026〕7号"))
                .issuerMark("礼泉县人民政府办公室文件").issuingAuthority("礼泉县人民政府办公室")
                .dateOfWriting(LocalDate.of(2026, 11, 20)).build();

        return gongwen.newPackage().header(header).metadata(metadata)
                .body(body).attachment(attachment)
                .signWith(me).writeTo(out);
    }
}
