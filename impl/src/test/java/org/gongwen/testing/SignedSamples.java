package org.gongwen.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.id.DocumentId;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.sign.SignatureProfile;

/**
 * Valid signed packages to start mutations from, made once per profile and JVM: the plain
 * sample of {@link Fixtures}, and a rich one with every metadata element, characters that XML
 * escapes, supplementary-plane characters, several recipients and an empty attachment.
 */
public final class SignedSamples {
    /** How many samples there are per profile. */
    public static final int COUNT = 2;

    private static final Map<SignatureProfile, PackageSpec.Written[]> PACKAGES = new EnumMap<>(SignatureProfile.class);

    private SignedSamples() {
    }

    /** The sample specifications, in index order. */
    public static PackageSpec spec(int which) {
        switch (which) {
            case 0:
                return new PackageSpec(Fixtures.header(), Fixtures.metadata(), List.of(
                        new PackageSpec.PartSpec("正文.ofd", "application/ofd", 3000, 1),
                        new PackageSpec.PartSpec("附件1 统计表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 700, 2)));
            case 1:
                return new PackageSpec(richHeader(), richMetadata(), List.of(
                        new PackageSpec.PartSpec("关于印发《方案》的通知.pdf", "application/pdf", 2000, 3),
                        new PackageSpec.PartSpec("附件1 方案 (A&B).txt", "text/plain", 300, 4),
                        new PackageSpec.PartSpec("\uD840\uDC00空.bin", "application/octet-stream", 0, 5)));
            default:
                throw new IllegalArgumentException("no sample " + which);
        }
    }

    /** The signed package bytes of sample {@code which} under {@code profile}. */
    public static synchronized PackageSpec.Written pkg(SignatureProfile profile, int which) throws GongwenException {
        PackageSpec.Written[] all = PACKAGES.computeIfAbsent(profile, p -> new PackageSpec.Written[COUNT]);
        if (all[which] == null) {
            all[which] = spec(which).write(profile);
        }
        return all[which];
    }

    /** The signed envelope.xml of sample {@code which}: the data of the package's first entry. */
    public static byte[] envelopeXml(SignatureProfile profile, int which) throws GongwenException {
        byte[] zip = pkg(profile, which).bytes;
        int size = u16(zip, 18) | u16(zip, 20) << 16;
        int start = 30 + u16(zip, 26) + u16(zip, 28);
        return Arrays.copyOfRange(zip, start, start + size);
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static Header richHeader() {
        Instant created = Instant.parse("2026-11-26T08:30:00.250Z");
        return Header.builder().messageId(UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"))
                .conversationId(UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3"))
                .refToMessageId(UUID.fromString("ffffffff-0000-4000-8000-000000000001"))
                .created(created).expires(created.plusSeconds(30L * 24 * 3600))
                .sender(Fixtures.LIQUAN).to(Fixtures.XIANYANG, Fixtures.SHAANXI).cc(Fixtures.CHUNHUA, Fixtures.BINZHOU, Fixtures.XIAN)
                .urgency(Urgency.EXTRA_URGENT).build();
    }

    private static DocumentMetadata richMetadata() {
        return DocumentMetadata.builder().kind(DocumentKind.NOTICE)
                .documentId(DocumentId.generate("1.2.156.3005.2", Fixtures.LIQUAN, 1, 2026, DocumentKind.NOTICE.code(), 12))
                .copyNumber("000042").urgency(Urgency.EXTRA_URGENT).issuerMark("礼泉县人民政府办公室文件 <&\"'>")
                .documentNumber(DocumentNumber.of("礼政办发", 2026, 12)).signatory("张三").signatory("\uD840\uDC00四")
                .title("礼泉县人民政府办公室关于印发《2026年 \"A&B\" <试点> 工作方案》的通知 \uD83D\uDE00")
                .principalRecipients("各乡镇人民政府，县政府各工作部门、各直属机构")
                .attachmentNote("1．工作方案").attachmentNote("2．任务分工表 <xlsx> & 说明")
                .issuingAuthority("礼泉县人民政府办公室").dateOfWriting(LocalDate.of(2026, 11, 20))
                .annotation("联系人：李四\n电话：029-00000000\t]]>").copyTo("县委办公室，县人大常委会办公室，县政协办公室")
                .printingAuthority("礼泉县人民政府办公室").printingDate(LocalDate.of(2026, 11, 21)).releaseLevel("主动公开")
                .build();
    }
}
