package org.gongwen.internal.transport;

import org.gongwen.api.exchange.ReceivedMessage;

/**
 * What fetching one mailbox entry for the inbox came to: the verified message, or the code and
 * text with which the package was refused (a REJECTED receipt was posted if it could be bound).
 */
public record FetchOutcome(ReceivedMessage message, String refusedCode, String refusedText) {
    /** Whether the package verified. */
    public boolean verified() {
        return message != null;
    }
}
