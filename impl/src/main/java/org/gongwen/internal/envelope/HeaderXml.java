package org.gongwen.internal.envelope;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

@XmlType(propOrder = {"messageId", "conversationId", "refToMessageId", "created", "expires", "sender", "to", "cc",
        "messageType", "urgency"})
class HeaderXml {
    @XmlElement(name = "MessageId", required = true)
    String messageId;
    @XmlElement(name = "ConversationId", required = true)
    String conversationId;
    @XmlElement(name = "RefToMessageId")
    String refToMessageId;
    @XmlElement(name = "Created", required = true)
    String created;
    @XmlElement(name = "Expires")
    String expires;
    @XmlElement(name = "Sender", required = true)
    String sender;
    @XmlElement(name = "To", required = true)
    List<String> to = new ArrayList<>();
    @XmlElement(name = "Cc")
    List<String> cc = new ArrayList<>();
    @XmlElement(name = "MessageType", required = true)
    String messageType;
    @XmlElement(name = "Urgency")
    String urgency;
}
