package org.gongwen.api.envelope;

/** What a message is. The XML form is the constant's name. */
public enum MessageType {
    /** An official document (公文). */
    DOCUMENT,
    /** A receipt about an earlier message. */
    RECEIPT,
    /** 退文: the recipient returns a document, with a reason. */
    RETURN,
    /** 撤销: the sender withdraws a document. */
    WITHDRAWAL,
    /** 催办: the sender reminds a recipient. */
    REMINDER,
    /** A reply in the same conversation. */
    REPLY
}
