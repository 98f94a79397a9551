package org.gongwen.bench.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.platform.DevPlatform;

/**
 * One measured case: {@code senders} threads of one organisation send through one shared client
 * while a {@link RecipientPool} of as many workers receives through the recipient's shared client.
 * At most {@code window} messages are in flight (sent, DELIVERED not yet posted), so the mailbox
 * cannot grow without bound and the sent and delivered rates agree. After a warm-up the counts are
 * taken over the measurement window; then the senders stop, everything in flight is delivered,
 * the nodes come to rest and the sender's status of the last message must show it DELIVERED.
 */
final class ExchangeCase {
    /** How a case runs. */
    record Settings(Duration warmUp, Duration measure, int windowPerSender) {
    }

    /** A case failed (a message was refused, lost or never delivered). */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration DRAIN = Duration.ofSeconds(120);

    private final Gongwen gongwen;
    private final DevPlatform dev;
    private final Route route;
    private final int senders;
    private final Settings settings;
    private final Path body;
    private final Path dir;
    private final HeapWatch heap;
    private final Map<UUID, Long> started = new ConcurrentHashMap<>();
    private final Queue<long[]> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicReference<String> lastRetryable = new AtomicReference<>();
    private final AtomicReference<UUID> lastDelivered = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch failed = new CountDownLatch(1);
    private Semaphore window;

    ExchangeCase(Gongwen gongwen, DevPlatform dev, Route route, int senders, Settings settings, Path body, Path dir, HeapWatch heap) {
        this.gongwen = gongwen;
        this.dev = dev;
        this.route = route;
        this.senders = senders;
        this.settings = settings;
        this.body = body;
        this.dir = dir;
        this.heap = heap;
    }

    private void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            failed.countDown();
        }
    }

    /** Runs the case and returns its figures. */
    CaseResult run() throws Exception {
        int windowSize = senders * settings.windowPerSender();
        window = new Semaphore(windowSize);
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        CpuClock cpu = new CpuClock();
        List<SenderLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (ExchangeClient out = gongwen.exchangeClient(dev.clientConfig(route.sender));
                ExchangeClient in = gongwen.exchangeClient(dev.clientConfig(route.recipient))) {
            RecipientPool pool = new RecipientPool(in, senders, inbox, m -> delivered(m.entry().messageId()), this::fail);
            pool.start();
            SenderLoop.Events events = new SenderLoop.Events() {
                @Override
                public void starting(UUID id) {
                    started.put(id, System.nanoTime());
                }

                @Override
                public void accepted(UUID id) {
                    sent.incrementAndGet();
                }

                @Override
                public void retrying(UUID id, GongwenException refusal) {
                    retries.incrementAndGet();
                    lastRetryable.set(refusal.getMessage());
                }
            };
            for (int i = 0; i < senders; i++) {
                SenderLoop loop = new SenderLoop(gongwen, out, dev.signingIdentity(route.sender), route, body, outbox, window, events, this::fail);
                loops.add(loop);
                Thread t = new Thread(loop, "sender-" + i);
                threads.add(t);
                t.start();
            }
            CaseResult result = null;
            try {
                if (!failed.await(settings.warmUp().toMillis(), TimeUnit.MILLISECONDS)) {
                    heap.reset();
                    Instant windowStart = Instant.now();
                    CpuClock.Reading c0 = cpu.read();
                    long s0 = sent.get();
                    long d0 = delivered.get();
                    long r0 = retries.get();
                    if (!failed.await(settings.measure().toMillis(), TimeUnit.MILLISECONDS)) {
                        CpuClock.Reading c1 = cpu.read();
                        long s1 = sent.get();
                        long d1 = delivered.get();
                        result = result(c0, c1, s1 - s0, d1 - d0, retries.get() - r0, windowSize, windowStart);
                    }
                }
            } finally {
                loops.forEach(SenderLoop::stop);
                for (Thread t : threads) {
                    t.join();
                }
                if (failure.get() == null && !window.tryAcquire(windowSize, DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                    fail(new IllegalStateException(started.size() + " messages were not delivered within " + DRAIN.toSeconds() + " s"));
                }
                pool.close();
            }
            if (failure.get() != null) {
                throw new Failed(route.label + ", " + senders + " sender(s): " + failure.get(), failure.get());
            }
            check(out);
            return result;
        }
    }

    private void delivered(UUID id) {
        Long t0 = started.remove(id);
        if (t0 == null) {
            fail(new IllegalStateException("message " + id + " was delivered twice or was never sent"));
            return;
        }
        deliveries.add(new long[] {t0, System.nanoTime()});
        delivered.incrementAndGet();
        lastDelivered.set(id);
        window.release();
    }

    /** Everything came to rest, and the sender's node knows the last message as DELIVERED (every receipt verified). */
    private void check(ExchangeClient sender) throws Exception {
        if (!dev.awaitQuiet(DRAIN)) {
            throw new Failed("the nodes still owe relays " + DRAIN.toSeconds() + " s after the case ended", null);
        }
        UUID last = lastDelivered.get();
        if (last == null) {
            throw new Failed(route.label + ", " + senders + " sender(s): no message was delivered", null);
        }
        MessageStatus s = sender.status(last);
        DeliveryState state = s.recipient(route.recipient).orElseThrow().state();
        if (state != DeliveryState.DELIVERED) {
            throw new Failed("message " + last + " was delivered but its sender's status says " + state, null);
        }
    }

    private CaseResult result(CpuClock.Reading c0, CpuClock.Reading c1, long sentCount, long deliveredCount, long retried,
            int windowSize, Instant windowStart) {
        double seconds = (c1.wallNanos() - c0.wallNanos()) / 1e9;
        List<Long> latencies = new ArrayList<>();
        for (long[] d : deliveries) {
            if (d[1] >= c0.wallNanos() && d[1] <= c1.wallNanos()) {
                latencies.add(d[1] - d[0]);
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new CaseResult(dev.profile(), route, senders, windowSize, seconds, sentCount, deliveredCount, retried, lastRetryable.get(),
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, c1.processCores(c0), c1.otherCores(c0),
                (c1.processNanos() - c0.processNanos()) / 1e6 / Math.max(1, deliveredCount), heap.figures(), windowStart);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
