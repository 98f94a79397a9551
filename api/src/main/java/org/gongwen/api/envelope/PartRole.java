package org.gongwen.api.envelope;

/** The role of a payload part. */
public enum PartRole {
    /** 正文: the document body, OFD or PDF. Exactly one per document. */
    BODY,
    /** 附件: an attachment of any type. */
    ATTACHMENT
}
