package org.gongwen.internal.reliable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.InboxHandler;
import org.gongwen.api.reliable.InboxMessage;
import org.gongwen.api.reliable.InboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.internal.transport.FetchOutcome;
import org.gongwen.internal.transport.HttpExchangeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox: taking messages from the mailbox into the store (row committed before the
 * acknowledgement), and calling the handler for each stored message inside the transaction that
 * marks it handled. Thread-safe: a row is locked (SELECT ... FOR UPDATE) for the handler call, so
 * two workers never hand the same message over at once, and a committed HANDLED row is never
 * handed over again.
 */
final class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private static final int ROUND_ROWS = 100;

    private final HttpExchangeClient client;
    private final ReliableConfig config;
    private final StoreDatabase db;
    private final StoreFiles files;
    private final Events events;
    private final Entries entries;
    private final Runnable wakeHandler;

    Inbox(HttpExchangeClient client, ReliableConfig config, StoreDatabase db, StoreFiles files, Events events, Entries entries,
            Runnable wakeHandler) {
        this.client = client;
        this.config = config;
        this.db = db;
        this.files = files;
        this.events = events;
        this.entries = entries;
        this.wakeHandler = wakeHandler;
    }

    /** Lists the mailbox and takes each entry in; a failure a retry can mend ends the round. */
    int receiveRound(Duration wait) throws GongwenException {
        int stored = 0;
        for (MailboxEntry entry : client.mailbox(wait)) {
            try {
                if (take(entry)) {
                    stored++;
                }
            } catch (GongwenException e) {
                LOG.warn("message {} from {} was not taken in this round: {}", entry.messageId(), entry.sender(), e.getMessage());
                if (e.retryable()) {
                    break;
                }
            }
        }
        return stored;
    }

    /** Takes one entry in; false if it was there already (then it is only acknowledged again) or was refused. */
    private boolean take(MailboxEntry entry) throws GongwenException {
        String sender = entry.sender().value();
        String id = entry.messageId().toString();
        Optional<InboxRow> known = db.inTransaction(c -> InboxTable.find(c, sender, id));
        if (known.isPresent()) {
            acknowledgeAgain(entry, known.get());
            return false;
        }
        String name = sender + "_" + id + "." + UUID.randomUUID().toString().substring(0, 8) + StoreFiles.SUFFIX;
        FetchOutcome out = client.fetchOrReject(entry, files.inboxFile(name));
        if (!out.verified()) {
            LOG.warn("message {} from {} was refused with {} and answered with a REJECTED receipt: {}", id, sender, out.refusedCode(),
                    out.refusedText());
            return false;
        }
        boolean committed = false;
        try {
            files.forceInbox(files.inboxFile(name));
            long now = System.currentTimeMillis();
            InboxRow row = new InboxRow(sender, id, entry.messageType().name(), entry.packageSha256(), entry.size(),
                    entry.arrived().toEpochMilli(), name, InboxState.RECEIVED, 0, now, now, null, null, null);
            try {
                db.inTransaction(c -> {
                    InboxTable.insert(c, row);
                    return null;
                });
                committed = true;
            } catch (GongwenException e) {
                if (db.inTransaction(c -> InboxTable.find(c, sender, id)).isEmpty()) {
                    throw e;
                }
                // another receiver stored it first: acknowledge below all the same
            }
        } finally {
            if (!committed) {
                StoreFiles.deleteQuietly(files.inboxFile(name));
            }
        }
        if (committed) {
            events.received(() -> entries.inbox(sender, id));
            wakeHandler.run();
        } else {
            events.duplicateSuppressed();
        }
        client.acknowledge(out.message());
        return committed;
    }

    /**
     * The node offers a message the inbox holds (its acknowledgement was lost): acknowledge it
     * again without a second handler call. Other bytes under the same id are left in the mailbox
     * and reported: the node must not offer them (T-4.4), and the inbox keeps what it verified first.
     */
    private void acknowledgeAgain(MailboxEntry entry, InboxRow row) throws GongwenException {
        if (!row.sha256().equals(entry.packageSha256())) {
            LOG.error("the node offers message {} from {} with SHA-256 {}, but the inbox holds other bytes ({}) under that id; left in the mailbox",
                    row.messageId(), row.sender(), entry.packageSha256(), row.sha256());
            return;
        }
        ReceivedMessage m = client.verifyStored(entry, files.inboxFile(row.fileName()));
        events.duplicateSuppressed();
        client.acknowledge(m);
    }

    /** Calls the handler for each due row. */
    int handlerRound(InboxHandler handler) throws GongwenException {
        long now = System.currentTimeMillis();
        List<InboxRow> due = db.inTransaction(c -> InboxTable.due(c, now, ROUND_ROWS));
        int handled = 0;
        for (InboxRow row : due) {
            if (handleOne(handler, row)) {
                handled++;
            }
        }
        return handled;
    }

    Optional<Long> nextDue() throws GongwenException {
        return db.inTransaction(InboxTable::nextDue);
    }

    private boolean handleOne(InboxHandler handler, InboxRow candidate) throws GongwenException {
        try (Connection c = db.transaction()) {
            Optional<InboxRow> locked;
            try {
                locked = InboxTable.lock(c, candidate.sender(), candidate.messageId());
            } catch (SQLException e) {
                StoreDatabase.rollbackQuietly(c);
                LOG.info("message {} from {} is busy elsewhere: {}", candidate.messageId(), candidate.sender(), e.getMessage());
                return false;
            }
            if (locked.isEmpty() || locked.get().state() != InboxState.RECEIVED) {
                StoreDatabase.rollbackQuietly(c);
                return false;
            }
            InboxRow row = locked.get();
            Exception failure;
            try {
                ReceivedMessage m = client.verifyStored(entry(row), files.inboxFile(row.fileName()));
                handler.handle(new InboxMessage(m, row.attempts() + 1, c));
                InboxTable.handled(c, row.sender(), row.messageId(), System.currentTimeMillis());
                c.commit();
                events.handled(() -> entries.inbox(row.sender(), row.messageId()));
                return true;
            } catch (Exception e) {
                failure = e;
                StoreDatabase.rollbackQuietly(c);
            }
            recordFailure(row, failure);
            return false;
        } catch (SQLException e) {
            throw db.failure(e);
        }
    }

    private void recordFailure(InboxRow row, Exception e) throws GongwenException {
        int attempts = row.attempts() + 1;
        boolean park = attempts >= config.handlerAttempts();
        long next = System.currentTimeMillis()
                + config.handlerRetry().delayAfter(attempts, ThreadLocalRandom.current().nextDouble()).toMillis();
        String code = e instanceof GongwenException g ? g.code().code() : "HANDLER";
        String text = e.toString();
        db.inTransaction(c -> {
            InboxTable.failed(c, row.sender(), row.messageId(), park ? InboxState.PARKED : InboxState.RECEIVED, attempts, next, code, text);
            return null;
        });
        events.handlerFailed();
        if (park) {
            LOG.warn("message {} from {} is parked after {} failed handler call(s); last: {}", row.messageId(), row.sender(), attempts, text);
            events.parked(() -> entries.inbox(row.sender(), row.messageId()));
        } else {
            LOG.info("the handler failed for message {} from {} (attempt {}); next attempt at {}: {}", row.messageId(), row.sender(),
                    attempts, Instant.ofEpochMilli(next), text);
        }
    }

    /** Gives a parked message a fresh series of attempts. */
    void retryParked(OrgCode sender, UUID messageId) throws GongwenException {
        boolean done = db.inTransaction(c -> InboxTable.unpark(c, sender.value(), messageId.toString(), System.currentTimeMillis()));
        if (!done) {
            throw new GongwenException(ErrorCode.MESSAGE_UNKNOWN, "no parked message " + messageId + " from " + sender + " in the inbox");
        }
        wakeHandler.run();
    }

    private static MailboxEntry entry(InboxRow r) {
        return new MailboxEntry(OrgCode.of(r.sender()), UUID.fromString(r.messageId()), MessageType.valueOf(r.messageType()), r.size(),
                r.sha256(), Instant.ofEpochMilli(r.arrivedMs()));
    }
}
