package org.gongwen.internal.envelope;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

@XmlRootElement(name = "Envelope")
@XmlType(propOrder = {"header", "document", "manifest"})
class EnvelopeXml {
    @XmlAttribute(required = true)
    String version;
    @XmlElement(name = "Header", required = true)
    HeaderXml header;
    @XmlElement(name = "Document", required = true)
    DocumentXml document;
    @XmlElement(name = "Manifest", required = true)
    ManifestXml manifest;
}
