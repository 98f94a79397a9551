package org.gongwen.internal.reliable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.internal.transport.HttpExchangeClient;
import org.gongwen.internal.wire.Receipts;

/**
 * Turns rows into the API's snapshots. Stored receipts are verified again on the way out, so what
 * the application reads is what the signatures say, not what the database says.
 */
final class Entries {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Entries.class);

    private final HttpExchangeClient client;
    private final StoreDatabase db;
    private final StoreFiles files;

    Entries(HttpExchangeClient client, StoreDatabase db, StoreFiles files) {
        this.client = client;
        this.db = db;
        this.files = files;
    }

    OutboxEntry outbox(String messageId) throws GongwenException {
        Optional<OutboxRow> row = db.inTransaction(c -> OutboxTable.find(c, messageId));
        return row.isPresent() ? outbox(row.get()) : null;
    }

    OutboxEntry outbox(OutboxRow row) throws GongwenException {
        Receipt accepted = row.acceptedBase64() == null ? null : verified(row.messageId(), row.acceptedBase64());
        List<RecipientStatus> recipients = new ArrayList<>();
        if (accepted != null) {
            List<String> stored = db.inTransaction(c -> OutboxTable.receipts(c, row.messageId()));
            Map<OrgCode, List<Receipt>> byRecipient = new LinkedHashMap<>();
            Map<OrgCode, Boolean> primary = new LinkedHashMap<>();
            for (String item : row.recipientList().split(",")) {
                if (!item.isEmpty()) {
                    OrgCode o = OrgCode.of(item.substring(0, item.length() - 2));
                    byRecipient.put(o, new ArrayList<>());
                    primary.put(o, item.endsWith(":T"));
                }
            }
            for (String b64 : stored) {
                Receipt r = verified(row.messageId(), b64);
                if (r == null) {
                    continue;
                }
                for (OrgCode o : r.recipients()) {
                    List<Receipt> list = byRecipient.get(o);
                    if (list != null) {
                        list.add(r);
                    }
                }
            }
            for (Map.Entry<OrgCode, List<Receipt>> e : byRecipient.entrySet()) {
                DeliveryState state = e.getValue().isEmpty() ? DeliveryState.ACCEPTED : Receipts.stateOf(e.getValue());
                recipients.add(new RecipientStatus(e.getKey(), primary.get(e.getKey()), state, e.getValue()));
            }
        }
        return new OutboxEntry(UUID.fromString(row.messageId()), OrgCode.of(row.sender()), row.sha256(), row.size(), row.state(),
                row.attempts(), Instant.ofEpochMilli(row.queuedMs()), row.state() == OutboxState.QUEUED ? Instant.ofEpochMilli(row.nextMs()) : null,
                row.lastCode(), row.lastError(), accepted, recipients);
    }

    /**
     * A stored receipt verified again, or null (logged) if it no longer verifies: its signer's
     * certificate may have expired since it was verified and kept. The application sees only
     * receipts that verify now; the stored bytes stay in the database as evidence.
     */
    private Receipt verified(String messageId, String base64) {
        try {
            return client.verifyReceipt(Base64.getDecoder().decode(base64));
        } catch (GongwenException e) {
            LOG.warn("a stored receipt for message {} no longer verifies and is not shown: {}", messageId, e.getMessage());
            return null;
        }
    }

    InboxEntry inbox(String sender, String messageId) throws GongwenException {
        Optional<InboxRow> row = db.inTransaction(c -> InboxTable.find(c, sender, messageId));
        return row.isPresent() ? inbox(row.get()) : null;
    }

    InboxEntry inbox(InboxRow r) {
        return new InboxEntry(OrgCode.of(r.sender()), UUID.fromString(r.messageId()), MessageType.valueOf(r.messageType()), r.sha256(),
                files.inboxFile(r.fileName()), r.state(), r.attempts(), Instant.ofEpochMilli(r.receivedMs()),
                r.handledMs() == null ? null : Instant.ofEpochMilli(r.handledMs()), r.lastCode(), r.lastError());
    }
}
