package org.gongwen.bench.exchange;

import java.time.LocalDate;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.id.OrgCode;

/** The 通知 the exchange benchmarks send: a fresh header (new message id, created now) and the usual metadata. */
final class Documents {
    /** The part name of the 正文. */
    static final String BODY_NAME = "正文.ofd";
    /** Its media type. */
    static final String BODY_TYPE = "application/ofd";

    private Documents() {
    }

    /** A header for a new message from {@code sender} to {@code recipient} (主送), 平急. */
    static Header header(OrgCode sender, OrgCode recipient) {
        return Header.builder().sender(sender).to(recipient).urgency(Urgency.ROUTINE).build();
    }

    /** The metadata of a 通知 from the named sender to the named recipient. */
    static DocumentMetadata metadata(String senderName, String senderMark, String recipientName) {
        return DocumentMetadata.builder()
                .kind(DocumentKind.NOTICE)
                .copyNumber("000001")
                .issuerMark(senderName + "文件")
                .documentNumber(DocumentNumber.parse(senderMark + "〔2026〕12号"))
                .signatory("李四")
                .title(senderName + "关于做好2026年冬季安全生产工作的通知")
                .principalRecipients(recipientName)
                .issuingAuthority(senderName)
                .dateOfWriting(LocalDate.of(2026, 11, 20))
                .printingAuthority(senderName)
                .printingDate(LocalDate.of(2026, 11, 21))
                .releaseLevel("不公开")
                .build();
    }
}
