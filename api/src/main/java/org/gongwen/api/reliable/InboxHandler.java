package org.gongwen.api.reliable;

/**
 * The application's handling of one incoming message, called by {@link ReliableExchange} with a
 * verified message and an open transaction. Return normally to mark the message handled (the
 * transaction commits); throw to roll back and have it offered again later, up to the configured
 * number of attempts, after which it is {@linkplain InboxState#PARKED parked}. Called from the
 * SDK's worker thread, for one message at a time.
 */
@FunctionalInterface
public interface InboxHandler {
    /** Handles one message. */
    void handle(InboxMessage message) throws Exception;
}
