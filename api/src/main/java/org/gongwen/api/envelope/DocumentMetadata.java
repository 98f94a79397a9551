package org.gongwen.api.envelope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gongwen.api.id.DocumentId;
import org.gongwen.api.id.DocumentNumber;

/**
 * The document metadata: the 18 core elements of GB/T 33480, in the order of GB/T 9704-2012.
 * Required: 文种, 发文机关标志, 标题, 发文机关署名, 成文日期. Immutable; build with
 * {@link #builder()}.
 */
public final class DocumentMetadata {
    private final DocumentId documentId;
    private final DocumentKind kind;
    private final String copyNumber;
    private final Classification classification;
    private final Urgency urgency;
    private final String issuerMark;
    private final DocumentNumber documentNumber;
    private final List<String> signatories;
    private final String title;
    private final String principalRecipients;
    private final List<String> attachmentNotes;
    private final String issuingAuthority;
    private final LocalDate dateOfWriting;
    private final String annotation;
    private final String copyTo;
    private final String printingAuthority;
    private final LocalDate printingDate;
    private final String releaseLevel;

    private DocumentMetadata(Builder b) {
        this.documentId = b.documentId;
        this.kind = Checks.required("kind (文种)", b.kind);
        this.copyNumber = b.copyNumber;
        this.classification = b.classification;
        this.urgency = b.urgency;
        this.issuerMark = Checks.text("issuerMark (发文机关标志)", Checks.required("issuerMark (发文机关标志)", b.issuerMark), 200);
        this.documentNumber = b.documentNumber;
        this.signatories = Checks.list("signatories (签发人)", b.signatories, 20);
        this.title = Checks.text("title (标题)", Checks.required("title (标题)", b.title), 500);
        this.principalRecipients = Checks.optionalText("principalRecipients (主送机关)", b.principalRecipients, 2000);
        this.attachmentNotes = Checks.list("attachmentNotes (附件说明)", b.attachmentNotes, 200);
        this.issuingAuthority = Checks.text("issuingAuthority (发文机关署名)",
                Checks.required("issuingAuthority (发文机关署名)", b.issuingAuthority), 500);
        this.dateOfWriting = Checks.required("dateOfWriting (成文日期)", b.dateOfWriting);
        this.annotation = Checks.optionalText("annotation (附注)", b.annotation, 2000);
        this.copyTo = Checks.optionalText("copyTo (抄送机关)", b.copyTo, 2000);
        this.printingAuthority = Checks.optionalText("printingAuthority (印发机关)", b.printingAuthority, 200);
        this.printingDate = b.printingDate;
        this.releaseLevel = Checks.optionalText("releaseLevel (发布层次)", b.releaseLevel, 50);
        if (urgency == Urgency.ROUTINE) {
            throw new IllegalArgumentException("a document's 紧急程度 is 特急 or 加急; 平急 is for routing only");
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's fields. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.documentId = documentId;
        b.kind = kind;
        b.copyNumber = copyNumber;
        b.classification = classification;
        b.urgency = urgency;
        b.issuerMark = issuerMark;
        b.documentNumber = documentNumber;
        b.signatories.addAll(signatories);
        b.title = title;
        b.principalRecipients = principalRecipients;
        b.attachmentNotes.addAll(attachmentNotes);
        b.issuingAuthority = issuingAuthority;
        b.dateOfWriting = dateOfWriting;
        b.annotation = annotation;
        b.copyTo = copyTo;
        b.printingAuthority = printingAuthority;
        b.printingDate = printingDate;
        b.releaseLevel = releaseLevel;
        return b;
    }

    /** 公文标识. */
    public Optional<DocumentId> documentId() { return Optional.ofNullable(documentId); }

    /** 文种. */
    public DocumentKind kind() { return kind; }

    /** 份号: six digits. */
    public Optional<String> copyNumber() { return Optional.ofNullable(copyNumber); }

    /** 密级和保密期限. A document that has one is refused for exchange. */
    public Optional<Classification> classification() { return Optional.ofNullable(classification); }

    /** 紧急程度. */
    public Optional<Urgency> urgency() { return Optional.ofNullable(urgency); }

    /** 发文机关标志. */
    public String issuerMark() { return issuerMark; }

    /** 发文字号. */
    public Optional<DocumentNumber> documentNumber() { return Optional.ofNullable(documentNumber); }

    /** 签发人, in order. */
    public List<String> signatories() { return signatories; }

    /** 标题. */
    public String title() { return title; }

    /** 主送机关, as printed on the document. */
    public Optional<String> principalRecipients() { return Optional.ofNullable(principalRecipients); }

    /** 附件说明: one entry per attachment, in order. */
    public List<String> attachmentNotes() { return attachmentNotes; }

    /** 发文机关署名. */
    public String issuingAuthority() { return issuingAuthority; }

    /** 成文日期. */
    public LocalDate dateOfWriting() { return dateOfWriting; }

    /** 附注. */
    public Optional<String> annotation() { return Optional.ofNullable(annotation); }

    /** 抄送机关, as printed on the document. */
    public Optional<String> copyTo() { return Optional.ofNullable(copyTo); }

    /** 印发机关. */
    public Optional<String> printingAuthority() { return Optional.ofNullable(printingAuthority); }

    /** 印发日期. */
    public Optional<LocalDate> printingDate() { return Optional.ofNullable(printingDate); }

    /** 发布层次, for example 公开 or 不公开. */
    public Optional<String> releaseLevel() { return Optional.ofNullable(releaseLevel); }

    private List<Object> fields() {
        return java.util.Arrays.asList(documentId, kind, copyNumber, classification, urgency, issuerMark, documentNumber,
                signatories, title, principalRecipients, attachmentNotes, issuingAuthority, dateOfWriting, annotation,
                copyTo, printingAuthority, printingDate, releaseLevel);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentMetadata && ((DocumentMetadata) o).fields().equals(fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    @Override
    public String toString() {
        return "DocumentMetadata{" + kind.label() + " " + (documentNumber == null ? "" : documentNumber + " ") + title + "}";
    }

    /** Builds {@link DocumentMetadata}. Not thread-safe. */
    public static final class Builder {
        private DocumentId documentId;
        private DocumentKind kind;
        private String copyNumber;
        private Classification classification;
        private Urgency urgency;
        private String issuerMark;
        private DocumentNumber documentNumber;
        private final List<String> signatories = new ArrayList<>();
        private String title;
        private String principalRecipients;
        private final List<String> attachmentNotes = new ArrayList<>();
        private String issuingAuthority;
        private LocalDate dateOfWriting;
        private String annotation;
        private String copyTo;
        private String printingAuthority;
        private LocalDate printingDate;
        private String releaseLevel;

        private Builder() {
        }

        /** Sets 公文标识. */
        public Builder documentId(DocumentId v) { documentId = v; return this; }

        /** Sets 文种 (required). */
        public Builder kind(DocumentKind v) { kind = v; return this; }

        /**
         * Sets 份号.
         *
         * @throws IllegalArgumentException if it is not six digits
         */
        public Builder copyNumber(String v) {
            if (v != null && !v.matches("[0-9]{6}")) {
                throw new IllegalArgumentException("份号 must be six digits, e.g. 000001; found '" + v + "'");
            }
            copyNumber = v;
            return this;
        }

        /** Sets 密级和保密期限. Such a document will be refused for exchange ({@code POL-001}). */
        public Builder classification(Classification v) { classification = v; return this; }

        /** Sets 紧急程度 (特急 or 加急). */
        public Builder urgency(Urgency v) { urgency = v; return this; }

        /** Sets 发文机关标志 (required). */
        public Builder issuerMark(String v) { issuerMark = v; return this; }

        /** Sets 发文字号. */
        public Builder documentNumber(DocumentNumber v) { documentNumber = v; return this; }

        /** Adds 签发人. */
        public Builder signatory(String name) {
            signatories.add(Checks.text("signatory (签发人)", name, 50));
            return this;
        }

        /** Sets 标题 (required). */
        public Builder title(String v) { title = v; return this; }

        /** Sets 主送机关 as printed. */
        public Builder principalRecipients(String v) { principalRecipients = v; return this; }

        /** Adds a 附件说明 line. */
        public Builder attachmentNote(String v) {
            attachmentNotes.add(Checks.text("attachmentNote (附件说明)", v, 500));
            return this;
        }

        /** Sets 发文机关署名 (required). */
        public Builder issuingAuthority(String v) { issuingAuthority = v; return this; }

        /** Sets 成文日期 (required). */
        public Builder dateOfWriting(LocalDate v) { dateOfWriting = v; return this; }

        /** Sets 附注. */
        public Builder annotation(String v) { annotation = v; return this; }

        /** Sets 抄送机关 as printed. */
        public Builder copyTo(String v) { copyTo = v; return this; }

        /** Sets 印发机关. */
        public Builder printingAuthority(String v) { printingAuthority = v; return this; }

        /** Sets 印发日期. */
        public Builder printingDate(LocalDate v) { printingDate = v; return this; }

        /** Sets 发布层次. */
        public Builder releaseLevel(String v) { releaseLevel = v; return this; }

        /**
         * Builds the metadata.
         *
         * @throws IllegalStateException if a required element is missing
         * @throws IllegalArgumentException if a value breaks its rule
         */
        public DocumentMetadata build() {
            return new DocumentMetadata(this);
        }
    }
}
