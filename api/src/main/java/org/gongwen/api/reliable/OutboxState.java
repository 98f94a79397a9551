package org.gongwen.api.reliable;

/** Where an outgoing message stands in the outbox. */
public enum OutboxState {
    /** Written to the outbox; waiting for its first attempt or for its next one after a failure a retry can mend. */
    QUEUED,
    /** The home node answered with a verified ACCEPTED receipt. Final for sending; recipients' receipts keep arriving. */
    ACCEPTED,
    /** The node refused it with an error no retry can mend, or the attempts allowed by the retry schedule ran out. Final. */
    FAILED,
    /** Its {@code Expires} passed before the node accepted it. Final. */
    EXPIRED;

    /** Whether the outbox will not send this message again. */
    public boolean isFinal() {
        return this != QUEUED;
    }
}
