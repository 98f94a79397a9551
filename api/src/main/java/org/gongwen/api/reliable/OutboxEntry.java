package org.gongwen.api.reliable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.OrgCode;

/**
 * A snapshot of one outgoing message in the outbox: its state, its attempts, the last error and
 * the verified receipts known so far. Immutable; read a fresh one for news.
 */
public final class OutboxEntry {
    private final UUID messageId;
    private final OrgCode sender;
    private final String packageSha256;
    private final long size;
    private final OutboxState state;
    private final int attempts;
    private final Instant queued;
    private final Instant nextAttempt;
    private final String lastErrorCode;
    private final String lastError;
    private final Receipt accepted;
    private final List<RecipientStatus> recipients;

    /** Built by the SDK from its store. */
    public OutboxEntry(UUID messageId, OrgCode sender, String packageSha256, long size, OutboxState state, int attempts,
            Instant queued, Instant nextAttempt, String lastErrorCode, String lastError, Receipt accepted,
            List<RecipientStatus> recipients) {
        this.messageId = Objects.requireNonNull(messageId);
        this.sender = Objects.requireNonNull(sender);
        this.packageSha256 = Objects.requireNonNull(packageSha256);
        this.size = size;
        this.state = Objects.requireNonNull(state);
        this.attempts = attempts;
        this.queued = Objects.requireNonNull(queued);
        this.nextAttempt = nextAttempt;
        this.lastErrorCode = lastErrorCode;
        this.lastError = lastError;
        this.accepted = accepted;
        this.recipients = List.copyOf(recipients);
    }

    /** The message id. */
    public UUID messageId() { return messageId; }

    /** The sending organisation. */
    public OrgCode sender() { return sender; }

    /** The SHA-256 of the package bytes, lower-case hex; every attempt sends these bytes. */
    public String packageSha256() { return packageSha256; }

    /** The package size in bytes. */
    public long size() { return size; }

    /** Where it stands. */
    public OutboxState state() { return state; }

    /** How many times it was handed to the node so far. */
    public int attempts() { return attempts; }

    /** When it was written to the outbox. */
    public Instant queued() { return queued; }

    /** When the next attempt is due, while {@link OutboxState#QUEUED}. */
    public Optional<Instant> nextAttempt() { return state == OutboxState.QUEUED ? Optional.ofNullable(nextAttempt) : Optional.empty(); }

    /** The code of the last failure ({@code TRN-001}, a refusal's code, ...), if any. */
    public Optional<String> lastErrorCode() { return Optional.ofNullable(lastErrorCode); }

    /** The text of the last failure, if any. */
    public Optional<String> lastError() { return Optional.ofNullable(lastError); }

    /** The home node's verified ACCEPTED receipt, once {@link OutboxState#ACCEPTED}. */
    public Optional<Receipt> accepted() { return Optional.ofNullable(accepted); }

    /**
     * Each recipient's state and verified receipts as last read from the home node (empty until
     * the first status read after acceptance).
     */
    public List<RecipientStatus> recipients() { return recipients; }

    @Override
    public String toString() {
        return "OutboxEntry{" + messageId + " " + state + ", " + attempts + " attempt(s)"
                + (lastErrorCode == null ? "" : ", last " + lastErrorCode) + "}";
    }
}
