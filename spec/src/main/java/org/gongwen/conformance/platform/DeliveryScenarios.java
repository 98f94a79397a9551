package org.gongwen.conformance.platform;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.wire.MailboxDocument;

/** Mailboxes, per-recipient status and forwarding (T-5, T-6, T-8). */
final class DeliveryScenarios {
    private DeliveryScenarios() {
    }

    static List<Scenario> all(TesterProfile profile) {
        List<Scenario> all = new ArrayList<>(List.of(
                new Scenario("mailbox-isolation", "mailboxes are kept apart between organisations", "T-2.3, T-5.3, T-8.1",
                        "a message for one tester is not listed for the other, whose fetch of it and whose status request for it "
                                + "answer HTTP 404 MSG-003", DeliveryScenarios::isolation),
                new Scenario("per-recipient-status", "status is kept per recipient", "T-8.1, T-8.2",
                        "the sender's status lists each recipient once in envelope order with its 主送/抄送 flag, and each "
                                + "recipient's state and timeline follow its own receipts (SIGNED_FOR; RETURNED for a 抄送 "
                                + "recipient when a third tester exists)", DeliveryScenarios::perRecipient)));
        if (profile.remote().isEmpty()) {
            all.add(new Scenario("forwarding", "forwarding to another node", "T-6.1, T-6.2, T-6.4",
                    "the message reaches an organisation homed on another node unchanged; the sender's status shows a RELAYED "
                            + "receipt from this node and the recipient's DELIVERED", s -> {
                                throw new Skip("the tester profile names no organisation homed on another node (a parent or child "
                                        + "of this node); give its client configuration to run the forwarding scenario");
                            }));
        }
        for (Tester r : profile.remote()) {
            all.add(new Scenario("forwarding-" + r.organisation(), "forwarding to " + r.organisation() + " at " + r.config().node(),
                    "T-6.1, T-6.2, T-6.4",
                    "the message reaches " + r.organisation() + " through its home node with the submitted bytes; the sender's "
                            + "status shows a RELAYED receipt from this node and DELIVERED by " + r.organisation(),
                    s -> forwarding(s, r)));
        }
        return all;
    }

    private static String isolation(Session s) throws Exception {
        Tester a = s.sender();
        Tester b = s.recipient();
        Header h = Session.header(a, b);
        byte[] pkg = s.packages.bytes(h, a.config().signingIdentity());
        UUID id = h.messageId();
        Answer sent = s.raw(a).submit(pkg);
        if (sent.status() != 201) {
            throw new Mismatch("the submission: " + sent.describe());
        }
        ReceivedMessage atB = s.receive(b, a.organisation(), id);
        Answer listA = s.raw(a).mailbox();
        boolean listedForA = listA.status() == 200 && MailboxDocument.read(listA.body()).stream().map(MailboxEntry::messageId).anyMatch(id::equals);
        Answer fetchA = s.raw(a).fetch(a.organisation(), id);
        Answer statusB = s.raw(b).status(id);
        s.client(b).acknowledge(atB);
        String observed = "listed for " + b.organisation() + "; " + a.organisation() + "'s mailbox: "
                + (listA.status() != 200 ? listA.describe() : listedForA ? "lists it" : "does not list it")
                + "; its fetch: " + fetchA.describe() + "; " + b.organisation() + "'s status request: " + statusB.describe();
        if (listedForA || listA.status() != 200 || !fetchA.is(404, ErrorCode.MESSAGE_UNKNOWN) || !statusB.is(404, ErrorCode.MESSAGE_UNKNOWN)) {
            throw new Mismatch(observed);
        }
        return observed;
    }

    private static String perRecipient(Session s) throws Exception {
        Tester a = s.sender();
        Tester b = s.recipient();
        Optional<Tester> c = s.third();
        Header.Builder hb = Header.builder().sender(a.organisation()).to(b.organisation());
        c.ifPresent(t -> hb.cc(t.organisation()));
        Header h = hb.build();
        java.nio.file.Path pkg = s.packages.write(h, a.config().signingIdentity(), 2_000);
        s.client(a).send(pkg);
        ReceivedMessage atB = s.receive(b, a.organisation(), h.messageId());
        s.client(b).acknowledge(atB);
        s.client(b).signFor(atB.verified(), "一致性测试 签收人");
        if (c.isPresent()) {
            ReceivedMessage atC = s.receive(c.get(), a.organisation(), h.messageId());
            s.client(c.get()).acknowledge(atC);
            s.client(c.get()).returnDocument(atC.verified(), "一致性测试：退文");
        }
        List<String> expected = new ArrayList<>(List.of(row(b.organisation(), true, DeliveryState.SIGNED_FOR, "DELIVERED", "SIGNED_FOR")));
        c.ifPresent(t -> expected.add(row(t.organisation(), false, DeliveryState.RETURNED, "DELIVERED", "RETURNED")));
        MessageStatus st = s.awaitStatus(a, h.messageId(), x -> rows(x).equals(expected));
        String observed = String.join("; ", rows(st));
        if (!rows(st).equals(expected)) {
            throw new Mismatch(observed + " (expected " + String.join("; ", expected) + ")");
        }
        return observed;
    }

    private static String row(OrgCode org, boolean primary, DeliveryState state, String... timeline) {
        return org + (primary ? " 主送 " : " 抄送 ") + state + " [" + String.join(", ", timeline) + "]";
    }

    /** Each recipient: code, flag, state and the types of its receipts issued by the recipient itself. */
    private static List<String> rows(MessageStatus st) {
        List<String> rows = new ArrayList<>();
        for (RecipientStatus r : st.recipients()) {
            String[] own = r.timeline().stream().filter(x -> x.issuer().equals(r.recipient().value())).map(x -> x.type().name())
                    .toArray(String[]::new);
            rows.add(row(r.recipient(), r.primary(), r.state(), own));
        }
        return rows;
    }

    private static String forwarding(Session s, Tester remote) throws Exception {
        Tester a = s.sender();
        Header h = Session.header(a, remote);
        java.nio.file.Path pkg = s.packages.write(h, a.config().signingIdentity(), 20_000);
        byte[] sent = Files.readAllBytes(pkg);
        Receipt accepted;
        try {
            accepted = s.client(a).send(pkg);
        } catch (GongwenException e) {
            throw new Mismatch("the submission was refused: " + e.code().code() + " " + e.getMessage());
        }
        String thisNode = accepted.issuer();
        ReceivedMessage got = s.receive(remote, a.organisation(), h.messageId());
        byte[] fetched = Files.readAllBytes(got.packageFile());
        s.client(remote).acknowledge(got);
        MessageStatus st = s.awaitStatus(a, h.messageId(), x -> forwarded(x, remote.organisation(), thisNode));
        RecipientStatus r = st.recipient(remote.organisation()).orElseThrow(() -> new Mismatch("the status does not list " + remote.organisation()));
        String timeline = r.timeline().stream().map(x -> x.type() + " by " + x.issuer() + x.fromNode().map(f -> " from " + f).orElse(""))
                .reduce((x, y) -> x + ", " + y).orElse("no receipts");
        String observed = "received by " + remote.organisation() + (Arrays.equals(sent, fetched) ? " with the submitted bytes" : " with other bytes")
                + "; status " + r.state() + " [" + timeline + "]";
        if (!Arrays.equals(sent, fetched) || !forwarded(st, remote.organisation(), thisNode)) {
            throw new Mismatch(observed);
        }
        return observed;
    }

    private static boolean forwarded(MessageStatus st, OrgCode remote, String thisNode) {
        Optional<RecipientStatus> r = st.recipient(remote);
        return r.isPresent() && r.get().state() == DeliveryState.DELIVERED
                && r.get().timeline().stream().anyMatch(x -> x.type() == ReceiptType.RELAYED && x.fromNode().filter(thisNode::equals).isPresent())
                && r.get().timeline().stream().anyMatch(x -> x.type() == ReceiptType.DELIVERED && x.issuer().equals(remote.value()));
    }
}
