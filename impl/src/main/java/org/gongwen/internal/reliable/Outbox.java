package org.gongwen.internal.reliable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.internal.pkg.SignedEnvelope;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.transport.HttpExchangeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox: writing a package in, sending what is due with its backoff, and settling each
 * attempt's outcome. Thread-safe: rows are taken for an attempt with a lease, so two workers (in
 * one process or two) do not send the same row at the same time; if they ever do, the node
 * answers the second with the receipt of the first.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** How long an attempt keeps its row; only another process sharing the database waits for it. */
    private static final long LEASE_MS = Duration.ofMinutes(15).toMillis();
    private static final int ROUND_ROWS = 200;

    private final HttpExchangeClient client;
    private final ReliableConfig config;
    private final StoreDatabase db;
    private final StoreFiles files;
    private final Events events;
    private final Entries entries;

    Outbox(HttpExchangeClient client, ReliableConfig config, StoreDatabase db, StoreFiles files, Events events, Entries entries) {
        this.client = client;
        this.config = config;
        this.db = db;
        this.files = files;
        this.events = events;
        this.entries = entries;
    }

    /** Copies the package in, reads its header from the copy, and commits its row. */
    OutboxEntry write(Path packageFile) throws GongwenException {
        if (packageFile == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no package file given");
        }
        StoreFiles.Copied copy = files.copyIntoOutbox(packageFile);
        boolean placed = false;
        try {
            SignedEnvelope env = SignedEnvelope.read(copy.temp(), client.limits());
            Header h = env.envelope().header();
            if (!h.sender().equals(client.organisation())) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "the package's sender is " + h.sender()
                        + " but this exchange acts for " + client.organisation());
            }
            if (env.envelope().metadata().classification().isPresent()) {
                throw new GongwenException(ErrorCode.CLASSIFIED_DOCUMENT, "the document is marked "
                        + env.envelope().metadata().classification().get() + "; only non-classified documents (非涉密) may be exchanged");
            }
            String id = h.messageId().toString();
            Optional<OutboxRow> existing = db.inTransaction(c -> OutboxTable.find(c, id));
            if (existing.isPresent()) {
                return same(existing.get(), copy.sha256());
            }
            String name = id + "." + copy.sha256().substring(0, 16) + StoreFiles.SUFFIX;
            long now = System.currentTimeMillis();
            if (h.expires().isPresent() && !h.expires().get().isAfter(java.time.Instant.ofEpochMilli(now))) {
                throw new GongwenException(ErrorCode.MESSAGE_EXPIRED, "message " + id + " expired at " + h.expires().get()
                        + "; an expired message is not sent");
            }
            files.place(copy, name);
            placed = true;
            Long expires = h.expires().map(Instant::toEpochMilli).orElse(null);
            long giveUp = saturatedAdd(now, config.giveUpAfter().toMillis());
            if (expires != null) {
                giveUp = Math.min(giveUp, expires);
            }
            OutboxRow row = new OutboxRow(id, h.sender().value(), copy.sha256(), copy.size(), name, OutboxState.QUEUED, 0, now, now,
                    giveUp, expires, null, null, null, null, null, recipientList(h));
            try {
                db.inTransaction(c -> {
                    OutboxTable.insert(c, row);
                    return null;
                });
            } catch (GongwenException e) {
                Optional<OutboxRow> raced = db.inTransaction(c -> OutboxTable.find(c, id));
                if (raced.isEmpty()) {
                    StoreFiles.deleteQuietly(files.outboxFile(name));
                    throw e;
                }
                if (!raced.get().fileName().equals(name)) {
                    StoreFiles.deleteQuietly(files.outboxFile(name));
                }
                return same(raced.get(), copy.sha256());
            }
            db.syncIfEmbedded();
            events.queued();
            return entries.outbox(row);
        } finally {
            if (!placed) {
                StoreFiles.deleteQuietly(copy.temp());
            }
        }
    }

    private OutboxEntry same(OutboxRow row, String sha256) throws GongwenException {
        if (!row.sha256().equals(sha256)) {
            throw new GongwenException(ErrorCode.MESSAGE_ID_CONFLICT, "the outbox already holds message " + row.messageId()
                    + " with other bytes (SHA-256 " + row.sha256() + "); a message id is used for one package only");
        }
        return entries.outbox(row);
    }

    /** {@code <org>:T} for each 主送 and {@code <org>:C} for each 抄送, comma-separated. */
    private static String recipientList(Header h) {
        StringBuilder b = new StringBuilder();
        for (OrgCode o : h.to()) {
            b.append(b.length() == 0 ? "" : ",").append(o.value()).append(":T");
        }
        for (OrgCode o : h.cc()) {
            b.append(b.length() == 0 ? "" : ",").append(o.value()).append(":C");
        }
        return b.toString();
    }

    /** Takes every due row and makes one attempt for each, {@code pool} running them side by side. */
    int sendRound(ExecutorService pool) throws GongwenException {
        long now = System.currentTimeMillis();
        List<OutboxRow> taken = db.inTransaction(c -> {
            List<OutboxRow> mine = new ArrayList<>();
            for (OutboxRow r : OutboxTable.due(c, now, ROUND_ROWS)) {
                if (OutboxTable.lease(c, r.messageId(), now, now + LEASE_MS)) {
                    mine.add(r);
                }
            }
            return mine;
        });
        List<Future<?>> running = new ArrayList<>();
        for (OutboxRow r : taken) {
            if (r.giveUpMs() <= now) {
                // past its expiry or the give-up time before this attempt (the process was down): not sent again
                boolean expiry = r.expiresMs() != null && r.expiresMs() <= now;
                running.add(pool.submit(() -> giveUp(r, r.attempts(), expiry ? OutboxState.EXPIRED : OutboxState.FAILED,
                        expiry ? ErrorCode.MESSAGE_EXPIRED : ErrorCode.TRANSPORT_RETRYABLE, expiry ? "the message expired at "
                        + java.time.Instant.ofEpochMilli(r.expiresMs()) + " before it could be sent again"
                        : "given up: resent for " + config.giveUpAfter() + " without an answer from the node")));
                continue;
            }
            running.add(pool.submit(() -> attempt(r)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("an outbox attempt failed unexpectedly", e.getCause());
            }
        }
        return taken.size();
    }

    /** When the next row is due, if any is queued. */
    Optional<Long> nextDue() throws GongwenException {
        return db.inTransaction(OutboxTable::nextDue);
    }

    /** One attempt: hand the stored bytes to the node and settle the outcome. */
    private void attempt(OutboxRow row) {
        int attempts = row.attempts() + 1;
        events.attempted();
        Receipt receipt;
        try {
            receipt = client.send(files.outboxFile(row.fileName()));
        } catch (GongwenException e) {
            settleFailure(row, attempts, e);
            return;
        } catch (RuntimeException e) {
            settleFailure(row, attempts, new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "the attempt failed unexpectedly: " + e, e));
            return;
        }
        recordAccepted(row, attempts, receipt);
    }

    private void recordAccepted(OutboxRow row, int attempts, Receipt receipt) {
        long now = System.currentTimeMillis();
        String xml = Base64.getEncoder().encodeToString(receipt.xml());
        try {
            db.inTransaction(c -> {
                // the first status read after one interval: a recipient's receipt cannot be there at once
                OutboxTable.accepted(c, row.messageId(), attempts, xml, saturatedAdd(now, config.statusInterval().toMillis()),
                        saturatedAdd(now, config.trackFor().toMillis()));
                return null;
            });
        } catch (GongwenException e) {
            LOG.warn("message {} was accepted but the outbox could not record it; it is sent again and the node repeats its receipt: {}",
                    row.messageId(), e.getMessage());
            return;
        }
        events.accepted(() -> entries.outbox(row.messageId()));
    }

    private void settleFailure(OutboxRow row, int attempts, GongwenException e) {
        long now = System.currentTimeMillis();
        OutboxState finalState = null;
        String why = e.getMessage();
        long next = 0;
        // TRN-002 covers answers that are not the binding's (a proxy's 4xx page, a TLS handshake refused
        // during a certificate change): for a message in the outbox it is worth trying again until give-up
        boolean retry = e.retryable() || e.code() == ErrorCode.TRANSPORT_FATAL;
        if (e.code() == ErrorCode.MESSAGE_EXPIRED || row.expiresMs() != null && now >= row.expiresMs()) {
            finalState = OutboxState.EXPIRED;
        } else if (!retry) {
            finalState = OutboxState.FAILED;
        } else if (!config.sendRetry().allowsAnother(attempts)) {
            finalState = OutboxState.FAILED;
            why = why + " (the retry schedule allows " + config.sendRetry().maxAttempts() + " attempts)";
        } else {
            long wait = config.sendRetry().delayAfter(attempts, ThreadLocalRandom.current().nextDouble()).toMillis();
            wait = Math.max(wait, e.retryAfter().map(Duration::toMillis).orElse(0L));
            next = saturatedAdd(now, wait);
            if (next > row.giveUpMs()) {
                boolean expiry = row.expiresMs() != null && row.expiresMs() == row.giveUpMs();
                finalState = expiry ? OutboxState.EXPIRED : OutboxState.FAILED;
                why = why + (expiry ? " (the message expires before the next attempt)"
                        : " (given up: resent for " + config.giveUpAfter() + ")");
            }
        }
        if (finalState != null) {
            giveUp(row, attempts, finalState, e.code(), why);
            return;
        }
        long nextMs = next;
        String text = why;
        try {
            db.inTransaction(c -> {
                OutboxTable.retry(c, row.messageId(), attempts, nextMs, e.code().code(), text);
                return null;
            });
        } catch (GongwenException db) {
            LOG.warn("the outcome of sending message {} could not be recorded: {}", row.messageId(), db.getMessage());
            return;
        }
        events.retrying(() -> entries.outbox(row.messageId()));
    }

    /**
     * Ends a message as FAILED or EXPIRED, unless an earlier attempt reached the node after all:
     * when the answer to an attempt was lost, a later one can be refused (expired, the recipient
     * gone from the directory, a certificate expired since) although the node holds the message.
     * The node's status then has its ACCEPTED receipt, and the message is recorded as ACCEPTED.
     */
    private void giveUp(OutboxRow row, int attempts, OutboxState state, ErrorCode code, String why) {
        if (row.attempts() >= 1 || attempts >= 2) {
            try {
                Receipt accepted = client.status(java.util.UUID.fromString(row.messageId())).accepted();
                SignedEnvelope ours = SignedEnvelope.read(files.outboxFile(row.fileName()), client.limits());
                // the node's message must be this package, not other bytes under the same id
                Receipts.checkBound(accepted, ours.envelope().header().sender(), ours.envelope().header().messageId(),
                        ours.profile().digestAlgorithm(), Receipts.signatureDigest(ours.profile(), ours.signatureValue()));
                recordAccepted(row, attempts, accepted);
                LOG.info("message {} was accepted by an earlier attempt whose answer was lost", row.messageId());
                return;
            } catch (GongwenException notThere) {
                if (notThere.code() != ErrorCode.MESSAGE_UNKNOWN && notThere.code() != ErrorCode.RECEIPT_NOT_BOUND && notThere.retryable()) {
                    // the node cannot tell now: try again later rather than decide without knowing
                    long next = saturatedAdd(System.currentTimeMillis(), config.sendRetry().max().toMillis());
                    try {
                        db.inTransaction(c -> {
                            OutboxTable.retry(c, row.messageId(), attempts, next, notThere.code().code(),
                                    "about to give up (" + why + ") but the node's status could not be read: " + notThere.getMessage());
                            return null;
                        });
                    } catch (GongwenException db) {
                        LOG.warn("the outcome of sending message {} could not be recorded: {}", row.messageId(), db.getMessage());
                    }
                    return;
                }
            }
        }
        try {
            db.inTransaction(c -> {
                OutboxTable.finish(c, row.messageId(), state, attempts, code.code(), why);
                return null;
            });
        } catch (GongwenException db) {
            LOG.warn("the outcome of sending message {} could not be recorded: {}", row.messageId(), db.getMessage());
            return;
        }
        LOG.warn("message {} is {}: {}", row.messageId(), state, why);
        events.gaveUp(() -> entries.outbox(row.messageId()));
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** Releases every lease (at start: no attempt of this process is running). */
    void releaseLeases() throws GongwenException {
        db.inTransaction(OutboxTable::releaseLeases);
    }
}
