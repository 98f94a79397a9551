package org.gongwen.api.exchange;

/**
 * Where a message stands for one recipient (spec/transport.md, T-8). The state is derived from
 * the receipts the sender's home node holds; a later state never goes back to an earlier one.
 */
public enum DeliveryState {
    /** Accepted; not yet known to have reached the recipient's node. */
    ACCEPTED,
    /** On its way between nodes (a {@link ReceiptType#RELAYED} record came back). */
    RELAYED,
    /** The recipient fetched and verified it. */
    DELIVERED,
    /** The recipient signed for it (签收). Final. */
    SIGNED_FOR,
    /** The recipient returned it (退文). Final. */
    RETURNED,
    /** A node refused it for this recipient. Final. */
    REJECTED,
    /** It expired before delivery. Final. */
    EXPIRED,
    /** The sender withdrew it (撤销) before the recipient signed for it or returned it. Final. */
    WITHDRAWN;

    /** Whether nothing further can happen for this recipient. */
    public boolean isFinal() {
        return this == SIGNED_FOR || this == RETURNED || this == REJECTED || this == EXPIRED || this == WITHDRAWN;
    }
}
