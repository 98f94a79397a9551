package org.gongwen.platform.internal.node;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.platform.internal.store.MessageTables;
import org.gongwen.platform.internal.store.RecipientRoute;
import org.gongwen.platform.internal.store.ReceiptTables;
import org.gongwen.platform.internal.store.StoredMessage;
import org.gongwen.platform.internal.store.StoredReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes expired messages out of the mailboxes (C-7): every interval it looks for mailbox entries
 * whose message's {@code Expires} has passed by the node's clock and, for each, with the
 * recipient's row locked, removes the entry and stores a signed EXPIRED receipt that travels back
 * to the sender's home node. Thread-safe; runs on the node's timer thread.
 */
public final class ExpirySweep implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweep.class);
    private static final int BATCH = 100;

    private final NodeCore core;

    /** A sweep over a node's mailboxes. */
    public ExpirySweep(NodeCore core) {
        this.core = core;
    }

    /** Runs the sweep every {@code interval} on the timer until the timer stops. */
    public ScheduledFuture<?> schedule(ScheduledExecutorService timer, Duration interval) {
        long ms = Math.max(1, interval.toMillis());
        return timer.scheduleWithFixedDelay(this, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            int n;
            do {
                n = sweepOnce();
            } while (n == BATCH);
        } catch (GongwenException | RuntimeException e) {
            LOG.warn("{}: the expiry sweep failed; it runs again at the next interval", core.self, e);
        }
    }

    /** One batch; returns how many entries it took out. */
    int sweepOnce() throws GongwenException {
        long now = core.clock.millis();
        List<MessageTables.ExpiredEntry> due = core.db.inTransaction(c -> MessageTables.expiredInMailbox(c, now, BATCH));
        int expired = 0;
        for (MessageTables.ExpiredEntry e : due) {
            Optional<StoredReceipt> r = core.db.inTransaction(c -> {
                Optional<String> route = MessageTables.lockRecipient(c, e.sender(), e.messageId(), e.recipient());
                if (route.filter(RecipientRoute.LOCAL::equals).isEmpty() || !MessageTables.inMailbox(c, e.recipient(), e.sender(), e.messageId())) {
                    return Optional.<StoredReceipt>empty();
                }
                StoredMessage m = MessageTables.find(c, e.sender(), e.messageId()).orElseThrow();
                StoredReceipt x = core.sign(ReceiptType.EXPIRED, m, List.of(e.recipient()), d -> { });
                MessageTables.removeMailbox(c, e.recipient(), e.sender(), e.messageId());
                ReceiptTables.insertIfAbsent(c, x);
                core.queueTowardSender(c, x, null);
                return Optional.of(x);
            });
            if (r.isPresent()) {
                expired++;
                LOG.info("{}: message {}/{} expired in the mailbox of {}", core.self, e.sender(), e.messageId(), e.recipient());
            }
        }
        if (expired > 0) {
            core.relayQueued();
        }
        return expired;
    }
}
