package org.gongwen.api.envelope;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.id.OrgCode;

/**
 * The routing header of an envelope: who sends what to whom, when, and how urgently.
 * Immutable; build with {@link #builder()} and change a copy with {@link #toBuilder()}.
 */
public final class Header {
    /** The largest number of recipients (主送 and 抄送 together). */
    public static final int MAX_RECIPIENTS = 1000;

    private final UUID messageId;
    private final UUID conversationId;
    private final UUID refToMessageId;
    private final Instant created;
    private final Instant expires;
    private final OrgCode sender;
    private final List<OrgCode> to;
    private final List<OrgCode> cc;
    private final MessageType messageType;
    private final Urgency urgency;

    private Header(Builder b) {
        this.messageId = b.messageId != null ? b.messageId : UUID.randomUUID();
        this.conversationId = b.conversationId != null ? b.conversationId : messageId;
        this.refToMessageId = b.refToMessageId;
        this.created = (b.created != null ? b.created : Instant.now()).truncatedTo(ChronoUnit.MILLIS);
        this.expires = b.expires == null ? null : b.expires.truncatedTo(ChronoUnit.MILLIS);
        this.sender = Checks.required("sender", b.sender);
        this.to = List.copyOf(b.to);
        this.cc = List.copyOf(b.cc);
        this.messageType = b.messageType;
        this.urgency = b.urgency;
        if (to.isEmpty()) {
            throw new IllegalStateException("at least one primary recipient (主送) is required");
        }
        if (to.size() + cc.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("more than " + MAX_RECIPIENTS + " recipients");
        }
        LinkedHashSet<OrgCode> all = new LinkedHashSet<>(to);
        for (OrgCode c : cc) {
            if (!all.add(c)) {
                throw new IllegalArgumentException("recipient " + c + " is named twice");
            }
        }
        if (all.size() != to.size() + cc.size()) {
            throw new IllegalArgumentException("a primary recipient is named twice");
        }
        if (expires != null && !expires.isAfter(created)) {
            throw new IllegalArgumentException("expiry " + expires + " is not after creation " + created);
        }
    }

    /** A new builder; message id, conversation id and creation time default to fresh values. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this header's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messageId = messageId;
        b.conversationId = conversationId;
        b.refToMessageId = refToMessageId;
        b.created = created;
        b.expires = expires;
        b.sender = sender;
        b.to.addAll(to);
        b.cc.addAll(cc);
        b.messageType = messageType;
        b.urgency = urgency;
        return b;
    }

    /** The message id, unique per sender. */
    public UUID messageId() {
        return messageId;
    }

    /** The conversation this message belongs to; the message id for a new conversation. */
    public UUID conversationId() {
        return conversationId;
    }

    /** The earlier message this one refers to (for receipts, returns, replies). */
    public Optional<UUID> refToMessageId() {
        return Optional.ofNullable(refToMessageId);
    }

    /** When the message was created, to the millisecond. */
    public Instant created() {
        return created;
    }

    /** When the message expires, if ever. */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** The sending organisation. */
    public OrgCode sender() {
        return sender;
    }

    /** The primary recipients (主送), in order, at least one. */
    public List<OrgCode> to() {
        return to;
    }

    /** The copy recipients (抄送), in order. */
    public List<OrgCode> cc() {
        return cc;
    }

    /** All recipients: primary ones first, then copy ones. */
    public List<OrgCode> recipients() {
        List<OrgCode> all = new ArrayList<>(to);
        all.addAll(cc);
        return List.copyOf(all);
    }

    /** The message type. */
    public MessageType messageType() {
        return messageType;
    }

    /** The routing urgency, if any. */
    public Optional<Urgency> urgency() {
        return Optional.ofNullable(urgency);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Header)) {
            return false;
        }
        Header h = (Header) o;
        return messageId.equals(h.messageId) && conversationId.equals(h.conversationId)
                && Objects.equals(refToMessageId, h.refToMessageId) && created.equals(h.created)
                && Objects.equals(expires, h.expires) && sender.equals(h.sender) && to.equals(h.to)
                && cc.equals(h.cc) && messageType == h.messageType && urgency == h.urgency;
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, conversationId, refToMessageId, created, expires, sender, to, cc, messageType, urgency);
    }

    @Override
    public String toString() {
        return "Header{" + messageType + " " + messageId + " from " + sender + " to " + to + " cc " + cc + "}";
    }

    /**
     * Starts the header of a reply (spec/lifecycle.md, C-4): a {@link MessageType#REPLY} from
     * {@code replier} to the original's sender, in the original's conversation, with
     * {@code RefToMessageId} the original's id, a new message id and the creation time now. Add
     * further recipients, an expiry or an urgency to the returned builder as for any header.
     *
     * @throws IllegalArgumentException if {@code replier} is not a recipient of the original
     */
    public static Builder replyTo(Header original, OrgCode replier) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(replier, "replier");
        if (!original.recipients().contains(replier)) {
            throw new IllegalArgumentException(replier + " is not a recipient of message " + original.messageId() + " and cannot reply to it");
        }
        return builder().conversationId(original.conversationId()).refToMessageId(original.messageId())
                .sender(replier).to(original.sender()).messageType(MessageType.REPLY);
    }

    /** Builds a {@link Header}. Not thread-safe. */
    public static final class Builder {
        private UUID messageId;
        private UUID conversationId;
        private UUID refToMessageId;
        private Instant created;
        private Instant expires;
        private OrgCode sender;
        private final List<OrgCode> to = new ArrayList<>();
        private final List<OrgCode> cc = new ArrayList<>();
        private MessageType messageType = MessageType.DOCUMENT;
        private Urgency urgency;

        private Builder() {
        }

        /** Sets the message id (default: a random UUID). */
        public Builder messageId(UUID id) {
            this.messageId = Objects.requireNonNull(id);
            return this;
        }

        /** Sets the conversation id (default: the message id). */
        public Builder conversationId(UUID id) {
            this.conversationId = Objects.requireNonNull(id);
            return this;
        }

        /** Sets the earlier message this one refers to. */
        public Builder refToMessageId(UUID id) {
            this.refToMessageId = id;
            return this;
        }

        /** Sets the creation time (default: now). */
        public Builder created(Instant t) {
            this.created = Objects.requireNonNull(t);
            return this;
        }

        /** Sets the expiry time. */
        public Builder expires(Instant t) {
            this.expires = t;
            return this;
        }

        /** Sets the sending organisation. */
        public Builder sender(OrgCode s) {
            this.sender = Objects.requireNonNull(s);
            return this;
        }

        /** Adds primary recipients (主送). */
        public Builder to(OrgCode... recipients) {
            for (OrgCode r : recipients) {
                to.add(Objects.requireNonNull(r));
            }
            return this;
        }

        /** Adds copy recipients (抄送). */
        public Builder cc(OrgCode... recipients) {
            for (OrgCode r : recipients) {
                cc.add(Objects.requireNonNull(r));
            }
            return this;
        }

        /** Sets the message type (default: {@link MessageType#DOCUMENT}). */
        public Builder messageType(MessageType t) {
            this.messageType = Objects.requireNonNull(t);
            return this;
        }

        /** Sets the routing urgency. */
        public Builder urgency(Urgency u) {
            this.urgency = u;
            return this;
        }

        /**
         * Builds the header.
         *
         * @throws IllegalStateException if the sender or every primary recipient is missing
         * @throws IllegalArgumentException if a recipient is named twice, there are too many,
         *     or the expiry is not after creation
         */
        public Header build() {
            return new Header(this);
        }
    }
}
