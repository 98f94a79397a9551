package org.gongwen.platform.internal.node;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.platform.internal.log.LogText;
import org.gongwen.platform.internal.route.RelayClient;
import org.gongwen.platform.internal.store.MessageTables;
import org.gongwen.platform.internal.store.ReceiptTables;
import org.gongwen.platform.internal.store.RelayTables;
import org.gongwen.platform.internal.store.RelayTask;
import org.gongwen.platform.internal.store.StoredMessage;
import org.gongwen.platform.internal.store.StoredReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the durable relay queue (T-6.3, T-6.4) on one thread per node. It is woken when work is
 * queued and by a timer for the next retry; it never sleeps. A relay ends when the neighbour
 * answers with its RELAYED receipt, when it refuses with a non-retryable error document (the
 * recipients then get REJECTED receipts), or when the message expires (EXPIRED receipts).
 * Everything else (connection failures, 5xx, answers that are not error documents, receipts that
 * do not verify) is retried with exponential backoff. Thread-safe.
 */
public final class RelayWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayWorker.class);
    private static final int BATCH = 50;
    /** How often a lifecycle message held behind its original looks again (C-6.3). */
    private static final long HOLD_BEHIND_ORIGINAL_MS = 1_000;

    private final NodeCore core;
    private final RelayClient client;
    private final Function<NodeId, URI> peers;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong finished = new AtomicLong();
    private final Object progress = new Object();
    private ScheduledFuture<?> timer;
    private volatile boolean closed;

    /**
     * A worker.
     *
     * @param peers the current URI of a neighbour, or null while it is unknown
     */
    public RelayWorker(NodeCore core, RelayClient client, Function<NodeId, URI> peers, Duration initialDelay, Duration maxDelay) {
        this.core = core;
        this.client = client;
        this.peers = peers;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gongwen-relay-" + core.self.value());
            t.setDaemon(true);
            return t;
        });
    }

    /** Makes the tasks for a neighbour due now (it is back, or its address changed) and wakes the worker. */
    public void retryNow(NodeId target) {
        try {
            long now = System.currentTimeMillis();
            core.db.inTransaction(c -> { RelayTables.dueNow(c, target.value(), now); return null; });
        } catch (GongwenException e) {
            LOG.warn("{}: cannot reschedule the relays for {}", core.self, target, e);
        }
        wake();
    }

    /** Asks for a pass over the due tasks soon (coalesced). */
    public void wake() {
        if (!closed && pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::pass);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false);
            }
        }
    }

    private void pass() {
        pending.set(false);
        try {
            List<RelayTask> due;
            do {
                long now = System.currentTimeMillis();
                due = core.db.inTransaction(c -> RelayTables.due(c, now, BATCH));
                for (RelayTask t : due) {
                    if (closed) {
                        return;
                    }
                    if (!workOrPutBack(t)) {
                        throw new IllegalStateException("relay " + t.relayId() + " failed and could not be put back");
                    }
                }
            } while (due.size() == BATCH && !closed);
            OptionalLong next = core.db.inTransaction(RelayTables::nextDue);
            if (next.isPresent() && !closed) {
                long delay = Math.max(0, next.getAsLong() - System.currentTimeMillis());
                synchronized (this) {
                    if (timer != null) {
                        timer.cancel(false);
                    }
                    timer = thread.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
                }
            }
        } catch (GongwenException | RuntimeException e) {
            LOG.error("{}: relay pass failed; trying again later", core.self, e);
            if (!closed) {
                thread.schedule(this::wake, initialDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Works one task; if that fails in an unexpected way (a row it cannot read, a database error),
     * puts the task back with its backoff so that it does not hold up the tasks behind it.
     *
     * @return false if the task could be neither worked nor put back
     */
    private boolean workOrPutBack(RelayTask t) {
        try {
            work(t);
            return true;
        } catch (GongwenException | RuntimeException e) {
            LOG.error("{}: relay {} to {} failed", core.self, t.relayId(), t.target(), e);
            try {
                retry(t, "the relay failed: " + e);
                return true;
            } catch (GongwenException | RuntimeException again) {
                LOG.error("{}: relay {} cannot be put back", core.self, t.relayId(), again);
                return false;
            }
        }
    }

    private void work(RelayTask t) throws GongwenException {
        boolean done = t.kind() == RelayTask.Kind.MESSAGE ? relayMessage(t) : relayReceipt(t);
        if (done) {
            finished.incrementAndGet();
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** How many tasks this worker has finished (delivered, ended or dropped) since it started. */
    public long finished() {
        return finished.get();
    }

    /** How many tasks are queued. */
    public int pending() throws GongwenException {
        return core.db.inTransaction(RelayTables::count);
    }

    /**
     * Waits until the queue is empty, woken by the worker's progress (no polling sleep).
     *
     * @return whether it became empty in time
     */
    public boolean awaitEmpty(Duration timeout) throws GongwenException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (pending() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
            return true;
        }
    }

    private boolean relayMessage(RelayTask t) throws GongwenException {
        Optional<StoredMessage> found = core.db.inTransaction(c -> MessageTables.find(c, t.sender(), t.messageId()));
        if (found.isEmpty()) {
            LOG.warn("{}: relay {} names unknown message {}/{}; dropped", core.self, t.relayId(), t.sender(), t.messageId());
            core.db.inTransaction(c -> { RelayTables.delete(c, t.relayId()); return null; });
            return true;
        }
        StoredMessage m = found.get();
        if (m.refTo() != null && Lifecycle.concernsOriginal(m.type()) && core.db.inTransaction(c ->
                RelayTables.messageQueued(c, t.target(), t.sender().value(), m.refTo().toString()))) {
            // C-6.3: a withdrawal or reminder never overtakes its original on the way to a node
            core.db.inTransaction(c -> {
                RelayTables.reschedule(c, t.relayId(), t.attempts(), System.currentTimeMillis() + HOLD_BEHIND_ORIGINAL_MS,
                        "held until the original " + m.refTo() + " has been relayed to " + t.target());
                return null;
            });
            return false;
        }
        // An expired message still gets one last attempt: the neighbour may have taken it already
        // and only its answer was lost; it answers such a duplicate with its stored RELAYED receipt.
        boolean expired = m.expires() != null && m.expires().isBefore(core.clock.instant());
        NodeId target = NodeId.parse(t.target());
        URI uri = peers.apply(target);
        if (uri == null) {
            return failed(t, m, expired, "the address of " + target + " is not known yet");
        }
        RelayClient.Result res;
        try {
            res = client.relayMessage(target, uri, core.files.resolve(m.fileName()), t.recipients());
        } catch (IOException e) {
            return failed(t, m, expired, "relay to " + target + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (res.status() == 200 || res.status() == 201) {
            Receipt r;
            try {
                r = Receipts.verify(res.body(), core.trust);
                if (r.type() != ReceiptType.RELAYED || !r.issuer().equals(target.value())) {
                    throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "expected a RELAYED receipt from " + target + ", got " + r);
                }
                Receipts.checkBound(r, m.sender(), m.messageId(), m.digestAlgorithm(), m.signatureDigest());
                checkHandedOver(r, t);
            } catch (GongwenException e) {
                return failed(t, m, expired, target + " answered with a receipt that does not verify: " + e.getMessage());
            }
            StoredReceipt s = StoredReceipt.of(r);
            core.db.inTransaction(c -> {
                if (ReceiptTables.insertIfAbsent(c, s)) {
                    core.queueTowardSender(c, s, target);
                }
                RelayTables.delete(c, t.relayId());
                return null;
            });
            LOG.info("{}: relayed {}/{} to {} for {}", core.self, m.sender(), m.messageId(), target, t.recipients());
            return true;
        }
        Optional<ErrorDocument> refusal = errorDocument(res);
        String answer = target + " answered HTTP " + res.status() + refusal.map(d -> " " + d.code().code() + " " + d.message()).orElse("");
        if (refusal.isPresent() && !refusal.get().code().retryable() && !expired) {
            return end(t, m, ReceiptType.REJECTED, refusal.get().code(), target + " refused the relay: " + refusal.get().message());
        }
        return failed(t, m, expired, answer);
    }

    /** A RELAYED receipt must name exactly the recipients handed over, and this node as the one it came from. */
    private void checkHandedOver(Receipt r, RelayTask t) throws GongwenException {
        if (r.recipients().size() != t.recipients().size() || !new HashSet<>(r.recipients()).equals(new HashSet<>(t.recipients()))) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the RELAYED receipt names the recipients " + r.recipients()
                    + " but the relay handed over " + t.recipients());
        }
        if (!r.fromNode().equals(Optional.of(core.self.value()))) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the RELAYED receipt says it came from " + r.fromNode().orElse("nowhere")
                    + ", not from " + core.self);
        }
    }

    /** A failed attempt: retried later, or, once the message has expired, the end of the relay with EXPIRED receipts. */
    private boolean failed(RelayTask t, StoredMessage m, boolean expired, String error) throws GongwenException {
        if (expired) {
            LOG.info("{}: the last attempt to relay the expired message {}/{} failed: {}", core.self, m.sender(), m.messageId(), LogText.of(error));
            return end(t, m, ReceiptType.EXPIRED, null, null);
        }
        return retry(t, error);
    }

    private boolean relayReceipt(RelayTask t) throws GongwenException {
        Optional<StoredReceipt> found = core.db.inTransaction(c -> ReceiptTables.find(c, t.receiptId()));
        if (found.isEmpty()) {
            core.db.inTransaction(c -> { RelayTables.delete(c, t.relayId()); return null; });
            return true;
        }
        NodeId target = NodeId.parse(t.target());
        URI uri = peers.apply(target);
        if (uri == null) {
            return retry(t, "the address of " + target + " is not known yet");
        }
        RelayClient.Result res;
        try {
            res = client.relayReceipt(target, uri, found.get().xml());
        } catch (IOException e) {
            return retry(t, "passing a receipt to " + target + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        Optional<ErrorDocument> refusal = errorDocument(res);
        if (res.status() == 200 || res.status() == 201 || refusal.isPresent() && !refusal.get().code().retryable()) {
            if (refusal.isPresent()) {
                LOG.warn("{}: {} refused receipt {}: {} {}; dropped", core.self, target, t.receiptId(), refusal.get().code().code(),
                        LogText.of(refusal.get().message()));
            }
            core.db.inTransaction(c -> { RelayTables.delete(c, t.relayId()); return null; });
            return true;
        }
        return retry(t, target + " answered HTTP " + res.status() + refusal.map(d -> " " + d.code().code()).orElse(""));
    }

    private static Optional<ErrorDocument> errorDocument(RelayClient.Result res) {
        if (res.status() < 400 || !res.complete()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ErrorDocument.read(res.body()));
        } catch (GongwenException e) {
            return Optional.empty();
        }
    }

    /** Ends a relay with a REJECTED or EXPIRED receipt per recipient, kept and passed toward the sender. */
    private boolean end(RelayTask t, StoredMessage m, ReceiptType type, ErrorCode code, String reason) throws GongwenException {
        List<StoredReceipt> receipts = new ArrayList<>();
        for (OrgCode r : t.recipients()) {
            receipts.add(core.sign(type, m, List.of(r), d -> {
                if (code != null) {
                    d.errorCode(code.code()).reason(reason.length() > 2000 ? reason.substring(0, 2000) : reason);
                }
            }));
        }
        core.db.inTransaction(c -> {
            for (StoredReceipt s : receipts) {
                ReceiptTables.insertIfAbsent(c, s);
                core.queueTowardSender(c, s, null);
            }
            RelayTables.delete(c, t.relayId());
            return null;
        });
        LOG.warn("{}: relay of {}/{} to {} ended {}{}", core.self, m.sender(), m.messageId(), t.target(), type,
                reason == null ? "" : ": " + LogText.of(reason));
        return true;
    }

    private boolean retry(RelayTask t, String untrustedError) throws GongwenException {
        String error = LogText.of(untrustedError);
        int attempts = t.attempts() + 1;
        long delay = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(attempts - 1, 30));
        long next = System.currentTimeMillis() + delay;
        core.db.inTransaction(c -> { RelayTables.reschedule(c, t.relayId(), attempts, next, error); return null; });
        LOG.info("{}: {} (attempt {}); next try in {} ms", core.self, error, attempts, delay);
        return false;
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
