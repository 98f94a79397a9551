package org.gongwen.internal.envelope;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

@XmlType(propOrder = {"kind", "documentId", "copyNumber", "classification", "urgency", "issuerMark", "documentNumber",
        "signatories", "title", "principalRecipients", "attachmentNotes", "issuingAuthority", "dateOfWriting",
        "annotation", "copyTo", "printingAuthority", "printingDate", "releaseLevel"})
class DocumentXml {
    @XmlElement(name = "Kind", required = true)
    String kind;
    @XmlElement(name = "DocumentId")
    String documentId;
    @XmlElement(name = "CopyNumber")
    String copyNumber;
    @XmlElement(name = "Classification")
    ClassificationXml classification;
    @XmlElement(name = "Urgency")
    String urgency;
    @XmlElement(name = "IssuerMark", required = true)
    String issuerMark;
    @XmlElement(name = "DocumentNumber")
    String documentNumber;
    @XmlElement(name = "Signatory")
    List<String> signatories = new ArrayList<>();
    @XmlElement(name = "Title", required = true)
    String title;
    @XmlElement(name = "PrincipalRecipients")
    String principalRecipients;
    @XmlElement(name = "AttachmentNote")
    List<String> attachmentNotes = new ArrayList<>();
    @XmlElement(name = "IssuingAuthority", required = true)
    String issuingAuthority;
    @XmlElement(name = "DateOfWriting", required = true)
    String dateOfWriting;
    @XmlElement(name = "Annotation")
    String annotation;
    @XmlElement(name = "CopyTo")
    String copyTo;
    @XmlElement(name = "PrintingAuthority")
    String printingAuthority;
    @XmlElement(name = "PrintingDate")
    String printingDate;
    @XmlElement(name = "ReleaseLevel")
    String releaseLevel;

    static class ClassificationXml {
        @XmlAttribute(required = true)
        String level;
        @XmlAttribute
        String period;
    }
}
