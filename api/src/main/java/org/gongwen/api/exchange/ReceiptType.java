package org.gongwen.api.exchange;

/** What a signed receipt attests (spec/transport.md, T-7). The XML form is the constant's name. */
public enum ReceiptType {
    /** The sender's home node took the message: it verified, stored and will route it. Signed by that node. */
    ACCEPTED,
    /** A node took the message from the previous node on its way (a hop record). Signed by that node. */
    RELAYED,
    /** The recipient fetched the message from its mailbox and verified it. Signed by the recipient. */
    DELIVERED,
    /** 签收: the recipient signed for the document, naming who did. Signed by the recipient. */
    SIGNED_FOR,
    /** 退文: the recipient returned the document, with a reason. Signed by the recipient. */
    RETURNED,
    /**
     * A node refused the message for a recipient, or the recipient could not verify it, with an
     * error code. Signed by that node or by the recipient.
     */
    REJECTED,
    /**
     * 撤销: the sender withdrew the message for this recipient with a WITHDRAWAL message. Signed
     * by the recipient's home node, which took the decision (spec/lifecycle.md).
     */
    WITHDRAWN,
    /**
     * The message expired before it was delivered: on its way between nodes, or waiting in the
     * recipient's mailbox. Signed by the node that holds it.
     */
    EXPIRED,
    /**
     * 催办: the sender reminded this recipient with a REMINDER message. Signed by the recipient's
     * home node; a timeline entry that does not change the recipient's state.
     */
    REMINDED,
    /**
     * The recipient answered the message with a REPLY in the same conversation. Signed by the
     * recipient's home node; a timeline entry that does not change the recipient's state.
     */
    REPLIED;

    /** Whether a recipient organisation may issue receipts of this type. */
    public boolean issuedByRecipient() {
        return this == DELIVERED || this == SIGNED_FOR || this == RETURNED || this == REJECTED;
    }

    /** Whether a platform node may issue receipts of this type. */
    public boolean issuedByNode() {
        return this == ACCEPTED || this == RELAYED || this == REJECTED || this == EXPIRED
                || this == WITHDRAWN || this == REMINDED || this == REPLIED;
    }
}
