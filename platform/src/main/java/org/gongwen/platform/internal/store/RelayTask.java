package org.gongwen.platform.internal.store;

import java.util.List;
import java.util.UUID;
import org.gongwen.api.id.OrgCode;

/**
 * Something a node owes a neighbour: a message to relay or a receipt to pass on (T-6.3, T-6.4).
 *
 * @param relayId the task id
 * @param kind what is relayed
 * @param target the node id of the neighbour
 * @param sender the message's sender
 * @param messageId the message id
 * @param recipients for a message: the recipients handed over
 * @param receiptId for a receipt: its id
 * @param attempts failed attempts so far
 * @param nextMillis when to try next, in milliseconds since the epoch
 */
public record RelayTask(String relayId, Kind kind, String target, OrgCode sender, UUID messageId, List<OrgCode> recipients,
        UUID receiptId, int attempts, long nextMillis) {
    /** What a task relays. */
    public enum Kind { MESSAGE, RECEIPT }

    /** A new task due now. */
    public static RelayTask message(String target, OrgCode sender, UUID messageId, List<OrgCode> recipients, long now) {
        return new RelayTask(UUID.randomUUID().toString(), Kind.MESSAGE, target, sender, messageId, List.copyOf(recipients), null, 0, now);
    }

    /** A new task due now. */
    public static RelayTask receipt(String target, StoredReceipt r, long now) {
        return new RelayTask(UUID.randomUUID().toString(), Kind.RECEIPT, target, r.sender(), r.messageId(), List.of(), r.receiptId(), 0, now);
    }
}
