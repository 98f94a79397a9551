package org.gongwen.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.keys.DevPki;

/**
 * Shared test fixtures: the sample organisations of the design brief, one development PKI per
 * profile (made once per JVM; key generation is the slow part), and sample documents.
 */
public final class Fixtures {
    public static final OrgCode SHAANXI = OrgCode.of("11610000016606015T");
    public static final OrgCode XIAN = OrgCode.of("11610100016505011R");
    public static final OrgCode XIANYANG = OrgCode.of("11610400016001016Y");
    public static final OrgCode LIQUAN = OrgCode.of("116104250162020100");
    public static final OrgCode CHUNHUA = OrgCode.of("11610430016303014D");
    public static final OrgCode BINZHOU = OrgCode.of("11610482016404018X");

    private static final Map<SignatureProfile, Pki> PKIS = new EnumMap<>(SignatureProfile.class);

    private Fixtures() {
    }

    /** A CA with certificates for 礼泉县 (sender) and 咸阳市. */
    public static final class Pki {
        public final DevPki.Authority ca;
        public final DevPki.Issued liquan;
        public final DevPki.Issued xianyang;

        Pki(SignatureProfile p) {
            ca = DevPki.newAuthority(p, "Gongwen Test CA " + p);
            liquan = ca.issue(LIQUAN, "礼泉县人民政府办公室");
            xianyang = ca.issue(XIANYANG, "咸阳市人民政府办公室");
        }

        public TrustPolicy trust() {
            return TrustPolicy.builder().trustAnchor(ca.certificate()).build();
        }
    }

    public static synchronized Pki pki(SignatureProfile p) {
        return PKIS.computeIfAbsent(p, Pki::new);
    }

    public static Header header() {
        return Header.builder().sender(LIQUAN).to(XIANYANG).cc(CHUNHUA).urgency(Urgency.URGENT)
                .created(Instant.parse("2026-11-26T08:00:00Z")).build();
    }

    public static DocumentMetadata metadata() {
        return DocumentMetadata.builder()
                .kind(DocumentKind.REPORT)
                .copyNumber("000001")
                .urgency(Urgency.URGENT)
                .issuerMark("礼泉县人民政府办公室文件")
                .documentNumber(DocumentNumber.parse("礼政办发〔2026〕7号"))
                .signatory("张三")
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
    }

    /** Writes a file of {@code size} pseudo-random bytes from {@code seed}. */
    public static Path file(Path dir, String name, long size, long seed) throws IOException {
        Path f = dir.resolve(name);
        Random r = new Random(seed);
        byte[] buf = new byte[8192];
        try (var out = Files.newOutputStream(f)) {
            long left = size;
            while (left > 0) {
                r.nextBytes(buf);
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
        }
        return f;
    }
}
