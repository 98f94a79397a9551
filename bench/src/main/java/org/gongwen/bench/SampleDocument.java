package org.gongwen.bench;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Manifest;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartRole;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.crypto.Digests;

/**
 * The typical document the benchmarks sign: 礼泉县 sends a report to 咸阳市 (主送) with a copy
 * to 淳化县 (抄送), with the full GB/T 33480 metadata and a manifest of two parts (an OFD 正文
 * and a spreadsheet 附件). The same sample the SDK's own tests use, rebuilt here because the
 * benchmarks run from main code only.
 */
final class SampleDocument {
    static final OrgCode LIQUAN = OrgCode.of("116104250162020100");
    static final OrgCode XIANYANG = OrgCode.of("11610400016001016Y");
    static final OrgCode CHUNHUA = OrgCode.of("11610430016303014D");

    static final String LIQUAN_NAME = "礼泉县人民政府办公室";
    static final String BODY_NAME = "正文.ofd";
    static final String ATTACHMENT_NAME = "附件1 统计表.xlsx";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private SampleDocument() {
    }

    /** The routing header: one 主送, one 抄送, 加急. */
    static Header header() {
        return Header.builder().sender(LIQUAN).to(XIANYANG).cc(CHUNHUA).urgency(Urgency.URGENT)
                .created(Instant.parse("2026-11-26T08:00:00Z")).build();
    }

    /** The document metadata with every element a 报告 of this kind carries. */
    static DocumentMetadata metadata() {
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
                .issuingAuthority(LIQUAN_NAME)
                .dateOfWriting(LocalDate.of(2026, 11, 20))
                .copyTo("淳化县人民政府办公室")
                .printingAuthority(LIQUAN_NAME)
                .printingDate(LocalDate.of(2026, 11, 21))
                .releaseLevel("不公开")
                .build();
    }

    /** The whole envelope, with part digests of seeded pseudo-random contents in the given algorithm. */
    static Envelope envelope(DigestAlgorithm digest) {
        Manifest manifest = new Manifest(digest, List.of(
                new Part(BODY_NAME, PartRole.BODY, "application/ofd", 48_213, digestOf(digest, 48_213, 1)),
                new Part(ATTACHMENT_NAME, PartRole.ATTACHMENT, XLSX, 9_876, digestOf(digest, 9_876, 2))));
        return new Envelope(header(), metadata(), manifest);
    }

    private static byte[] digestOf(DigestAlgorithm alg, int size, long seed) {
        byte[] content = new byte[size];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            content[i] = (byte) r.nextInt(256);
        }
        MessageDigest md = Digests.newDigest(alg);
        return md.digest(content);
    }
}
