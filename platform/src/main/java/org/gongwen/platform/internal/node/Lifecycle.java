package org.gongwen.platform.internal.node;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.platform.internal.store.MessageTables;
import org.gongwen.platform.internal.store.ReceiptTables;
import org.gongwen.platform.internal.store.RecipientRoute;
import org.gongwen.platform.internal.store.StoredMessage;
import org.gongwen.platform.internal.store.StoredReceipt;

/**
 * The node's part in the lifecycle of a document (spec/lifecycle.md): the sender's home node
 * checks a WITHDRAWAL or REMINDER when it is submitted (C-6.1); the recipient's home node takes the
 * decision for each recipient when it stores one (C-6.2) and notes a REPLY on the original's
 * timeline (C-4.2). Every call joins the caller's transaction. Thread-safe.
 */
final class Lifecycle {
    private final NodeCore core;

    Lifecycle(NodeCore core) {
        this.core = core;
    }

    /** Whether a message of this type concerns an earlier document for its recipients (WITHDRAWAL, REMINDER). */
    static boolean concernsOriginal(MessageType type) {
        return type == MessageType.WITHDRAWAL || type == MessageType.REMINDER;
    }

    /**
     * C-6.1: the original was submitted here by the same sender, in the same conversation, is a
     * DOCUMENT or REPLY, names every recipient of the lifecycle message, and is not final for all of them.
     *
     * @throws GongwenException {@code MSG-003} for an unknown original, {@code RTE-001} for a
     *     recipient the original does not name, {@code MSG-005} if the step is not allowed
     */
    void checkSubmission(Connection c, Header h) throws SQLException, GongwenException {
        StoredMessage o = original(c, h).filter(m -> m.fromNode() == null).orElseThrow(() -> new GongwenException(ErrorCode.MESSAGE_UNKNOWN,
                "the " + h.messageType() + " " + h.messageId() + " refers to " + refText(h) + ", which " + h.sender()
                        + " did not send through this node in conversation " + h.conversationId()));
        if (o.type() != MessageType.DOCUMENT && o.type() != MessageType.REPLY) {
            throw new GongwenException(ErrorCode.STATE_CONFLICT, "message " + o.messageId() + " is a " + o.type()
                    + "; only a DOCUMENT or a REPLY can be withdrawn or reminded of");
        }
        List<RecipientRoute> routes = MessageTables.routes(c, o.sender(), o.messageId());
        List<StoredReceipt> receipts = ReceiptTables.forMessage(c, o.sender(), o.messageId());
        boolean open = false;
        for (OrgCode r : h.recipients()) {
            if (routes.stream().noneMatch(x -> x.recipient().equals(r))) {
                throw new GongwenException(ErrorCode.ROUTING_UNKNOWN_RECIPIENT, r + " is not a recipient of message " + o.messageId());
            }
            open |= !state(receipts, r).isFinal();
        }
        if (!open) {
            throw new GongwenException(ErrorCode.STATE_CONFLICT, "message " + o.messageId() + " is already final (signed for, returned,"
                    + " withdrawn, expired or rejected) for every recipient the " + h.messageType() + " names");
        }
    }

    /**
     * The outcome for one local recipient of a WITHDRAWAL or REMINDER (C-6.2).
     *
     * @param onOriginal the WITHDRAWN or REMINDED receipt on the original, or null if refused
     * @param rejection the REJECTED receipt on the lifecycle message, or null if it goes to the mailbox
     * @param original the original, if this node holds it
     */
    record Outcome(StoredReceipt onOriginal, StoredReceipt rejection, StoredMessage original) {
    }

    /**
     * Takes the decision for one recipient homed here, with the original's recipient row locked.
     *
     * @param text the lifecycle message's 附注 (the reason or remark, C-2.1), or null
     */
    Outcome decide(Connection c, Header h, StoredMessage lifecycle, OrgCode r, String text) throws SQLException, GongwenException {
        Optional<StoredMessage> found = original(c, h);
        if (found.isEmpty() || !MessageTables.lockRecipient(c, h.sender(), found.get().messageId(), r)
                .filter(RecipientRoute.LOCAL::equals).isPresent()) {
            return new Outcome(null, reject(lifecycle, r, ErrorCode.MESSAGE_UNKNOWN, refText(h) + " was not delivered to " + r
                    + " through this node in conversation " + h.conversationId()), null);
        }
        StoredMessage o = found.get();
        if (o.type() != MessageType.DOCUMENT && o.type() != MessageType.REPLY) {
            return new Outcome(null, reject(lifecycle, r, ErrorCode.STATE_CONFLICT, "message " + o.messageId() + " is a " + o.type()), o);
        }
        DeliveryState state = state(ReceiptTables.forMessage(c, o.sender(), o.messageId()), r);
        if (state.isFinal()) {
            return new Outcome(null, reject(lifecycle, r, ErrorCode.STATE_CONFLICT, "message " + o.messageId() + " is already "
                    + state + " for " + r), o);
        }
        ReceiptType type = h.messageType() == MessageType.WITHDRAWAL ? ReceiptType.WITHDRAWN : ReceiptType.REMINDED;
        String reason = text != null ? text : type == ReceiptType.WITHDRAWN ? "WITHDRAWAL " + h.messageId() : null;
        StoredReceipt on = core.sign(type, o, List.of(r), d -> d.causedBy(h.messageId()).reason(reason));
        return new Outcome(on, null, o);
    }

    /**
     * C-4.2: a REPLY submitted here by a recipient of the message it refers to, addressed to that
     * message's sender, gets a REPLIED receipt on that message; empty for any other reply.
     */
    Optional<StoredReceipt> replied(Connection c, Header h) throws SQLException, GongwenException {
        if (h.messageType() != MessageType.REPLY || h.refToMessageId().isEmpty()) {
            return Optional.empty();
        }
        for (OrgCode s : MessageTables.sendersDeliveredTo(c, h.refToMessageId().get(), h.sender())) {
            if (!h.recipients().contains(s)) {
                continue;
            }
            Optional<StoredMessage> o = MessageTables.find(c, s, h.refToMessageId().get())
                    .filter(m -> h.conversationId().equals(m.conversationId()));
            if (o.isPresent()) {
                MessageTables.lockRecipient(c, s, o.get().messageId(), h.sender());
                return Optional.of(core.sign(ReceiptType.REPLIED, o.get(), List.of(h.sender()), d -> d.causedBy(h.messageId())));
            }
        }
        return Optional.empty();
    }

    /** A recipient's state from the receipts this node holds about a message (T-8.2). */
    static DeliveryState state(List<StoredReceipt> receipts, OrgCode r) {
        Receipts.StateFold f = new Receipts.StateFold();
        for (StoredReceipt x : receipts) {
            if (x.type() != ReceiptType.ACCEPTED && x.recipients().contains(r)) {
                f.add(x.type(), x.issuer());
            }
        }
        return f.state();
    }

    private StoredReceipt reject(StoredMessage lifecycle, OrgCode r, ErrorCode code, String why) throws GongwenException {
        String reason = why.length() > 2000 ? why.substring(0, 2000) : why;
        return core.sign(ReceiptType.REJECTED, lifecycle, List.of(r), d -> d.errorCode(code.code()).reason(reason));
    }

    /** The original a lifecycle message names: same sender, RefToMessageId, same conversation. */
    private static Optional<StoredMessage> original(Connection c, Header h) throws SQLException {
        if (h.refToMessageId().isEmpty()) {
            return Optional.empty();
        }
        return MessageTables.find(c, h.sender(), h.refToMessageId().get()).filter(m -> h.conversationId().equals(m.conversationId()));
    }

    private static String refText(Header h) {
        return h.refToMessageId().map(id -> "message " + h.sender() + "/" + id).orElse("no message (RefToMessageId is missing)");
    }
}
