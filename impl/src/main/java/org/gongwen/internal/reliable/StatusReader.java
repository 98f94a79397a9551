package org.gongwen.internal.reliable;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.internal.transport.HttpExchangeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the status of accepted messages until every recipient is in a final state or the
 * tracking time is over, keeps each new verified receipt once and tells the listener of it.
 */
final class StatusReader {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReader.class);
    private static final int ROUND_ROWS = 100;
    private static final long SLOWEST_MS = 24 * 3600_000L;

    private final HttpExchangeClient client;
    private final ReliableConfig config;
    private final StoreDatabase db;
    private final Events events;
    private final Entries entries;

    StatusReader(HttpExchangeClient client, ReliableConfig config, StoreDatabase db, Events events, Entries entries) {
        this.client = client;
        this.config = config;
        this.db = db;
        this.events = events;
        this.entries = entries;
    }

    int round() throws GongwenException {
        long now = System.currentTimeMillis();
        List<OutboxRow> due = db.inTransaction(c -> OutboxTable.statusDue(c, now, ROUND_ROWS));
        int read = 0;
        for (OutboxRow row : due) {
            MessageStatus status;
            try {
                status = client.status(UUID.fromString(row.messageId()));
            } catch (GongwenException e) {
                LOG.info("the status of message {} could not be read; trying again in {}: {}", row.messageId(), config.statusInterval(),
                        e.getMessage());
                db.inTransaction(c -> {
                    OutboxTable.statusNext(c, row.messageId(), next(row, System.currentTimeMillis(), false, false));
                    return null;
                });
                if (e.retryable()) {
                    break;
                }
                continue;
            }
            read++;
            List<Receipt> fresh = keep(row, status);
            for (Receipt r : fresh) {
                events.receipt(() -> entries.outbox(row.messageId()), r);
            }
        }
        return read;
    }

    Optional<Long> nextDue() throws GongwenException {
        return db.inTransaction(OutboxTable::nextStatusDue);
    }

    private List<Receipt> keep(OutboxRow row, MessageStatus status) throws GongwenException {
        long now = System.currentTimeMillis();
        boolean settled = !status.recipients().isEmpty() && status.recipients().stream().allMatch(r -> r.state().isFinal());
        boolean delivered = !status.recipients().isEmpty() && status.recipients().stream()
                .allMatch(r -> r.state().isFinal() || r.state() == org.gongwen.api.exchange.DeliveryState.DELIVERED);
        return db.inTransaction(c -> {
            List<Receipt> fresh = new ArrayList<>();
            for (RecipientStatus rs : status.recipients()) {
                for (Receipt r : rs.timeline()) {
                    String recipients = r.recipients().stream().map(o -> o.value()).collect(Collectors.joining(","));
                    if (OutboxTable.addReceipt(c, row.messageId(), r.receiptId().toString(), r.type().name(), clip(recipients), now,
                            Base64.getEncoder().encodeToString(r.xml()))) {
                        fresh.add(r);
                    }
                }
            }
            OutboxTable.statusNext(c, row.messageId(), next(row, now, settled, delivered));
            return fresh;
        });
    }

    /**
     * When to read again: never once settled or past the tracking time; at the configured interval
     * while a recipient has not yet fetched the message; and, once every recipient has it and only
     * people's steps (签收, 退文) remain, at a tenth of the message's age (at least the interval, at
     * most six hours), so that old messages cost few requests.
     */
    private Long next(OutboxRow row, long now, boolean settled, boolean delivered) {
        if (settled || row.trackUntilMs() != null && now >= row.trackUntilMs()) {
            return null;
        }
        long interval = config.statusInterval().toMillis();
        if (delivered) {
            interval = Math.max(interval, Math.min((now - row.queuedMs()) / 10, SLOWEST_MS));
        }
        return now + interval;
    }

    private static String clip(String s) {
        return s.length() <= 20000 ? s : s.substring(0, 20000);
    }
}
