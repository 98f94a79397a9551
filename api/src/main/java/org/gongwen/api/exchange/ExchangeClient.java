package org.gongwen.api.exchange;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;

/**
 * One organisation's connection to its home platform node over the HTTP binding of
 * spec/transport.md. Build one per application with
 * {@link org.gongwen.api.Gongwen#exchangeClient(ExchangeConfig)} and share it: it is thread-safe
 * and pools its connections. Close it when the application stops.
 *
 * <p>Every method makes at most one attempt of each request: the client never retries on its
 * own (HttpClient's retries are off). Failures are {@link GongwenException}s whose code says
 * whether a retry can help ({@link org.gongwen.api.ErrorCode#retryable()}). Every receipt the
 * node returns is verified against the configured trust policy before it is returned.
 */
public interface ExchangeClient extends AutoCloseable {
    /**
     * Submits a signed package, streaming it from disk.
     *
     * @return the home node's verified ACCEPTED receipt; for a package already submitted with the
     *     same bytes, the receipt issued the first time
     * @throws GongwenException the node's refusal with its code (for example {@code MSG-002} for
     *     other bytes under a used message id, {@code RTE-001} for an unknown recipient), a
     *     transport failure ({@code TRN-001}, {@code TRN-002}), or a receipt that does not verify
     */
    Receipt send(Path packageFile) throws GongwenException;

    /**
     * Lists the mailbox, waiting up to {@code wait} (capped at the configured maximum) for
     * something to arrive if it is empty.
     *
     * @return the waiting messages, oldest first; empty if nothing arrived in time
     */
    List<MailboxEntry> mailbox(Duration wait) throws GongwenException;

    /**
     * Downloads a message into {@code packageFile} (which must not exist), streaming it through
     * the digests, and verifies it. Nothing is acknowledged: call {@link #acknowledge} (or use
     * {@link #receive}) once the message is safely handled. On failure the file is not left behind.
     *
     * @return the verified message
     * @throws GongwenException the package's refusal code if it does not verify; {@code MSG-004} if
     *     the verified package is another message than the entry names; {@code AUT-002} if this
     *     organisation is not among its recipients; {@code TRN-002} if the bytes differ from the
     *     node's digest; {@code TRN-001} if the download broke off; {@code LOC-001} if the file
     *     exists or cannot be written
     */
    ReceivedMessage fetch(MailboxEntry entry, Path packageFile) throws GongwenException;

    /**
     * Posts the signed DELIVERED receipt for a fetched message; the node then removes it from the
     * mailbox. Posting it twice is harmless.
     *
     * @return the receipt this client signed
     */
    Receipt acknowledge(ReceivedMessage message) throws GongwenException;

    /**
     * Fetches every waiting message into {@code directory} (one {@code .gwpkg} file per message,
     * named by sender and id), hands each verified one to the handler and acknowledges it when the
     * handler returns. A message that does not verify never reaches the handler: the client answers
     * it with a signed REJECTED receipt carrying the error code, and deletes the file. A handler
     * that throws leaves its message in the mailbox, to be offered again; its file is deleted. A
     * failure that a retry may mend (the node cannot be reached) ends the round early: the
     * messages not yet reached are offered again next round. A file that an earlier round fetched
     * but could not acknowledge is verified again and handed over again if its SHA-256 is the
     * listed one; a file of that name with other bytes is never overwritten, and the message is
     * fetched into {@code <sender>_<id>-2.gwpkg} (or the next free number) instead.
     *
     * @return what happened in this round
     * @throws GongwenException if the mailbox cannot be listed
     */
    ReceiveResult receive(Path directory, Duration wait, MessageHandler handler) throws GongwenException;

    /**
     * 签收: posts a signed SIGNED_FOR receipt for a delivered document.
     *
     * @param signedBy the person or office that signed for it (1 to 200 characters)
     * @return the receipt this client signed
     * @throws GongwenException {@code MSG-005} if the document was already returned
     */
    Receipt signFor(VerifiedPackage document, String signedBy) throws GongwenException;

    /**
     * 退文: posts a signed RETURNED receipt for a delivered document.
     *
     * @param reason why (1 to 2000 characters; required)
     * @return the receipt this client signed
     * @throws GongwenException {@code MSG-005} if the document was already signed for
     */
    Receipt returnDocument(VerifiedPackage document, String reason) throws GongwenException;

    /**
     * 撤销: withdraws a document this organisation sent, for every recipient whose state is not
     * yet final (spec/lifecycle.md, C-2). Builds a signed WITHDRAWAL package from the message's
     * status (its conversation and recipients), sends it and returns the home node's ACCEPTED
     * receipt for it. Each recipient's home node then decides: the original's status shows
     * {@link ReceiptType#WITHDRAWN} for the recipient, or the withdrawal's status a
     * {@link ReceiptType#REJECTED} receipt with {@code MSG-005} if the recipient signed for the
     * document first.
     *
     * @param messageId the document's message id
     * @param reason why (1 to 2,000 characters)
     * @return the ACCEPTED receipt of the withdrawal message
     * @throws GongwenException {@code MSG-003} if the home node knows no such message from this
     *     organisation; {@code MSG-005} if every recipient has already signed for it, returned it,
     *     or it was withdrawn, expired or rejected for them; {@code LOC-002} for an empty or too
     *     long reason; the codes of {@link #send} for the withdrawal message itself
     */
    Receipt withdraw(UUID messageId, String reason) throws GongwenException;

    /**
     * 催办: reminds every recipient of a document this organisation sent whose state is not yet
     * final (spec/lifecycle.md, C-3). Builds, signs and sends a REMINDER package; each recipient's
     * home node records a {@link ReceiptType#REMINDED} entry on the original's timeline and puts
     * the reminder into the recipient's mailbox.
     *
     * @param messageId the document's message id
     * @param remark what the reminder says (1 to 2,000 characters)
     * @return the ACCEPTED receipt of the reminder message
     * @throws GongwenException {@code MSG-003} if the home node knows no such message from this
     *     organisation; {@code MSG-005} if no recipient is left to remind (every one signed for
     *     it, returned it, or it was withdrawn, expired or rejected); {@code LOC-002} for an empty
     *     or too long remark; the codes of {@link #send} for the reminder message itself
     */
    Receipt remind(UUID messageId, String remark) throws GongwenException;

    /**
     * Reads the per-recipient status of a message this organisation sent, every receipt verified.
     *
     * @throws GongwenException {@code MSG-003} if the home node knows no such message from this organisation
     */
    MessageStatus status(UUID messageId) throws GongwenException;

    /** Looks an organisation up in the platform directory. */
    Optional<DirectoryEntry> lookup(OrgCode organisation) throws GongwenException;

    /** The whole directory as the home node publishes it. */
    List<DirectoryEntry> directory() throws GongwenException;

    /** Releases the connection pool. */
    @Override
    void close();
}
