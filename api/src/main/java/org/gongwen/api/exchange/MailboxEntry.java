package org.gongwen.api.exchange;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.id.OrgCode;

/**
 * A message waiting in the caller's mailbox, as the node lists it (spec/transport.md, T-5). The
 * values come from the node and are checked again when the package is fetched and verified.
 * Immutable.
 */
public final class MailboxEntry {
    private final OrgCode sender;
    private final UUID messageId;
    private final MessageType messageType;
    private final long size;
    private final String packageSha256;
    private final Instant arrived;

    /**
     * Creates an entry.
     *
     * @param packageSha256 the SHA-256 of the package bytes, 64 lower-case hex digits
     */
    public MailboxEntry(OrgCode sender, UUID messageId, MessageType messageType, long size, String packageSha256, Instant arrived) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.messageType = Objects.requireNonNull(messageType, "messageType");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        this.size = size;
        if (packageSha256 == null || !packageSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("packageSha256 must be 64 lower-case hex digits");
        }
        this.packageSha256 = packageSha256;
        this.arrived = Objects.requireNonNull(arrived, "arrived");
    }

    /** The sending organisation. */
    public OrgCode sender() { return sender; }

    /** The message id. */
    public UUID messageId() { return messageId; }

    /** The message type from the envelope header. */
    public MessageType messageType() { return messageType; }

    /** The package size in bytes. */
    public long size() { return size; }

    /** The SHA-256 of the package bytes, lower-case hex. */
    public String packageSha256() { return packageSha256; }

    /** When the message reached the mailbox. */
    public Instant arrived() { return arrived; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MailboxEntry)) {
            return false;
        }
        MailboxEntry e = (MailboxEntry) o;
        return sender.equals(e.sender) && messageId.equals(e.messageId) && messageType == e.messageType && size == e.size
                && packageSha256.equals(e.packageSha256) && arrived.equals(e.arrived);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sender, messageId);
    }

    @Override
    public String toString() {
        return "MailboxEntry{" + messageType + " " + sender + "/" + messageId + ", " + size + " bytes}";
    }
}
