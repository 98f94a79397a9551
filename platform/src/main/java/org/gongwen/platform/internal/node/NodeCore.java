package org.gongwen.platform.internal.node;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.ReceiptDraft;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.platform.internal.route.Router;
import org.gongwen.platform.internal.store.Database;
import org.gongwen.platform.internal.store.PackageFiles;
import org.gongwen.platform.internal.store.RelayTables;
import org.gongwen.platform.internal.store.RelayTask;
import org.gongwen.platform.internal.store.StoredMessage;
import org.gongwen.platform.internal.store.StoredReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every part of a running node shares: its identity, trust, storage, routes and the signals
 * that wake mailbox waiters and the relay worker. Thread-safe.
 */
public final class NodeCore {
    private static final Logger LOG = LoggerFactory.getLogger(NodeCore.class);

    final NodeId self;
    final SigningIdentity signer;
    final TrustValidator trust;
    final Database db;
    final PackageFiles files;
    final Router router;
    final MailboxSignals signals;
    final Clock clock;
    private volatile Runnable relayWake = () -> { };

    /** Assembles the shared parts. */
    public NodeCore(NodeId self, SigningIdentity signer, TrustValidator trust, Database db, PackageFiles files, Router router,
            MailboxSignals signals, Clock clock) {
        this.self = self;
        this.signer = signer;
        this.trust = trust;
        this.db = db;
        this.files = files;
        this.router = router;
        this.signals = signals;
        this.clock = clock;
    }

    /** Sets what wakes the relay worker when work is queued. */
    public void onRelayQueued(Runnable wake) {
        this.relayWake = wake;
    }

    /** Wakes the relay worker. */
    public void relayQueued() {
        relayWake.run();
    }

    /** The node id. */
    public NodeId self() { return self; }

    /** The database. */
    public Database db() { return db; }

    /** The package files. */
    public PackageFiles files() { return files; }

    /** The router. */
    public Router router() { return router; }

    /** The trust validator for packages and receipts. */
    public TrustValidator trust() { return trust; }

    /** The clock messages' expiry is judged by. */
    public Clock clock() { return clock; }

    /** The mailbox signals. */
    public MailboxSignals signals() { return signals; }

    /**
     * Signs a receipt of this node about a stored message.
     *
     * @param extra sets the type-specific elements (recipients, FromNode, ErrorCode, Reason)
     */
    public StoredReceipt sign(ReceiptType type, StoredMessage m, List<OrgCode> recipients, Consumer<ReceiptDraft> extra)
            throws GongwenException {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ReceiptDraft d = new ReceiptDraft(type, self.value(), m.sender(), m.messageId(), m.digestAlgorithm(), m.signatureDigest())
                .receiptId(id).issued(now).recipients(recipients);
        extra.accept(d);
        byte[] xml = Receipts.sign(d, signer);
        return new StoredReceipt(id, m.sender(), m.messageId(), type, self.value(), List.copyOf(recipients), now, xml);
    }

    /**
     * Queues a receipt toward the message sender's home node (T-6.4), unless this node is it.
     *
     * @param cameFrom the neighbour the receipt came from, never sent back there; or null
     * @return whether a relay was queued
     */
    public boolean queueTowardSender(Connection c, StoredReceipt r, NodeId cameFrom) throws SQLException {
        Optional<DirectoryEntry> home = router.lookup(r.sender());
        if (home.isEmpty()) {
            LOG.warn("{}: the sender {} of message {} is not in the directory; receipt {} stays here", self, r.sender(), r.messageId(), r.receiptId());
            return false;
        }
        Optional<String> hop = router.nextHop(home.get().homeNode(), null);
        if (hop.isEmpty() || hop.get().equals(Router.LOCAL)) {
            if (hop.isEmpty()) {
                LOG.warn("{}: no route toward {} for receipt {}", self, home.get().homeNode(), r.receiptId());
            }
            return false;
        }
        if (cameFrom != null && hop.get().equals(cameFrom.value())) {
            LOG.warn("{}: receipt {} would go back to {}, where it came from; it stays here", self, r.receiptId(), cameFrom);
            return false;
        }
        RelayTables.insert(c, RelayTask.receipt(hop.get(), r, System.currentTimeMillis()));
        return true;
    }
}
