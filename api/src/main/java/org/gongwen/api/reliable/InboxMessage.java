package org.gongwen.api.reliable;

import java.sql.Connection;
import java.util.Objects;
import org.gongwen.api.exchange.ReceivedMessage;

/**
 * What the {@link InboxHandler} gets: the verified message, which attempt this is, and the
 * inbox's open database transaction.
 *
 * <p>Whatever the handler writes through {@link #transaction()} commits together with the inbox
 * marking the message handled, or not at all: that is what makes handling exactly-once across
 * crashes. Effects outside that transaction (a file, a call to another system) happen at least
 * once; use {@link #idempotencyKey()} to make them idempotent.
 */
public final class InboxMessage {
    private final ReceivedMessage message;
    private final int attempt;
    private final Connection transaction;

    /** Built by the SDK for each handler call. */
    public InboxMessage(ReceivedMessage message, int attempt, Connection transaction) {
        this.message = Objects.requireNonNull(message);
        this.attempt = attempt;
        this.transaction = Objects.requireNonNull(transaction);
    }

    /** The verified message; its package file lives in the inbox's folder and must not be moved or changed. */
    public ReceivedMessage message() { return message; }

    /** 1 for the first call for this message, 2 after one failure or interruption, and so on. */
    public int attempt() { return attempt; }

    /**
     * The inbox's transaction, on the database the inbox lives in. Use it for reads and writes; the
     * SDK commits it when the handler returns and rolls it back when the handler throws. Calls that
     * would end it or change how it works (commit, rollback, close, auto-commit, isolation) throw
     * {@link java.sql.SQLException}. Do not run DDL (CREATE TABLE ...) through it: some databases
     * (H2, MySQL) commit DDL at once, which would end the transaction early; create tables before
     * the exchange starts.
     */
    public Connection transaction() { return transaction; }

    /** {@code <sender>/<message id>}: the same on every attempt and on every redelivery. */
    public String idempotencyKey() {
        return message.entry().sender() + "/" + message.entry().messageId();
    }

    @Override
    public String toString() {
        return "InboxMessage{" + idempotencyKey() + ", attempt " + attempt + "}";
    }
}
