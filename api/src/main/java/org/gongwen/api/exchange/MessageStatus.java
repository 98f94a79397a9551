package org.gongwen.api.exchange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.id.OrgCode;

/**
 * A sent message's status as its sender's home node reports it, with every receipt verified by
 * the SDK before it is shown here (spec/transport.md, T-8). Immutable.
 */
public final class MessageStatus {
    private final OrgCode sender;
    private final UUID messageId;
    private final UUID conversationId;
    private final Receipt accepted;
    private final List<RecipientStatus> recipients;

    /** Creates a status without a conversation id. */
    public MessageStatus(OrgCode sender, UUID messageId, Receipt accepted, List<RecipientStatus> recipients) {
        this(sender, messageId, null, accepted, recipients);
    }

    /**
     * Creates a status.
     *
     * @param conversationId the message's conversation id as the node reports it, or null
     */
    public MessageStatus(OrgCode sender, UUID messageId, UUID conversationId, Receipt accepted, List<RecipientStatus> recipients) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.conversationId = conversationId;
        this.accepted = Objects.requireNonNull(accepted, "accepted");
        this.recipients = List.copyOf(recipients);
    }

    /** The sender. */
    public OrgCode sender() { return sender; }

    /** The message id. */
    public UUID messageId() { return messageId; }

    /**
     * The message's conversation id, as the home node reports it (T-8.1); empty from a node that
     * does not report it. Lifecycle messages about this message use it (spec/lifecycle.md).
     */
    public Optional<UUID> conversationId() { return Optional.ofNullable(conversationId); }

    /** The home node's ACCEPTED receipt. */
    public Receipt accepted() { return accepted; }

    /** Every recipient, 主送 first, in the envelope's order. */
    public List<RecipientStatus> recipients() { return recipients; }

    /** One recipient's status. */
    public Optional<RecipientStatus> recipient(OrgCode org) {
        return recipients.stream().filter(r -> r.recipient().equals(org)).findFirst();
    }

    /** Whether every recipient has reached a final state. */
    public boolean isFinal() {
        return recipients.stream().allMatch(r -> r.state().isFinal());
    }

    @Override
    public String toString() {
        return "MessageStatus{" + sender + "/" + messageId + " " + recipients + "}";
    }
}
