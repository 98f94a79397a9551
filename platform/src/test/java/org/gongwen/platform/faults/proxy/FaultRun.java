package org.gongwen.platform.faults.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.ExchangeListener;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.ReliableExchange;
import org.gongwen.platform.DevPlatform;
import org.gongwen.testing.Fixtures;

/**
 * One fault run: every organisation behind its own fault proxy with one {@link ReliableExchange}
 * that sends and receives; documents from several senders to one or two recipients each, some on
 * the same node and some relayed through others; background workers; then a wait, bounded by a
 * deadline, until every document is accepted, handled by every recipient and acknowledged.
 */
final class FaultRun {
    /** What a run found. */
    record Outcome(int sent, long accepted, long delivered, long duplicateDeliveries, long duplicatesSuppressed, long retries,
            long attempts, Map<Fault, Long> faults, long requests, List<String> problems, Duration took) {
        String summary(String scenario) {
            return "fault run [" + scenario + "]: sent " + sent + ", accepted " + accepted + ", delivered (handled) " + delivered
                    + ", duplicate deliveries " + duplicateDeliveries + ", duplicates suppressed " + duplicatesSuppressed + ", retries "
                    + retries + ", attempts " + attempts + ", proxied requests " + requests + ", faults " + faults.entrySet().stream()
                    .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + "=" + e.getValue()).collect(Collectors.joining(" "))
                    + ", " + took.toMillis() + " ms";
        }
    }

    private final DevPlatform dev;
    private final Path dir;
    private final List<OrgCode> orgs;
    private final long seed;

    FaultRun(DevPlatform dev, Path dir, List<OrgCode> orgs, long seed) {
        this.dev = dev;
        this.dir = dir;
        this.orgs = List.copyOf(orgs);
        this.seed = seed;
    }

    /**
     * Sends {@code documents} documents with every request of every organisation going through a
     * proxy with {@code plan(i)} (i the organisation's index), each organisation's store built by
     * {@code config} for its folder, and waits up to {@code deadline}.
     */
    Outcome run(int documents, java.util.function.IntFunction<FaultPlan> plans, java.util.function.Function<Path, ReliableConfig.Builder> config,
            Duration deadline)
            throws Exception {
        Random random = new Random(seed);
        Map<OrgCode, List<Path>> packages = new LinkedHashMap<>();
        Map<OrgCode, Set<String>> expected = new LinkedHashMap<>();
        for (OrgCode o : orgs) {
            packages.put(o, new ArrayList<>());
            expected.put(o, new HashSet<>());
        }
        Path work = Files.createDirectories(dir.resolve("packages"));
        for (int i = 0; i < documents; i++) {
            OrgCode sender = orgs.get(i % orgs.size());
            List<OrgCode> others = new ArrayList<>(orgs);
            others.remove(sender);
            java.util.Collections.shuffle(others, random);
            List<OrgCode> to = others.subList(0, random.nextInt(3) == 0 ? 2 : 1);
            Header h = Header.builder().sender(sender).to(to.toArray(new OrgCode[0])).build();
            Path body = Fixtures.file(work, h.messageId() + ".pdf", 1024 + random.nextInt(3 * 1024), random.nextLong());
            Path pkg = work.resolve(h.messageId() + ".gwpkg");
            ProxiedParty.GW.newPackage().header(h).metadata(Fixtures.metadata()).body(body, "正文.pdf", "application/pdf")
                    .signWith(dev.signingIdentity(sender)).writeTo(pkg);
            Files.delete(body);
            packages.get(sender).add(pkg);
            for (OrgCode r : to) {
                expected.get(r).add(sender.value() + "/" + h.messageId());
            }
        }

        Progress progress = new Progress();
        List<ProxiedParty> parties = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < orgs.size(); i++) {
                Path store = Files.createDirectories(dir.resolve("stores").resolve(orgs.get(i).value()));
                parties.add(ProxiedParty.open(dev, orgs.get(i), plans.apply(i), store,
                        config.apply(store).listener(progress.listener(orgs.get(i)))));
            }
            for (ProxiedParty p : parties) {
                p.exchange.start();
            }
            writeOutboxes(parties, packages);
            int sent = documents;
            int deliveries = expected.values().stream().mapToInt(Set::size).sum();
            long deadlineNanos = started + deadline.toNanos();
            boolean done = progress.await(sent, deliveries, deadlineNanos);
            List<String> problems = new ArrayList<>();
            if (!done) {
                problems.add("not finished within " + deadline + ": " + progress.describe(sent, deliveries));
            } else if (!mailboxesEmpty(deadlineNanos, progress)) {
                problems.add("acknowledgements missing at the deadline: some mailboxes still list messages");
            }
            long accepted = 0;
            for (ProxiedParty p : parties) {
                for (OutboxState s : List.of(OutboxState.QUEUED, OutboxState.FAILED, OutboxState.EXPIRED)) {
                    for (OutboxEntry e : p.exchange.outbox(s, 10_000)) {
                        problems.add(p.org + " outbox entry " + e.messageId() + " is " + s + " after " + e.attempts() + " attempts: "
                                + e.lastErrorCode().orElse("") + " " + e.lastError().orElse(""));
                    }
                }
                accepted += p.exchange.outbox(OutboxState.ACCEPTED, 10_000).size();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            for (ProxiedParty p : parties) {
                p.exchange.close();
            }
            long delivered = 0;
            long duplicates = 0;
            for (ProxiedParty p : parties) {
                Map<String, Integer> filed = p.filed();
                Set<String> want = expected.get(p.org);
                for (String k : want) {
                    Integer n = filed.get(k);
                    if (n == null) {
                        problems.add(p.org + " never handled " + k);
                    }
                }
                for (Map.Entry<String, Integer> e : filed.entrySet()) {
                    delivered += e.getValue();
                    if (!want.contains(e.getKey())) {
                        problems.add(p.org + " handled " + e.getKey() + ", which was not addressed to it");
                    }
                    if (e.getValue() > 1) {
                        duplicates += e.getValue() - 1;
                        problems.add(p.org + " handled " + e.getKey() + " " + e.getValue() + " times");
                    }
                }
                problems.addAll(leftovers(p));
            }
            ReliableExchange.Counters sum = parties.stream().map(p -> p.exchange.counters()).reduce(FaultRun::add).orElseThrow();
            Map<Fault, Long> faults = FaultCounts.sum(parties.stream().map(p -> p.proxy.counts()).toList());
            long requests = parties.stream().mapToLong(p -> p.proxy.counts().requests()).sum();
            return new Outcome(sent, accepted, delivered, duplicates, sum.duplicatesSuppressed(), sum.retries(), sum.attempts(), faults,
                    requests, problems, took);
        } finally {
            for (ProxiedParty p : parties) {
                p.close();
            }
        }
    }

    /** Each organisation writes its documents into its outbox from a thread of its own, as applications do side by side. */
    private static void writeOutboxes(List<ProxiedParty> parties, Map<OrgCode, List<Path>> packages) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(parties.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (ProxiedParty p : parties) {
                done.add(writers.submit(() -> {
                    for (Path pkg : packages.get(p.org)) {
                        p.exchange.send(pkg);
                        Files.delete(pkg);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** Whether every organisation's mailbox, read directly from its node, is empty before the deadline: every acknowledgement landed. */
    private boolean mailboxesEmpty(long deadlineNanos, Progress progress) throws Exception {
        List<ExchangeClient> direct = new ArrayList<>();
        try {
            for (OrgCode o : orgs) {
                direct.add(ProxiedParty.GW.exchangeClient(dev.clientConfig(o)));
            }
            while (System.nanoTime() < deadlineNanos) {
                boolean empty = true;
                for (ExchangeClient c : direct) {
                    empty &= c.mailbox(Duration.ZERO).isEmpty();
                }
                if (empty) {
                    return true;
                }
                progress.pause(Duration.ofMillis(200));
            }
            return false;
        } finally {
            for (ExchangeClient c : direct) {
                c.close();
            }
        }
    }

    /** Files a cut download or an interrupted write left in the store: anything in the inbox folder but complete packages. */
    private static List<String> leftovers(ProxiedParty p) throws Exception {
        List<String> out = new ArrayList<>();
        long packages = 0;
        try (Stream<Path> files = Files.list(p.store.resolve("inbox"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".gwpkg") && !name.startsWith(".")) {
                    packages++;
                } else {
                    out.add(p.org + " inbox folder holds a stray file " + name);
                }
            }
        }
        int rows = p.filed().size();
        if (packages != rows) {
            out.add(p.org + " inbox folder holds " + packages + " packages for " + rows + " handled messages");
        }
        return out;
    }

    private static ReliableExchange.Counters add(ReliableExchange.Counters a, ReliableExchange.Counters b) {
        return new ReliableExchange.Counters(a.attempts() + b.attempts(), a.retries() + b.retries(), a.accepted() + b.accepted(),
                a.gaveUp() + b.gaveUp(), a.received() + b.received(), a.duplicatesSuppressed() + b.duplicatesSuppressed(),
                a.handled() + b.handled(), a.handlerFailures() + b.handlerFailures(), a.parked() + b.parked());
    }

    /** What the listeners heard: outbox entries that reached a final state and messages handled, as sets, so repeats show. */
    private static final class Progress {
        private final Set<String> finished = new HashSet<>();
        private final Set<String> failed = new HashSet<>();
        private final Set<String> handled = new HashSet<>();

        ExchangeListener listener(OrgCode org) {
            return new ExchangeListener() {
                @Override
                public void accepted(OutboxEntry e) {
                    add(finished, org + "/" + e.messageId());
                }

                @Override
                public void gaveUp(OutboxEntry e) {
                    add(finished, org + "/" + e.messageId());
                    add(failed, org + "/" + e.messageId() + " " + e.state() + " " + e.lastErrorCode().orElse("") + " "
                            + e.lastError().orElse(""));
                }

                @Override
                public void handled(InboxEntry e) {
                    add(handled, org + "<-" + e.sender() + "/" + e.messageId());
                }
            };
        }

        private synchronized void add(Set<String> set, String key) {
            set.add(key);
            notifyAll();
        }

        /** Waits until every document reached a final outbox state and every delivery was handled, or one gave up, or the deadline. */
        synchronized boolean await(int sent, int deliveries, long deadlineNanos) throws InterruptedException {
            while (finished.size() < sent || handled.size() < deliveries) {
                if (!failed.isEmpty()) {
                    return false;
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return failed.isEmpty();
        }

        synchronized void pause(Duration d) throws InterruptedException {
            wait(d.toMillis()); // polling the nodes' mailboxes between reads
        }

        synchronized String describe(int sent, int deliveries) {
            return finished.size() + " of " + sent + " outbox entries final, " + handled.size() + " of " + deliveries
                    + " deliveries handled" + (failed.isEmpty() ? "" : ", given up: " + new TreeMap<>(Map.of("entries", failed)));
        }
    }
}
