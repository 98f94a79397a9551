package org.gongwen.platform.internal.node;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.platform.internal.store.MessageTables;
import org.gongwen.platform.internal.store.ReceiptTables;
import org.gongwen.platform.internal.store.RecipientRoute;
import org.gongwen.platform.internal.store.StoredMessage;
import org.gongwen.platform.internal.store.StoredReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in receipts: posted by a recipient (T-7.5, T-7.6) or passed on by a neighbour (T-6.4).
 * Every receipt is verified (T-7.4) and bound to the stored message before it is kept; each one
 * is then passed toward the message sender's home node. Thread-safe.
 */
public final class ReceiptIntake {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptIntake.class);
    /** Most receipts one recipient may post for one message (T-10). */
    private static final int MAX_PER_RECIPIENT = 32;

    private final NodeCore core;

    /** Intake for a node. */
    public ReceiptIntake(NodeCore core) {
        this.core = core;
    }

    /** {@code POST /gongwen/v1/receipts} from a recipient homed here. */
    public Answer post(OrgCode caller, byte[] xml) throws Refusal {
        Receipt r = verify(xml);
        if (!r.issuer().equals(caller.value())) {
            throw new Refusal(ErrorCode.AUTH_FORBIDDEN, "the receipt's issuer is " + r.issuer() + ", the caller is " + caller);
        }
        Answer a = transaction(c -> {
            // one recipient's receipts about one message take their turns (T-7.6)
            boolean delivered = MessageTables.lockRecipient(c, r.messageSender(), r.messageId(), caller)
                    .filter(RecipientRoute.LOCAL::equals).isPresent();
            StoredMessage m = delivered ? MessageTables.find(c, r.messageSender(), r.messageId()).orElse(null) : null;
            if (m == null) {
                throw new GongwenException(ErrorCode.MESSAGE_UNKNOWN, "message " + r.messageSender() + "/" + r.messageId()
                        + " was not delivered to " + caller + " here");
            }
            Receipts.checkBound(r, m.sender(), m.messageId(), m.digestAlgorithm(), m.signatureDigest());
            List<StoredReceipt> all = ReceiptTables.forMessage(c, m.sender(), m.messageId());
            List<StoredReceipt> own = all.stream().filter(x -> x.issuer().equals(caller.value())).toList();
            Optional<Answer> same = sameOrConflict(r, own);
            if (same.isPresent()) {
                return same.get();
            }
            checkOrder(r.type(), own);
            checkLifecycle(r.type(), all, caller);
            if (own.size() >= MAX_PER_RECIPIENT) {
                throw new GongwenException(ErrorCode.LIMIT_COUNT, "at most " + MAX_PER_RECIPIENT + " receipts per message and recipient");
            }
            StoredReceipt s = StoredReceipt.of(r);
            ReceiptTables.insertIfAbsent(c, s);
            if (r.type() == ReceiptType.DELIVERED || r.type() == ReceiptType.REJECTED) {
                MessageTables.removeMailbox(c, caller, m.sender(), m.messageId());
            }
            core.queueTowardSender(c, s, null);
            return new Answer(201, Binding.RECEIPT_TYPE, r.xml(), null);
        });
        if (a.status() == 201) {
            LOG.info("{}: {} posted {} for {}/{}", core.self, caller, r.type(), r.messageSender(), r.messageId());
            core.relayQueued();
        }
        return a;
    }

    /** {@code POST /gongwen/v1/relay/receipts} from a neighbour. */
    public Answer relayed(NodeId peer, byte[] xml) throws Refusal {
        Receipt r = verify(xml);
        Answer a = transaction(c -> {
            StoredMessage m = MessageTables.find(c, r.messageSender(), r.messageId()).orElseThrow(() -> new GongwenException(
                    ErrorCode.MESSAGE_UNKNOWN, "message " + r.messageSender() + "/" + r.messageId() + " is not known here"));
            Receipts.checkBound(r, m.sender(), m.messageId(), m.digestAlgorithm(), m.signatureDigest());
            for (OrgCode x : new TreeSet<>(r.recipients())) {
                MessageTables.lockRecipient(c, m.sender(), m.messageId(), x);
            }
            checkPassedOn(c, peer, r, m);
            Optional<StoredReceipt> stored = ReceiptTables.find(c, r.receiptId());
            if (stored.isPresent()) {
                return stored(stored.get(), r);
            }
            List<StoredReceipt> kept = ReceiptTables.forMessage(c, m.sender(), m.messageId());
            for (OrgCode x : r.recipients()) {
                if (kept.stream().filter(k -> k.recipients().contains(x)).count() >= MAX_PER_RECIPIENT) {
                    throw new GongwenException(ErrorCode.LIMIT_COUNT, "at most " + MAX_PER_RECIPIENT + " receipts per message and recipient;"
                            + " message " + m.sender() + "/" + m.messageId() + " has that many for " + x);
                }
            }
            StoredReceipt s = StoredReceipt.of(r);
            ReceiptTables.insertIfAbsent(c, s);
            core.queueTowardSender(c, s, peer);
            return new Answer(201, Binding.RECEIPT_TYPE, r.xml(), null);
        });
        if (a.status() == 201) {
            LOG.info("{}: {} passed on {} by {} for {}/{}", core.self, peer, r.type(), r.issuer(), r.messageSender(), r.messageId());
            core.relayQueued();
        }
        return a;
    }

    /**
     * A receipt a neighbour passes on concerns recipients this node took the message for (else
     * {@code MSG-004}); a node's receipt (RELAYED, REJECTED, EXPIRED) only recipients this node
     * routed toward that neighbour, since only nodes on that side can speak for them (else
     * {@code AUT-002}).
     */
    private static void checkPassedOn(Connection c, NodeId peer, Receipt r, StoredMessage m) throws SQLException, GongwenException {
        if (r.recipients().isEmpty()) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "a " + r.type() + " receipt names no recipient; it is not passed on between nodes");
        }
        Map<OrgCode, String> routes = new HashMap<>();
        MessageTables.routes(c, m.sender(), m.messageId()).forEach(x -> routes.put(x.recipient(), x.route()));
        boolean byNode = NodeId.isValid(r.issuer());
        for (OrgCode x : r.recipients()) {
            String route = routes.get(x);
            if (route == null) {
                throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "receipt " + r.receiptId() + " names " + x + ", which is not a recipient of"
                        + " message " + m.sender() + "/" + m.messageId() + " as this node took it");
            }
            if (byNode && !route.equals(peer.value())) {
                throw new GongwenException(ErrorCode.AUTH_FORBIDDEN, peer + " may not pass on " + r.issuer() + "'s " + r.type() + " receipt for "
                        + x + ": this node did not route the message for " + x + " to " + peer);
            }
        }
    }

    private Receipt verify(byte[] xml) throws Refusal {
        try {
            return Receipts.verify(xml, core.trust);
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
    }

    /** The stored answer if this receipt, or one of its type from this recipient, is already kept (T-7.5). */
    private static Optional<Answer> sameOrConflict(Receipt r, List<StoredReceipt> own) throws GongwenException {
        for (StoredReceipt s : own) {
            if (s.receiptId().equals(r.receiptId()) || s.type() == r.type()) {
                return Optional.of(stored(s, r));
            }
        }
        return Optional.empty();
    }

    private static Answer stored(StoredReceipt s, Receipt r) throws GongwenException {
        if (s.receiptId().equals(r.receiptId()) && !Arrays.equals(s.xml(), r.xml())) {
            throw new GongwenException(ErrorCode.MESSAGE_ID_CONFLICT, "receipt " + r.receiptId() + " was already stored with other bytes");
        }
        return new Answer(200, Binding.RECEIPT_TYPE, s.xml(), null);
    }

    /** T-7.6: DELIVERED or REJECTED first; SIGNED_FOR or RETURNED only after DELIVERED, and only one of them. */
    private static void checkOrder(ReceiptType type, List<StoredReceipt> own) throws GongwenException {
        Set<ReceiptType> have = EnumSet.noneOf(ReceiptType.class);
        own.forEach(s -> have.add(s.type()));
        String conflict = null;
        switch (type) {
            case DELIVERED:
                conflict = have.contains(ReceiptType.REJECTED) ? "the message was already rejected" : null;
                break;
            case REJECTED:
                conflict = have.contains(ReceiptType.DELIVERED) ? "the message was already delivered" : null;
                break;
            case SIGNED_FOR:
            case RETURNED:
                if (!have.contains(ReceiptType.DELIVERED)) {
                    conflict = type + " needs DELIVERED first";
                } else if (have.contains(ReceiptType.SIGNED_FOR) || have.contains(ReceiptType.RETURNED)) {
                    conflict = "the document was already " + (have.contains(ReceiptType.SIGNED_FOR) ? "signed for" : "returned");
                }
                break;
            default:
                conflict = type + " is not posted by a recipient";
        }
        if (conflict != null) {
            throw new GongwenException(ErrorCode.STATE_CONFLICT, conflict);
        }
    }

    /**
     * C-5.2: after this node withdrew the message for the recipient, it may no longer sign for it
     * or return it (it may still report DELIVERED or REJECTED for a copy it fetched before); after
     * the message expired in its mailbox, it may post nothing more.
     */
    private static void checkLifecycle(ReceiptType type, List<StoredReceipt> all, OrgCode caller) throws GongwenException {
        for (StoredReceipt s : all) {
            if (!NodeId.isValid(s.issuer()) || !s.recipients().contains(caller)) {
                continue;
            }
            if (s.type() == ReceiptType.EXPIRED) {
                throw new GongwenException(ErrorCode.STATE_CONFLICT, "the message expired in the mailbox of " + caller + " at " + s.issued());
            }
            if (s.type() == ReceiptType.WITHDRAWN && (type == ReceiptType.SIGNED_FOR || type == ReceiptType.RETURNED)) {
                throw new GongwenException(ErrorCode.STATE_CONFLICT, "the sender withdrew the message for " + caller + " at " + s.issued());
            }
        }
    }

    private Answer transaction(Tx work) throws Refusal {
        try {
            return core.db.inTransaction(work::run);
        } catch (GongwenException e) {
            throw Refusal.of(e);
        } catch (RuntimeException e) {
            LOG.error("{}: cannot store a receipt", core.self, e);
            throw new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 503, "the receipt could not be stored now; try again");
        }
    }

    @FunctionalInterface
    private interface Tx {
        Answer run(Connection c) throws SQLException, GongwenException;
    }
}
