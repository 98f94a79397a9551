package org.gongwen.api.reliable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.id.OrgCode;

/** A snapshot of one incoming message in the inbox. Immutable. */
public final class InboxEntry {
    private final OrgCode sender;
    private final UUID messageId;
    private final MessageType messageType;
    private final String packageSha256;
    private final Path packageFile;
    private final InboxState state;
    private final int attempts;
    private final Instant received;
    private final Instant handled;
    private final String lastErrorCode;
    private final String lastError;

    /** Built by the SDK from its store. */
    public InboxEntry(OrgCode sender, UUID messageId, MessageType messageType, String packageSha256, Path packageFile,
            InboxState state, int attempts, Instant received, Instant handled, String lastErrorCode, String lastError) {
        this.sender = Objects.requireNonNull(sender);
        this.messageId = Objects.requireNonNull(messageId);
        this.messageType = Objects.requireNonNull(messageType);
        this.packageSha256 = Objects.requireNonNull(packageSha256);
        this.packageFile = Objects.requireNonNull(packageFile);
        this.state = Objects.requireNonNull(state);
        this.attempts = attempts;
        this.received = Objects.requireNonNull(received);
        this.handled = handled;
        this.lastErrorCode = lastErrorCode;
        this.lastError = lastError;
    }

    /** The sending organisation. */
    public OrgCode sender() { return sender; }

    /** The message id (unique per sender). */
    public UUID messageId() { return messageId; }

    /** What the message is (document, withdrawal, reminder, reply...). */
    public MessageType messageType() { return messageType; }

    /** The SHA-256 of the stored package, lower-case hex. */
    public String packageSha256() { return packageSha256; }

    /** The stored package file (verified when it was fetched; verified again before each handler call). */
    public Path packageFile() { return packageFile; }

    /** Where it stands. */
    public InboxState state() { return state; }

    /**
     * How many handler calls were started for it in the current series (each is counted before it
     * is made, so a call the process did not survive counts too); back to 0 when an operator
     * releases a parked message.
     */
    public int attempts() { return attempts; }

    /** When it was stored. */
    public Instant received() { return received; }

    /** When the handler's transaction committed, once {@link InboxState#HANDLED}. */
    public Optional<Instant> handled() { return Optional.ofNullable(handled); }

    /** The code of the handler's last failure (its {@code GongwenException} code, or {@code HANDLER}), if any. */
    public Optional<String> lastErrorCode() { return Optional.ofNullable(lastErrorCode); }

    /** The text of the handler's last failure, if any. */
    public Optional<String> lastError() { return Optional.ofNullable(lastError); }

    @Override
    public String toString() {
        return "InboxEntry{" + sender + "/" + messageId + " " + messageType + " " + state + ", " + attempts + " failed attempt(s)}";
    }
}
