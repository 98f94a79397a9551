package org.gongwen.internal.reliable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.InboxState;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.internal.transport.HttpExchangeClient;

/** The SDK's {@link ReliableExchange}: an outbox, a status reader, an inbox and their workers. */
public final class ReliableExchangeImpl implements ReliableExchange {
    private static final long IDLE_MS = 5_000;
    /** Files younger than this are left alone by the start-up sweep: another process may be about to commit their rows. */
    private static final Duration SWEEP_MIN_AGE = Duration.ofMinutes(10);

    private final ReliableConfig config;
    private final StoreDatabase db;
    private final StoreFiles files;
    private final Events events;
    private final Entries entries;
    private final Outbox outbox;
    private final StatusReader status;
    private final Inbox inbox;
    private final ExecutorService senders;
    private final WorkerLoop sendLoop;
    private final WorkerLoop statusLoop;
    private final WorkerLoop receiveLoop;
    private final WorkerLoop handlerLoop;
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;

    private ReliableExchangeImpl(HttpExchangeClient client, ReliableConfig config) throws GongwenException {
        this.config = config;
        this.files = new StoreFiles(config.directory());
        this.db = StoreDatabase.open(config, config.senders() + 4, client.organisation().value());
        Entries entries = new Entries(client, db, files);
        this.sendLoop = new WorkerLoop("gongwen-outbox", this::sendRoundAndWait);
        this.statusLoop = new WorkerLoop("gongwen-status", this::statusRoundAndWait);
        this.receiveLoop = new WorkerLoop("gongwen-receiver", this::receiveRoundAndWait);
        this.handlerLoop = new WorkerLoop("gongwen-handler", this::handlerRoundAndWait);
        this.events = new Events(config.listener().orElse(null), config.listener().isEmpty(), sendLoop::wake);
        this.outbox = new Outbox(client, config, db, files, events, entries);
        this.status = new StatusReader(client, config, db, events, entries);
        this.inbox = new Inbox(client, config, db, files, events, entries, handlerLoop::wake);
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(config.senders(), r -> {
            Thread t = new Thread(r, "gongwen-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.entries = entries;
    }

    /**
     * Opens the store of an SDK client: creates or upgrades the tables and removes files a crash
     * left without a row.
     *
     * @throws GongwenException {@code LOC-002} for a client that is not the SDK's; {@code LOC-001} if the store cannot be opened
     */
    public static ReliableExchangeImpl open(ExchangeClient client, ReliableConfig config) throws GongwenException {
        if (!(client instanceof HttpExchangeClient http)) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "a reliable exchange needs an ExchangeClient made by this SDK, got "
                    + (client == null ? "none" : client.getClass().getName()));
        }
        if (config == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no configuration given");
        }
        ReliableExchangeImpl x = new ReliableExchangeImpl(http, config);
        try {
            x.sweep();
        } catch (GongwenException | RuntimeException e) {
            x.close();
            throw e;
        }
        return x;
    }

    private void sweep() throws GongwenException {
        files.sweep(p -> known(p, true), p -> known(p, false), SWEEP_MIN_AGE);
    }

    private boolean known(Path file, boolean outboxFile) {
        String name = file.getFileName().toString();
        try {
            return db.inTransaction(c -> outboxFile ? OutboxTable.exists(c, name) : InboxTable.exists(c, name));
        } catch (GongwenException e) {
            return true; // when in doubt, keep the file
        }
    }

    @Override
    public OutboxEntry send(Path packageFile) throws GongwenException {
        return outbox.write(packageFile);
    }

    @Override
    public Optional<OutboxEntry> outboxEntry(UUID messageId) throws GongwenException {
        if (messageId == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no message id given");
        }
        return Optional.ofNullable(entries.outbox(messageId.toString()));
    }

    @Override
    public List<OutboxEntry> outbox(OutboxState state, int limit) throws GongwenException {
        List<OutboxRow> rows = db.inTransaction(c -> OutboxTable.inState(c, state, limit(limit)));
        List<OutboxEntry> out = new ArrayList<>(rows.size());
        for (OutboxRow r : rows) {
            out.add(entries.outbox(r));
        }
        return out;
    }

    @Override
    public Optional<InboxEntry> inboxEntry(OrgCode sender, UUID messageId) throws GongwenException {
        if (sender == null || messageId == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "a sender and a message id are needed");
        }
        return Optional.ofNullable(entries.inbox(sender.value(), messageId.toString()));
    }

    @Override
    public List<InboxEntry> parked(int limit) throws GongwenException {
        return inState(InboxState.PARKED, limit);
    }

    /** Up to {@code limit} inbox entries in a state, oldest first. */
    public List<InboxEntry> inState(InboxState state, int limit) throws GongwenException {
        List<InboxRow> rows = db.inTransaction(c -> InboxTable.inState(c, state, limit(limit)));
        return rows.stream().map(entries::inbox).toList();
    }

    @Override
    public void retryParked(OrgCode sender, UUID messageId) throws GongwenException {
        if (sender == null || messageId == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "a sender and a message id are needed");
        }
        inbox.retryParked(sender, messageId);
    }

    @Override
    public void start() throws GongwenException {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the exchange is closed");
            }
            if (started) {
                return;
            }
            outbox.releaseLeases();
            inbox.releaseClaims();
            started = true;
            sendLoop.start();
            statusLoop.start();
            if (config.handler() != null) {
                receiveLoop.start();
                handlerLoop.start();
            }
        }
    }

    @Override
    public int runSendRound() throws GongwenException {
        return outbox.sendRound(senders);
    }

    @Override
    public int runStatusRound() throws GongwenException {
        return status.round();
    }

    @Override
    public int runReceiveRound(Duration wait) throws GongwenException {
        return inbox.receiveRound(wait == null ? Duration.ZERO : wait).stored();
    }

    @Override
    public int runHandlerRound() throws GongwenException {
        if (config.handler() == null) {
            throw new IllegalStateException("no handler is configured (ReliableConfig.Builder.handler)");
        }
        return inbox.handlerRound(config.handler());
    }

    private long sendRoundAndWait() throws GongwenException {
        if (runSendRound() > 0) {
            return 0;
        }
        return untilDue(outbox.nextDue());
    }

    private long statusRoundAndWait() throws GongwenException {
        runStatusRound();
        return untilDue(status.nextDue());
    }

    private long receiveRoundAndWait() throws GongwenException {
        Inbox.Round r = inbox.receiveRound(config.receiveWait());
        // the node answers a long-poll at once while entries wait that were set aside: do not spin on them
        return r.stored() == 0 && r.skipped() > 0 && r.skipped() == r.listed() ? 1_000 : 0;
    }

    private long handlerRoundAndWait() throws GongwenException {
        if (runHandlerRound() > 0) {
            return 0;
        }
        return untilDue(inbox.nextDue());
    }

    private static long untilDue(Optional<Long> due) {
        if (due.isEmpty()) {
            return IDLE_MS;
        }
        return Math.max(0, Math.min(IDLE_MS, due.get() - System.currentTimeMillis()));
    }

    private static int limit(int limit) {
        return Math.max(1, Math.min(limit, 10_000));
    }

    @Override
    public Counters counters() {
        return events.counters();
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // A receiver in a long-poll or download is not waited for: nothing it has not committed is
        // acknowledged, so the node offers it again. Senders and the handler finish their call.
        long patience = 30_000;
        receiveLoop.stop(1_000);
        sendLoop.stop(patience);
        statusLoop.stop(patience);
        handlerLoop.stop(patience);
        senders.shutdown();
        try {
            senders.awaitTermination(patience, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }

    @Override
    public String toString() {
        return "ReliableExchange{" + config + "}";
    }
}
