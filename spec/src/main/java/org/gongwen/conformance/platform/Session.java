package org.gongwen.conformance.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;

/**
 * One run's connections and scratch space: a raw HTTP client and an SDK client per tester, and a
 * work folder for packages (deleted when the run ends). Not thread-safe: the suite runs its
 * scenarios one after the other.
 */
final class Session implements AutoCloseable {
    final TesterProfile profile;
    final Gongwen gw;
    final SamplePackages packages;
    private final Path work;
    private final Map<OrgCode, NodeHttp> raw = new LinkedHashMap<>();
    private final Map<OrgCode, ExchangeClient> clients = new LinkedHashMap<>();

    Session(TesterProfile profile, Gongwen gw) throws GongwenException {
        this.profile = profile;
        this.gw = gw;
        try {
            this.work = Files.createTempDirectory("gongwen-conformance");
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create a work folder: " + e.getMessage(), e);
        }
        this.packages = new SamplePackages(gw, work);
    }

    /** The first tester: the sender of most scenarios. */
    Tester sender() { return profile.testers().get(0); }

    /** The second tester: the recipient of most scenarios. */
    Tester recipient() { return profile.testers().get(1); }

    /** A third tester homed on the node, if the profile has one. */
    Optional<Tester> third() {
        return profile.testers().size() > 2 ? Optional.of(profile.testers().get(2)) : Optional.empty();
    }

    /** Raw HTTP toward the node under test with this tester's TLS identity. */
    NodeHttp raw(Tester t) throws GongwenException {
        NodeHttp h = raw.get(t.organisation());
        if (h == null) {
            h = new NodeHttp(profile.node(), t.config(), profile.timeout().plusSeconds(30));
            raw.put(t.organisation(), h);
        }
        return h;
    }

    /** The SDK's client of this tester toward its home node. */
    ExchangeClient client(Tester t) throws GongwenException {
        ExchangeClient c = clients.get(t.organisation());
        if (c == null) {
            c = gw.exchangeClient(t.config());
            clients.put(t.organisation(), c);
        }
        return c;
    }

    /** A header from one tester to others (主送). */
    static Header header(Tester from, Tester... to) {
        return Header.builder().sender(from.organisation()).to(List.of(to).stream().map(Tester::organisation).toArray(OrgCode[]::new)).build();
    }

    /** Verifies a package as the tester would (its trust policy). */
    VerifiedPackage verify(Tester t, byte[] pkg) throws GongwenException, IOException {
        Path f = Files.createTempFile(work, "verify", ".gwpkg");
        Files.write(f, pkg);
        return gw.verifier(t.config().trust()).verify(f);
    }

    /**
     * Waits until the message is listed in the tester's mailbox, fetches and verifies it with the
     * SDK, and returns it (not yet acknowledged).
     *
     * @throws Mismatch if it is not listed before the profile's timeout
     */
    ReceivedMessage receive(Tester t, OrgCode sender, UUID id) throws GongwenException, IOException, Mismatch {
        ExchangeClient c = client(t);
        long deadline = System.nanoTime() + profile.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            long leftSeconds = Math.max(1, Math.min(10, (deadline - System.nanoTime()) / 1_000_000_000L));
            for (MailboxEntry e : c.mailbox(Duration.ofSeconds(leftSeconds))) {
                if (e.sender().equals(sender) && e.messageId().equals(id)) {
                    Path dir = Files.createTempDirectory(work, "in");
                    return c.fetch(e, dir.resolve("received.gwpkg"));
                }
            }
        }
        throw new Mismatch("message " + id + " was not listed in the mailbox of " + t.organisation() + " within " + profile.timeout().toSeconds() + " s");
    }

    /** Polls the sender's status of a message until {@code done} holds or the timeout passes; returns the last status. */
    MessageStatus awaitStatus(Tester sender, UUID id, java.util.function.Predicate<MessageStatus> done)
            throws GongwenException, InterruptedException {
        long deadline = System.nanoTime() + profile.timeout().toNanos();
        MessageStatus s = client(sender).status(id);
        long pause = 50;
        while (!done.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(pause);
            pause = Math.min(1_000, pause * 2);
            s = client(sender).status(id);
        }
        return s;
    }

    @Override
    public void close() {
        clients.values().forEach(ExchangeClient::close);
        clients.clear();
        raw.values().forEach(NodeHttp::close);
        raw.clear();
        deleteTree(work);
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
