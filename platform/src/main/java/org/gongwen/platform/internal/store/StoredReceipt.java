package org.gongwen.platform.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;

/**
 * A signed receipt a node keeps, with the fields it looks receipts up by.
 *
 * @param receiptId the receipt id
 * @param sender the sender of the message it names
 * @param messageId the id of the message it names
 * @param type the receipt type
 * @param issuer the issuer (node id or organisation code)
 * @param recipients the recipients it concerns
 * @param issued its issue time
 * @param xml the signed bytes exactly as issued
 */
public record StoredReceipt(UUID receiptId, OrgCode sender, UUID messageId, ReceiptType type, String issuer,
        List<OrgCode> recipients, Instant issued, byte[] xml) {
    /** The stored form of a verified receipt. */
    public static StoredReceipt of(Receipt r) {
        return new StoredReceipt(r.receiptId(), r.messageSender(), r.messageId(), r.type(), r.issuer(), r.recipients(), r.issued(), r.xml());
    }
}
