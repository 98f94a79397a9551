package org.gongwen.api.exchange;

/**
 * Application code that takes a received, verified message. Return normally to have the SDK post
 * DELIVERED and remove the message from the mailbox; throw to leave it there, to be offered again.
 */
@FunctionalInterface
public interface MessageHandler {
    /**
     * Handles one verified message.
     *
     * @throws Exception to refuse it for now; the SDK does not acknowledge it
     */
    void handle(ReceivedMessage message) throws Exception;
}
