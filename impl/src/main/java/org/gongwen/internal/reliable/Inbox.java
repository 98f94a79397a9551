package org.gongwen.internal.reliable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
    private static final long MAX_SET_ASIDE_MS = 5 * 60_000L;
    /** How long a claimed row is kept from other workers; a call still running then is not disturbed (the row lock decides). */
    private static final long CLAIM_MS = 5 * 60_000L;

    private final HttpExchangeClient client;
    private final ReliableConfig config;
    private final StoreDatabase db;
    private final StoreFiles files;
    private final Events events;
    private final Entries entries;
    private final Runnable wakeHandler;
    /** Entries that could not be taken, by sender/id/SHA-256, and when to try them again. */
    private final java.util.concurrent.ConcurrentHashMap<String, SetAside> setAside = new java.util.concurrent.ConcurrentHashMap<>();

    private record SetAside(long until, int attempts) {
    }

    /**
     * Messages this process verified when it took them in, by sender/id, so that the handler call
     * that follows soon after does not verify the same file again. After a restart (or once the
     * cache is full) the stored file is verified before the handler sees it.
     */
    private final java.util.Map<String, ReceivedMessage> justVerified = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, ReceivedMessage> eldest) {
                    return size() > 1_000;
                }
            });

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

    /** What a receive round did. */
    record Round(int listed, int stored, int skipped) {
    }

    /**
     * Lists the mailbox and takes each entry in; a failure a retry can mend ends the round. An
     * entry that could not be taken is left alone for a while (a growing pause), so that a message
     * the node keeps offering is not downloaded again and again.
     */
    Round receiveRound(Duration wait) throws GongwenException {
        int stored = 0;
        int skipped = 0;
        List<MailboxEntry> listed = client.mailbox(wait);
        long now = System.currentTimeMillis();
        setAside.values().removeIf(s -> s.until < now && s.attempts > 16);
        for (MailboxEntry entry : listed) {
            String key = entry.sender().value() + "/" + entry.messageId() + "/" + entry.packageSha256();
            SetAside aside = setAside.get(key);
            if (aside != null && aside.until > now) {
                skipped++;
                continue;
            }
            try {
                if (take(entry)) {
                    stored++;
                }
                setAside.remove(key);
            } catch (GongwenException e) {
                skipped++;
                int n = aside == null ? 1 : aside.attempts + 1;
                long pause = Math.min(MAX_SET_ASIDE_MS, 1000L << Math.min(n - 1, 16));
                setAside.put(key, new SetAside(System.currentTimeMillis() + pause, n));
                LOG.warn("message {} from {} was not taken in this round (next try in {} ms): {}", entry.messageId(), entry.sender(),
                        pause, e.getMessage());
                if (e.retryable()) {
                    break;
                }
            }
        }
        return new Round(listed.size(), stored, skipped);
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
            // set aside like any entry not taken: a REJECTED receipt, if it could be bound, takes it out of the mailbox
            throw new GongwenException(ErrorCode.fromCode(out.refusedCode()).orElse(ErrorCode.TRANSPORT_FATAL), "the package is refused: "
                    + out.refusedText());
        }
        boolean committed = false;
        try {
            files.forceInboxFolder();
            long now = System.currentTimeMillis();
            // the message type as signed, not as the node's listing says
            String type = out.message().verified().envelope().header().messageType().name();
            InboxRow row = new InboxRow(sender, id, type, entry.packageSha256(), entry.size(), entry.arrived().toEpochMilli(), name,
                    InboxState.RECEIVED, 0, now, now, null, null, null);
            try {
                db.inTransaction(c -> {
                    InboxTable.insert(c, row);
                    return null;
                });
                db.syncIfEmbedded();
                committed = true;
            } catch (GongwenException e) {
                Optional<InboxRow> raced = db.inTransaction(c -> InboxTable.find(c, sender, id));
                if (raced.isEmpty()) {
                    throw e;
                }
                // our own commit went through although the driver reported a failure, or another receiver stored it first
                committed = raced.get().fileName().equals(name);
            }
        } finally {
            if (!committed) {
                StoreFiles.deleteQuietly(files.inboxFile(name));
            }
        }
        if (committed) {
            justVerified.put(sender + "/" + id, out.message());
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
     * and reported: the node must not offer them (T-4.5), and the inbox keeps what it verified first.
     */
    private void acknowledgeAgain(MailboxEntry entry, InboxRow row) throws GongwenException {
        if (!row.sha256().equals(entry.packageSha256())) {
            LOG.error("the node offers message {} from {} with SHA-256 {}, but the inbox holds other bytes ({}) under that id; left in the mailbox",
                    row.messageId(), row.sender(), entry.packageSha256(), row.sha256());
            return;
        }
        ReceivedMessage m = client.verifyStored(entry, files.inboxFile(row.fileName()), Instant.ofEpochMilli(row.receivedMs()));
        events.duplicateSuppressed();
        client.acknowledge(m);
    }

    /** Calls the handler for each due row. */
    int handlerRound(InboxHandler handler) throws GongwenException {
        long now = System.currentTimeMillis();
        List<InboxRow> due = db.inTransaction(c -> InboxTable.due(c, now, ROUND_ROWS));
        int handled = 0;
        for (InboxRow row : due) {
            Integer attempt = claim(row);
            if (attempt != null && handleOne(handler, row, attempt)) {
                handled++;
            }
        }
        return handled;
    }

    Optional<Long> nextDue() throws GongwenException {
        return db.inTransaction(InboxTable::nextDue);
    }

    /**
     * Counts the coming handler call before it is made, and keeps other workers off the row for a
     * while, so that a call that kills the process still counts: a message that crashes the
     * application every time is parked after the allowed number of attempts instead of blocking
     * the inbox for ever.
     *
     * @return the attempt number, or null if the row is not (or no longer) waiting, or was parked now
     */
    private Integer claim(InboxRow candidate) throws GongwenException {
        long now = System.currentTimeMillis();
        Object[] outcome = db.inTransaction(c -> {
            Optional<InboxRow> locked = InboxTable.lock(c, candidate.sender(), candidate.messageId());
            if (locked.isEmpty() || locked.get().state() != InboxState.RECEIVED || locked.get().nextMs() > now
                    || InboxTable.claimed(c, candidate.sender(), candidate.messageId(), now)) {
                return null;
            }
            InboxRow r = locked.get();
            if (r.attempts() >= config.handlerAttempts()) {
                InboxTable.failed(c, r.sender(), r.messageId(), InboxState.PARKED, r.attempts(), now, "HANDLER",
                        "the handler was started " + r.attempts() + " times without finishing (the process ended during the call)");
                return new Object[] {Boolean.TRUE};
            }
            InboxTable.claim(c, r.sender(), r.messageId(), r.attempts() + 1, now + CLAIM_MS);
            return new Object[] {r.attempts() + 1};
        });
        if (outcome == null) {
            return null;
        }
        if (outcome[0] instanceof Boolean) {
            events.parked(() -> entries.inbox(candidate.sender(), candidate.messageId()));
            return null;
        }
        return (Integer) outcome[0];
    }

    /**
     * One handler call in one transaction: lock the row again (it must still be waiting, and be the
     * attempt this worker claimed), verify the stored package, call the handler, mark the row
     * handled, commit. A failure rolls back to the savepoint taken after the lock and records the
     * failure in the same transaction, under the same lock.
     */
    private boolean handleOne(InboxHandler handler, InboxRow candidate, int attempt) throws GongwenException {
        boolean done = false;
        boolean parked = false;
        try (Connection c = db.transaction()) {
            try {
                Optional<InboxRow> locked;
                try {
                    locked = InboxTable.lock(c, candidate.sender(), candidate.messageId());
                } catch (SQLException e) {
                    LOG.info("message {} from {} is busy elsewhere: {}", candidate.messageId(), candidate.sender(), e.getMessage());
                    return false;
                }
                if (locked.isEmpty() || locked.get().state() != InboxState.RECEIVED || locked.get().attempts() != attempt) {
                    return false; // handled, parked or claimed again by another worker meanwhile
                }
                InboxRow row = locked.get();
                Savepoint before = c.setSavepoint();
                Throwable failure = null;
                try {
                    ReceivedMessage m = justVerified.remove(row.sender() + "/" + row.messageId());
                    if (m == null || !m.packageFile().equals(files.inboxFile(row.fileName()))) {
                        m = client.verifyStored(entry(row), files.inboxFile(row.fileName()), Instant.ofEpochMilli(row.receivedMs()));
                    }
                    handler.handle(new InboxMessage(m, attempt, GuardedConnection.of(c)));
                    InboxTable.handled(c, row.sender(), row.messageId(), System.currentTimeMillis());
                } catch (Throwable t) {
                    failure = t;
                }
                if (failure == null) {
                    c.commit();
                    done = true;
                } else {
                    try {
                        c.rollback(before);
                    } catch (SQLException gone) {
                        // the savepoint did not survive (a statement the database commits at once, such as DDL on H2):
                        // roll everything back and record the failure in a transaction of its own
                        c.rollback();
                        if (InboxTable.lock(c, row.sender(), row.messageId()).map(r -> r.state() != InboxState.RECEIVED).orElse(true)) {
                            c.rollback();
                            return false;
                        }
                    }
                    parked = recordFailure(c, row, attempt, failure);
                    c.commit();
                }
            } finally {
                if (!done) {
                    StoreDatabase.rollbackQuietly(c);
                }
            }
        } catch (SQLException e) {
            throw db.failure(e);
        }
        if (done) {
            events.handled(() -> entries.inbox(candidate.sender(), candidate.messageId()));
        } else if (parked) {
            events.parked(() -> entries.inbox(candidate.sender(), candidate.messageId()));
        }
        return done;
    }

    /**
     * Records a failed call on the locked row; returns whether the message is now parked. A failure
     * a retry can mend that is not the handler's own (the store, or revocation status unavailable)
     * does not count against the message.
     */
    private boolean recordFailure(Connection c, InboxRow row, int attempt, Throwable e) throws SQLException {
        boolean notCounted = e instanceof GongwenException g && g.retryable();
        int attempts = notCounted ? attempt - 1 : attempt;
        boolean park = !notCounted && attempts >= config.handlerAttempts();
        long next = System.currentTimeMillis()
                + config.handlerRetry().delayAfter(Math.max(1, attempts), ThreadLocalRandom.current().nextDouble()).toMillis();
        String code = e instanceof GongwenException g ? g.code().code() : "HANDLER";
        String text = e.toString();
        InboxTable.failed(c, row.sender(), row.messageId(), park ? InboxState.PARKED : InboxState.RECEIVED, attempts, next, code, text);
        events.handlerFailed();
        if (park) {
            LOG.warn("message {} from {} is parked after {} failed handler call(s); last: {}", row.messageId(), row.sender(), attempts, text);
        } else {
            LOG.info("the handler failed for message {} from {} (attempt {}); next attempt at {}: {}", row.messageId(), row.sender(),
                    attempt, Instant.ofEpochMilli(next), text);
        }
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            LOG.error("the handler raised {}; the failure is recorded", e.toString());
        }
        return park;
    }

    /** Frees every claim (at start). */
    void releaseClaims() throws GongwenException {
        db.inTransaction(InboxTable::releaseClaims);
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
