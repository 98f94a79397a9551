package org.gongwen.internal.envelope;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

class ManifestXml {
    @XmlAttribute(required = true)
    String digestAlgorithm;
    @XmlElement(name = "Part", required = true)
    List<PartXml> parts = new ArrayList<>();

    static class PartXml {
        @XmlAttribute(required = true)
        String name;
        @XmlAttribute(required = true)
        String role;
        @XmlAttribute(required = true)
        String mediaType;
        @XmlAttribute(required = true)
        long size;
        @XmlAttribute(required = true)
        byte[] digest;
    }
}
