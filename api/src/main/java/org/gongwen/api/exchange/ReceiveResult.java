package org.gongwen.api.exchange;

import java.util.List;

/**
 * What one {@link ExchangeClient#receive} round did. Immutable.
 *
 * @param handled messages the handler took and that were acknowledged (DELIVERED)
 * @param rejected messages that did not verify, answered with REJECTED, each with its error
 * @param handlerFailures messages whose handler threw, or that could not be fetched or acknowledged
 *     this round for a reason that is not the message's fault (a local file problem, a node that is
 *     unreachable or answers inconsistently); they stay in the mailbox, and the exception says why
 */
public record ReceiveResult(List<ReceivedMessage> handled, List<Rejection> rejected, List<HandlerFailure> handlerFailures) {
    /** Copies the lists. */
    public ReceiveResult {
        handled = List.copyOf(handled);
        rejected = List.copyOf(rejected);
        handlerFailures = List.copyOf(handlerFailures);
    }

    /** A message that did not verify. */
    public record Rejection(MailboxEntry entry, String errorCode, String message) {
    }

    /** A message whose handler threw, or that could not be handed to it or acknowledged this round. */
    public record HandlerFailure(MailboxEntry entry, Exception error) {
    }
}
