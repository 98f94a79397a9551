package org.gongwen.platform.internal.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.wire.StatusDocument;
import org.gongwen.platform.internal.store.MessageTables;
import org.gongwen.platform.internal.store.ReceiptTables;
import org.gongwen.platform.internal.store.RecipientRoute;
import org.gongwen.platform.internal.store.StoredMessage;
import org.gongwen.platform.internal.store.StoredReceipt;

/** The read side of a node: mailbox listing, package download and status (T-5, T-8). Thread-safe. */
public final class Queries {
    private final NodeCore core;

    /** Queries over a node's store. */
    public Queries(NodeCore core) {
        this.core = core;
    }

    /** The caller's waiting messages, oldest first, at most 100 (T-5.1). */
    public List<MailboxEntry> mailbox(OrgCode caller) throws Refusal {
        try {
            return core.db.inTransaction(c -> MessageTables.mailbox(c, caller, Binding.MAX_MAILBOX_ENTRIES));
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
    }

    /** A package to download and its stored facts. */
    public record Download(Path file, StoredMessage message) {
    }

    /**
     * A message delivered to the caller's mailbox here (T-5.2, T-5.4): listed, or acknowledged but
     * still kept.
     *
     * @throws Refusal {@code MSG-003} for anything else
     */
    public Download download(OrgCode caller, OrgCode sender, UUID id) throws Refusal {
        try {
            return core.db.inTransaction(c -> {
                StoredMessage m = MessageTables.find(c, sender, id).orElse(null);
                boolean mine = m != null && MessageTables.routes(c, sender, id).stream()
                        .anyMatch(r -> r.recipient().equals(caller) && r.route().equals(RecipientRoute.LOCAL));
                if (!mine) {
                    throw new GongwenException(ErrorCode.MESSAGE_UNKNOWN, "no message " + sender + "/" + id + " for " + caller);
                }
                return new Download(core.files.resolve(m.fileName()), m);
            });
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
    }

    /**
     * The status of a message the caller submitted here (T-8).
     *
     * @throws Refusal {@code MSG-003} for another caller's or an unknown message
     */
    public byte[] status(OrgCode caller, UUID id) throws Refusal {
        try {
            StatusDocument doc = core.db.inTransaction(c -> {
                StoredMessage m = MessageTables.find(c, caller, id).orElse(null);
                if (m == null || m.fromNode() != null) {
                    throw new GongwenException(ErrorCode.MESSAGE_UNKNOWN, "no message " + id + " sent by " + caller + " through this node");
                }
                List<StoredReceipt> receipts = ReceiptTables.forMessage(c, caller, id);
                byte[] accepted = null;
                for (StoredReceipt r : receipts) {
                    if (r.receiptId().equals(m.answerReceipt())) {
                        accepted = r.xml();
                    }
                }
                List<byte[]> others = new ArrayList<>();
                for (StoredReceipt r : receipts) {
                    if (r.type() != ReceiptType.ACCEPTED) {
                        others.add(r.xml());
                    }
                }
                List<StatusDocument.Row> rows = new ArrayList<>();
                for (RecipientRoute route : MessageTables.routes(c, caller, id)) {
                    Receipts.StateFold state = new Receipts.StateFold();
                    for (StoredReceipt r : receipts) {
                        if (r.type() != ReceiptType.ACCEPTED && r.recipients().contains(route.recipient())) {
                            state.add(r.type(), r.issuer());
                        }
                    }
                    rows.add(new StatusDocument.Row(route.recipient(), route.primary(), state.state()));
                }
                return new StatusDocument(caller, id, accepted, others, rows, m.conversationId());
            });
            return doc.toXml();
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
    }
}
