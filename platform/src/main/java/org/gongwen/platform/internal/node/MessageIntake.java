package org.gongwen.platform.internal.node;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.platform.internal.route.Router;
import org.gongwen.platform.internal.store.Codes;
import org.gongwen.platform.internal.store.Database;
import org.gongwen.platform.internal.store.MessageTables;
import org.gongwen.platform.internal.store.PackageFiles;
import org.gongwen.platform.internal.store.ReceiptTables;
import org.gongwen.platform.internal.store.RecipientRoute;
import org.gongwen.platform.internal.store.RelayTables;
import org.gongwen.platform.internal.store.RelayTask;
import org.gongwen.platform.internal.store.StoredMessage;
import org.gongwen.platform.internal.store.StoredReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in messages: submitted by their sender (T-4) or relayed by a neighbour (T-6.2). A message
 * is verified while it is read, checked, and then stored at once: the file moved into place and
 * one transaction for its rows, routes, mailbox entries, relays and receipts. A refusal leaves
 * nothing behind (T-4.4). Thread-safe.
 */
public final class MessageIntake {
    private static final Logger LOG = LoggerFactory.getLogger(MessageIntake.class);
    private static final int MAX_RELAY_RECIPIENTS = 1000;

    private final NodeCore core;
    private final PackageIntake intake;
    private final Lifecycle lifecycle;

    /**
     * Intake with the node's verifier and package limit.
     *
     * @param minFreeBytes the storage a body must leave free (else it is refused with TRN-001, HTTP 503)
     */
    public MessageIntake(NodeCore core, PackageVerifier verifier, long maxPackageBytes, long minFreeBytes) {
        this.core = core;
        this.intake = new PackageIntake(core.files, verifier, maxPackageBytes, minFreeBytes);
        this.lifecycle = new Lifecycle(core);
    }

    /** {@code POST /gongwen/v1/messages} from an organisation homed here. */
    public Answer submit(OrgCode caller, InputStream body, long length) throws Refusal {
        PackageIntake.Intake in = intake.receive(body, length);
        try {
            Header h = in.verified().envelope().header();
            if (!h.sender().equals(caller)) {
                throw new Refusal(ErrorCode.AUTH_FORBIDDEN, "the package's sender is " + h.sender() + ", the caller is " + caller);
            }
            // a resend of what was stored answers with the stored receipt even if the message has expired or a
            // recipient left the directory since: the answer to the first submission may have been lost (T-4.3)
            Optional<Answer> dup = duplicate(h, in.sha256());
            if (dup.isPresent()) {
                return dup.get();
            }
            checkExpiry(h);
            List<OrgCode> unknown = new ArrayList<>();
            for (OrgCode r : h.recipients()) {
                if (core.router.lookup(r).isEmpty()) {
                    unknown.add(r);
                }
            }
            if (!unknown.isEmpty()) {
                throw new Refusal(ErrorCode.ROUTING_UNKNOWN_RECIPIENT, "recipients not in the directory: " + Codes.join(unknown));
            }
            return store(in, h.recipients(), null);
        } finally {
            PackageFiles.deleteQuietly(in.temp());
        }
    }

    /** {@code POST /gongwen/v1/relay/messages} from a neighbour. */
    public Answer relay(NodeId peer, String recipientsHeader, InputStream body, long length) throws Refusal {
        List<OrgCode> listed;
        try {
            listed = Codes.split(recipientsHeader);
        } catch (IllegalArgumentException e) {
            throw new Refusal(ErrorCode.ROUTING_UNKNOWN_RECIPIENT, Binding.RECIPIENTS_HEADER + ": " + e.getMessage());
        }
        if (listed.isEmpty()) {
            throw new Refusal(ErrorCode.ROUTING_UNKNOWN_RECIPIENT, "a relay must list its recipients in " + Binding.RECIPIENTS_HEADER);
        }
        if (listed.size() > MAX_RELAY_RECIPIENTS) {
            throw new Refusal(ErrorCode.LIMIT_COUNT, "a relay lists at most " + MAX_RELAY_RECIPIENTS + " recipients");
        }
        if (new LinkedHashSet<>(listed).size() != listed.size()) {
            throw new Refusal(ErrorCode.ROUTING_UNKNOWN_RECIPIENT, Binding.RECIPIENTS_HEADER + " names a recipient twice");
        }
        PackageIntake.Intake in = intake.receive(body, length);
        try {
            Header h = in.verified().envelope().header();
            Optional<Answer> dup = relayedBefore(h, in.sha256(), listed);
            if (dup.isPresent()) {
                return dup.get();
            }
            checkExpiry(h);
            for (OrgCode r : listed) {
                if (!h.recipients().contains(r)) {
                    throw new Refusal(ErrorCode.ROUTING_UNKNOWN_RECIPIENT, r + " is not a recipient of message " + h.messageId());
                }
                Optional<DirectoryEntry> e = core.router.lookup(r);
                if (e.isEmpty()) {
                    throw new Refusal(ErrorCode.ROUTING_UNKNOWN_RECIPIENT, r + " is not in the directory");
                }
                if (!core.router.routesThrough(peer, e.get().homeNode())) {
                    throw new Refusal(ErrorCode.ROUTING_UNKNOWN_RECIPIENT, r + " (home " + e.get().homeNode() + ") does not route from "
                            + peer + " through " + core.self);
                }
            }
            List<OrgCode> ordered = new ArrayList<>();
            for (OrgCode r : h.recipients()) {
                if (listed.contains(r)) {
                    ordered.add(r);
                }
            }
            return store(in, ordered, peer);
        } finally {
            PackageFiles.deleteQuietly(in.temp());
        }
    }

    private void checkExpiry(Header h) throws Refusal {
        if (h.expires().isPresent() && h.expires().get().isBefore(core.clock.instant())) {
            throw new Refusal(ErrorCode.MESSAGE_EXPIRED, "message " + h.messageId() + " expired at " + h.expires().get());
        }
    }

    /**
     * Stores a new message. The callers have answered duplicates already ({@link #submit} and
     * {@link #relay}, before their other checks); a second request storing the same message at the
     * same moment loses on the message's key and gets the first one's answer.
     */
    private Answer store(PackageIntake.Intake in, List<OrgCode> handled, NodeId fromNode) throws Refusal {
        VerifiedPackage v = in.verified();
        Header h = v.envelope().header();
        if (fromNode == null && Lifecycle.concernsOriginal(h.messageType())) {
            try {
                core.db.inTransaction(c -> {
                    lifecycle.checkSubmission(c, h);
                    return null;
                });
            } catch (GongwenException e) {
                throw Refusal.of(e);
            }
        }
        SignatureProfile profile = v.signer().profile();
        StoredMessage proto = new StoredMessage(h.sender(), h.messageId(), in.sha256(), in.size(), h.messageType(), profile.digestAlgorithm(),
                Receipts.signatureDigest(profile, v.signatureValue()), h.expires().orElse(null), Instant.now(), "",
                fromNode == null ? null : fromNode.value(), null, h.conversationId(), h.refToMessageId().orElse(null));
        List<RecipientRoute> routes = new ArrayList<>();
        Map<String, List<OrgCode>> relays = new LinkedHashMap<>();
        Set<OrgCode> local = new LinkedHashSet<>();
        List<StoredReceipt> rejected = new ArrayList<>();
        StoredReceipt answer;
        try {
            for (OrgCode r : handled) {
                NodeId home = core.router.lookup(r).orElseThrow().homeNode();
                String route = core.router.nextHop(home, fromNode).orElse(RecipientRoute.REFUSED);
                routes.add(new RecipientRoute(r, h.to().contains(r), route));
                if (route.equals(Router.LOCAL)) {
                    local.add(r);
                } else if (route.equals(RecipientRoute.REFUSED)) {
                    rejected.add(core.sign(ReceiptType.REJECTED, proto, List.of(r), d -> d.errorCode(ErrorCode.ROUTING_UNREACHABLE.code())
                            .reason("no route from " + core.self + " to " + home)));
                } else {
                    relays.computeIfAbsent(route, k -> new ArrayList<>()).add(r);
                }
            }
            answer = fromNode == null
                    ? core.sign(ReceiptType.ACCEPTED, proto, List.of(), d -> { })
                    : core.sign(ReceiptType.RELAYED, proto, handled, d -> d.fromNode(fromNode.value()));
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
        String fileName;
        try {
            fileName = core.files.commit(in.temp(), h.sender(), h.messageId());
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
        StoredMessage m = proto.stored(fileName, answer.receiptId());
        String note = v.envelope().metadata().annotation().orElse(null);
        try {
            core.db.inTransaction(c -> {
                MessageTables.insert(c, m);
                List<StoredReceipt> lifecycleReceipts = new ArrayList<>();
                List<RecipientRoute> finalRoutes = new ArrayList<>(routes);
                for (int i = 0; i < finalRoutes.size(); i++) {
                    RecipientRoute route = finalRoutes.get(i);
                    if (!route.route().equals(Router.LOCAL) || !Lifecycle.concernsOriginal(h.messageType())) {
                        continue;
                    }
                    Lifecycle.Outcome o = lifecycle.decide(c, h, m, route.recipient(), note);
                    if (o.rejection() != null) {
                        finalRoutes.set(i, new RecipientRoute(route.recipient(), route.primary(), RecipientRoute.REFUSED));
                        lifecycleReceipts.add(o.rejection());
                    } else {
                        lifecycleReceipts.add(o.onOriginal());
                        if (h.messageType() == org.gongwen.api.envelope.MessageType.WITHDRAWAL) {
                            MessageTables.removeMailbox(c, route.recipient(), o.original().sender(), o.original().messageId());
                        }
                    }
                }
                if (fromNode == null) {
                    lifecycle.replied(c, h).ifPresent(lifecycleReceipts::add);
                }
                for (int i = 0; i < finalRoutes.size(); i++) {
                    MessageTables.insertRoute(c, m.sender(), m.messageId(), i, finalRoutes.get(i));
                    if (finalRoutes.get(i).route().equals(Router.LOCAL)) {
                        MessageTables.insertMailbox(c, finalRoutes.get(i).recipient(), m.sender(), m.messageId(), m.arrived());
                    }
                }
                for (StoredReceipt r : lifecycleReceipts) {
                    ReceiptTables.insertIfAbsent(c, r);
                    core.queueTowardSender(c, r, null);
                }
                long now = System.currentTimeMillis();
                for (Map.Entry<String, List<OrgCode>> e : relays.entrySet()) {
                    RelayTables.insert(c, RelayTask.message(e.getKey(), m.sender(), m.messageId(), e.getValue(), now));
                }
                ReceiptTables.insertIfAbsent(c, answer);
                for (StoredReceipt r : rejected) {
                    ReceiptTables.insertIfAbsent(c, r);
                    core.queueTowardSender(c, r, null);
                }
                return null;
            });
        } catch (Database.DuplicateKeyException e) {
            PackageFiles.deleteQuietly(core.files.resolve(fileName));
            return duplicate(h, in.sha256()).orElseThrow(() -> new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 503,
                    "message " + h.messageId() + " is being stored by another request; try again"));
        } catch (GongwenException | RuntimeException e) {
            PackageFiles.deleteQuietly(core.files.resolve(fileName));
            LOG.error("{}: cannot store message {}/{}", core.self, h.sender(), h.messageId(), e);
            throw e instanceof GongwenException ? Refusal.of((GongwenException) e)
                    : new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 500, "the node failed to store the message");
        }
        LOG.info("{}: stored message {}/{} ({} bytes) from {}: {} local, relays {}, {} refused", core.self, h.sender(), h.messageId(),
                in.size(), fromNode == null ? "its sender" : fromNode, local.size(), relays.keySet(), rejected.size());
        local.forEach(core.signals::signal);
        if (!relays.isEmpty() || !rejected.isEmpty() || h.messageType() != org.gongwen.api.envelope.MessageType.DOCUMENT) {
            core.relayQueued();
        }
        return new Answer(201, Binding.RECEIPT_TYPE, answer.xml(), fromNode == null ? Binding.status(h.messageId().toString()) : null);
    }

    /**
     * For a relay: the stored RELAYED receipt if this node already took the same bytes for the same
     * recipients (T-4.5), even if the message has expired since, so that a neighbour whose answer
     * was lost can still learn that the relay arrived (T-6.3); a refusal for other bytes or other
     * recipients; or empty for a new message.
     */
    private Optional<Answer> relayedBefore(Header h, String sha256, List<OrgCode> listed) throws Refusal {
        try {
            return core.db.inTransaction(c -> {
                Optional<StoredMessage> m = MessageTables.find(c, h.sender(), h.messageId());
                if (m.isEmpty()) {
                    return Optional.<Answer>empty();
                }
                if (!m.get().sha256().equals(sha256)) {
                    throw new GongwenException(ErrorCode.MESSAGE_ID_CONFLICT, "message " + h.messageId() + " from " + h.sender()
                            + " was already taken with other bytes");
                }
                Set<OrgCode> taken = new LinkedHashSet<>();
                MessageTables.routes(c, h.sender(), h.messageId()).forEach(r -> taken.add(r.recipient()));
                if (!taken.equals(new LinkedHashSet<>(listed))) {
                    throw new GongwenException(ErrorCode.MESSAGE_ID_CONFLICT, "message " + h.messageId() + " from " + h.sender()
                            + " was already taken here for other recipients (" + Codes.join(List.copyOf(taken)) + ")");
                }
                StoredReceipt r = ReceiptTables.find(c, m.get().answerReceipt()).orElseThrow();
                return Optional.of(new Answer(200, Binding.RECEIPT_TYPE, r.xml(), null));
            });
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
    }

    /** The stored answer for the same bytes (T-4.5), a refusal for other bytes, or empty for a new message. */
    private Optional<Answer> duplicate(Header h, String sha256) throws Refusal {
        try {
            return core.db.inTransaction(c -> {
                Optional<StoredMessage> m = MessageTables.find(c, h.sender(), h.messageId());
                if (m.isEmpty()) {
                    return Optional.<Answer>empty();
                }
                if (!m.get().sha256().equals(sha256)) {
                    throw new GongwenException(ErrorCode.MESSAGE_ID_CONFLICT, "message " + h.messageId() + " from " + h.sender()
                            + " was already accepted with other bytes");
                }
                StoredReceipt r = ReceiptTables.find(c, m.get().answerReceipt()).orElseThrow();
                return Optional.of(new Answer(200, Binding.RECEIPT_TYPE, r.xml(),
                        m.get().fromNode() == null ? Binding.status(h.messageId().toString()) : null));
            });
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
    }
}
