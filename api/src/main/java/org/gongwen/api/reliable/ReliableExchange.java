package org.gongwen.api.reliable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;

/**
 * An {@link org.gongwen.api.exchange.ExchangeClient} with a persistent outbox and inbox: nothing
 * lost, nothing twice (spec/reliability.md). Build one per application with
 * {@link org.gongwen.api.Gongwen#reliableExchange}, call {@link #start()} and keep it for the
 * application's life; it is thread-safe.
 *
 * <p><b>Sending.</b> {@link #send(Path)} copies the package into the outbox and commits a row
 * before anything goes on the wire, then returns. Background senders hand it to the home node and,
 * after a failure a retry can mend, hand the same bytes again under the same message id after a
 * bounded, jittered, exponentially growing pause, until the node accepts it (ACCEPTED), refuses it
 * for good (FAILED) or it expires (EXPIRED). After a crash, {@link #start()} picks up where the
 * outbox stood: an attempt whose answer was lost is simply made again, and the node answers a
 * repeated submission with the receipt it issued the first time. The status of accepted messages
 * is then read until every recipient is in a final state, and new receipts reach the listener.
 *
 * <p><b>Receiving.</b> With a handler configured, a background receiver fetches each waiting
 * message, verifies it, stores it in the inbox and commits, and only then acknowledges it
 * (DELIVERED). The handler is called for each stored message inside a transaction that also marks
 * it handled; a crash at any point leads to the message being handled again only if its
 * transaction did not commit. A handler that throws is called again later, and after the
 * configured number of attempts the message is parked for an operator ({@link #parked},
 * {@link #retryParked}). A message the node offers again (for example after its acknowledgement
 * was lost) is recognised by sender and id and acknowledged without a second handler call.
 *
 * <p>The {@code run...} methods do one round of each worker's work in the calling thread, for
 * applications that schedule work themselves and for tests; they may run beside the background
 * workers.
 */
public interface ReliableExchange extends AutoCloseable {
    /**
     * Writes a signed package to the outbox. When this returns, the message is safe on disk and in
     * the database; it is sent by the background senders (or by {@link #runSendRound()}). Writing
     * the same bytes again returns the existing entry.
     *
     * @throws GongwenException a package code if the file is not a well-formed signed package (its
     *     signature is checked by the node, not here); {@code LOC-002} if its sender is another
     *     organisation; {@code POL-001} if it is classified; {@code POL-002} if it has expired;
     *     {@code MSG-002} if another package with the same message id is already in the outbox;
     *     {@code LOC-001} if the store cannot be written
     */
    OutboxEntry send(Path packageFile) throws GongwenException;

    /** The outbox entry of a message this organisation sent, if there is one. */
    Optional<OutboxEntry> outboxEntry(UUID messageId) throws GongwenException;

    /** Up to {@code limit} outbox entries in the given state, oldest first. */
    List<OutboxEntry> outbox(OutboxState state, int limit) throws GongwenException;

    /** The inbox entry of a message received from {@code sender}, if there is one. */
    Optional<InboxEntry> inboxEntry(OrgCode sender, UUID messageId) throws GongwenException;

    /** Up to {@code limit} parked inbox entries, oldest first. */
    List<InboxEntry> parked(int limit) throws GongwenException;

    /**
     * Gives a parked message a new series of handler attempts.
     *
     * @throws GongwenException {@code MSG-003} if no such message is parked
     */
    void retryParked(OrgCode sender, UUID messageId) throws GongwenException;

    /**
     * Starts the background workers: the senders, the status reader and, if a handler is
     * configured, the receiver and the handler worker. Calling it again does nothing.
     *
     * @throws GongwenException if the store cannot be read
     */
    void start() throws GongwenException;

    /**
     * Hands every due outbox entry to the node once, in the calling thread.
     *
     * @return how many entries were attempted
     */
    int runSendRound() throws GongwenException;

    /**
     * Reads the status of every accepted message whose next read is due, in the calling thread.
     *
     * @return how many statuses were read
     */
    int runStatusRound() throws GongwenException;

    /**
     * Lists the mailbox (waiting up to {@code wait}), stores each new message in the inbox and
     * acknowledges it, in the calling thread; the handler is not called.
     *
     * @return how many messages were newly stored
     * @throws GongwenException if the mailbox cannot be listed
     */
    int runReceiveRound(Duration wait) throws GongwenException;

    /**
     * Calls the handler for every due inbox entry, in the calling thread.
     *
     * @return how many were handled
     * @throws IllegalStateException if no handler is configured
     */
    int runHandlerRound() throws GongwenException;

    /**
     * Counts of what this instance did since it was built: for the operator's dashboard and for
     * tests. Not persisted.
     */
    Counters counters();

    /**
     * Stops the workers and releases the store. A running send or handler call is waited for (up
     * to 30 s each); a mailbox request or download in progress is abandoned: nothing it had not
     * committed to the inbox was acknowledged, so the node offers it again.
     */
    @Override
    void close();

    /** What a {@link ReliableExchange} did since it was built. */
    record Counters(long attempts, long retries, long accepted, long gaveUp, long received,
            long duplicatesSuppressed, long handled, long handlerFailures, long parked) {
    }
}
