package org.gongwen.bench.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
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
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.platform.DevPlatform;

/**
 * One measured case of {@link ReliableRun}: {@code senders} threads of one organisation pack, sign
 * and submit (through the {@link Pipeline} of the mode) while the recipient files each message
 * into its table. At most {@code window} messages per sender are in flight (started, not yet
 * filed). After a warm-up the filed messages are counted over the measurement window; then the
 * senders stop, everything in flight must be filed within two minutes, and the filing table must
 * hold exactly one row for every submitted message.
 */
final class ReliableCase {
    /** The figures of one case; {@code retried} counts the whole case, the rest the measurement window. */
    record Result(StoreMode mode, Route route, int senders, double seconds, long filed, double cpuMillisPerMessage, double otherCores,
            double p50Millis, double p99Millis, long retried, long rowsChecked, String counters) {
        double perSecond() {
            return filed / seconds;
        }
    }

    private static final Duration DRAIN = Duration.ofSeconds(120);

    private final Gongwen gongwen;
    private final DevPlatform dev;
    private final StoreMode mode;
    private final Route route;
    private final int senders;
    private final ExchangeCase.Settings settings;
    private final Path body;
    private final Path dir;
    private final String postgres;
    private final Map<UUID, Long> started = new ConcurrentHashMap<>();
    private final Set<UUID> submitted = ConcurrentHashMap.newKeySet();
    private final Queue<long[]> filings = new ConcurrentLinkedQueue<>();
    private final AtomicLong filed = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch failed = new CountDownLatch(1);
    private Semaphore window;

    /** @param postgres the base URL for {@link StoreMode#POSTGRESQL} (its user may create databases), else null */
    ReliableCase(Gongwen gongwen, DevPlatform dev, StoreMode mode, Route route, int senders, ExchangeCase.Settings settings, Path body,
            Path dir, String postgres) {
        this.gongwen = gongwen;
        this.dev = dev;
        this.mode = mode;
        this.route = route;
        this.senders = senders;
        this.settings = settings;
        this.body = body;
        this.dir = dir;
        this.postgres = postgres;
    }

    private void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            failed.countDown();
        }
    }

    private void filed(UUID id) {
        Long t0 = started.remove(id);
        if (t0 == null) {
            fail(new IllegalStateException("message " + id + " was filed twice or was never sent"));
            return;
        }
        filings.add(new long[] {t0, System.nanoTime()});
        filed.incrementAndGet();
        window.release();
    }

    /** Runs the case and returns its figures. */
    Result run() throws Exception {
        int windowSize = senders * settings.windowPerSender();
        window = new Semaphore(windowSize);
        Path staging = Files.createDirectories(dir.resolve("staging"));
        SenderLoop.Events events = new SenderLoop.Events() {
            @Override
            public void starting(UUID id) {
                started.put(id, System.nanoTime());
            }

            @Override
            public void accepted(UUID id) {
                submitted.add(id);
            }

            @Override
            public void retrying(UUID id, GongwenException refusal) {
                // counted by the pipeline
            }
        };
        try (PostgresDatabases pg = mode == StoreMode.POSTGRESQL ? new PostgresDatabases(postgres) : null;
                ExchangeClient out = gongwen.exchangeClient(dev.clientConfig(route.sender));
                ExchangeClient in = gongwen.exchangeClient(dev.clientConfig(route.recipient))) {
            Pipeline pipeline = mode == StoreMode.PLAIN ? new PlainPipeline(out, in, events, dir, this::filed, this::fail)
                    : new ReliablePipeline(gongwen, out, in, senders, dir, pg == null ? null : pg.create("sender"),
                            pg == null ? null : pg.create("recipient"), this::filed);
            Result result = null;
            String counters;
            long retried;
            List<SenderLoop> loops = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            try {
                pipeline.start();
                for (int i = 0; i < senders; i++) {
                    SenderLoop loop = new SenderLoop(gongwen, pipeline.submitter(), dev.signingIdentity(route.sender), route, body, staging,
                            window, events, this::fail);
                    loops.add(loop);
                    Thread t = new Thread(loop, "sender-" + i);
                    threads.add(t);
                    t.start();
                }
                result = measure();
            } finally {
                loops.forEach(SenderLoop::stop);
                for (Thread t : threads) {
                    t.join();
                }
                if (failure.get() == null && !window.tryAcquire(windowSize, DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                    fail(new IllegalStateException(started.size() + " messages were not filed within " + DRAIN.toSeconds()
                            + " s after the senders stopped"));
                }
                counters = pipeline.counters();
                retried = pipeline.retries();
                pipeline.close();
            }
            if (failure.get() != null) {
                throw new ExchangeCase.Failed(mode.label + ", " + route.label + ", " + senders + " sender(s): " + failure.get(), failure.get());
            }
            if (result == null) {
                throw new ExchangeCase.Failed(mode.label + ": the case did not reach its measurement window", null);
            }
            long rows = Filing.check(pipeline.filingUrl(), submitted);
            return new Result(mode, route, senders, result.seconds(), result.filed(), result.cpuMillisPerMessage(), result.otherCores(),
                    result.p50Millis(), result.p99Millis(), retried, rows, counters);
        }
    }

    /** Warm-up, then the measurement window; null if the case failed meanwhile. */
    private Result measure() throws InterruptedException {
        if (failed.await(settings.warmUp().toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        CpuClock cpu = new CpuClock();
        CpuClock.Reading c0 = cpu.read();
        long f0 = filed.get();
        if (failed.await(settings.measure().toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        CpuClock.Reading c1 = cpu.read();
        long n = filed.get() - f0;
        double seconds = (c1.wallNanos() - c0.wallNanos()) / 1e9;
        long[] latencies = filings.stream().filter(d -> d[1] >= c0.wallNanos() && d[1] <= c1.wallNanos()).mapToLong(d -> d[1] - d[0])
                .toArray();
        Arrays.sort(latencies);
        double cpuMs = n == 0 ? Double.NaN : (c1.processNanos() - c0.processNanos()) / 1e6 / n;
        return new Result(mode, route, senders, seconds, n, cpuMs, c1.otherCores(c0), percentile(latencies, 0.5) / 1e6,
                percentile(latencies, 0.99) / 1e6, 0, 0, "");
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
