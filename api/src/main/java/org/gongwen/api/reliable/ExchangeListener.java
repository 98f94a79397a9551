package org.gongwen.api.reliable;

import org.gongwen.api.exchange.Receipt;

/**
 * Told what happens to messages in the outbox and inbox. Every method is called after the change
 * is committed to the store, from an SDK worker thread; it should return quickly and must not
 * throw (what it throws is logged and ignored). The store stays the truth: a listener call can be
 * missed if the application stops at the wrong moment, so read {@link ReliableExchange#outboxEntry}
 * after a restart rather than relying on calls alone. Every method does nothing by default.
 */
public interface ExchangeListener {
    /** The home node accepted an outgoing message. */
    default void accepted(OutboxEntry entry) {
    }

    /** An attempt failed in a way a retry can mend; another attempt is scheduled. */
    default void retrying(OutboxEntry entry) {
    }

    /** An outgoing message reached {@link OutboxState#FAILED} or {@link OutboxState#EXPIRED}. */
    default void gaveUp(OutboxEntry entry) {
    }

    /** A new verified receipt from or about a recipient of an outgoing message (DELIVERED, SIGNED_FOR, ...). */
    default void receipt(OutboxEntry entry, Receipt receipt) {
    }

    /** An incoming message was stored in the inbox (its DELIVERED acknowledgement is posted next). */
    default void received(InboxEntry entry) {
    }

    /** The handler's transaction for an incoming message committed. */
    default void handled(InboxEntry entry) {
    }

    /** An incoming message was parked after its last allowed handler failure. */
    default void parked(InboxEntry entry) {
    }
}
