package org.gongwen.bench.exchange;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gongwen.api.Gongwen;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.bench.RandomFile;
import org.gongwen.platform.DevPlatform;

/**
 * The cost of persistence: messages per second end to end with the SDK's outbox and inbox (on H2,
 * and on PostgreSQL), beside the same run through the plain client. The three development nodes,
 * the senders and the recipient run in this JVM. In every mode each sending thread packs and signs
 * a new message with a 正文 of {@code --payload-kib} (10 KiB by default) in its loop, and a message
 * counts when the recipient's handler has committed its one row in the filing table (see
 * {@link PlainPipeline} and {@link ReliablePipeline}). Each mode of each case gets fresh nodes and
 * fresh stores. Not a test: nothing is asserted about time, but the run fails (status 1) if a
 * message is refused, lost or filed twice.
 *
 * <p>Usage: {@code ReliableRun [--modes plain,h2,postgresql] [--profiles RSA_SHA256] [--routes same,relay] [--senders 2]
 * [--seconds 20] [--warmup 10] [--first-warmup 20] [--window 4] [--payload-kib 10] [--postgres JDBC-URL] [--dir DIR]}.
 * Without {@code --postgres} the URL comes from {@code GONGWEN_TEST_POSTGRES_URL}; without either the
 * PostgreSQL mode is skipped, saying so.
 */
public final class ReliableRun {
    private static final Set<String> OPTIONS = Set.of("modes", "profiles", "routes", "senders", "seconds", "warmup", "first-warmup",
            "window", "payload-kib", "postgres", "dir");
    private static final String USAGE = "usage: ReliableRun [--modes plain,h2,postgresql] [--profiles RSA_SHA256] [--routes same,relay]"
            + " [--senders 2] [--seconds 20] [--warmup 10] [--first-warmup 20] [--window 4] [--payload-kib 10] [--postgres JDBC-URL]"
            + " [--dir DIR]";

    private final Gongwen gongwen = Gongwen.load();
    private final PrintStream out = System.out;
    private final List<StoreMode> modes;
    private final List<SignatureProfile> profiles;
    private final List<Route> routes;
    private final List<Integer> senders;
    private final ExchangeCase.Settings settings;
    private final Duration firstWarmUp;
    private final int payloadBytes;
    private final String postgres;
    private final Path dir;

    private ReliableRun(Options o) {
        modes = o.list("modes", "plain,h2,postgresql", StoreMode::of);
        profiles = o.list("profiles", "RSA_SHA256", SignatureProfile::valueOf);
        routes = o.list("routes", "same,relay", ReliableRun::route);
        senders = o.list("senders", "2", ReliableRun::senders);
        settings = new ExchangeCase.Settings(Duration.ofSeconds(o.integer("warmup", 10, 1, 3600)),
                Duration.ofSeconds(o.integer("seconds", 20, 1, 3600)), o.integer("window", 4, 1, 25));
        firstWarmUp = Duration.ofSeconds(o.integer("first-warmup", 20, 0, 3600));
        payloadBytes = o.integer("payload-kib", 10, 1, 100 * 1024) * 1024;
        String url = o.text("postgres", System.getenv("GONGWEN_TEST_POSTGRES_URL"));
        postgres = url == null || url.isBlank() ? null : url.trim();
        dir = Path.of(o.text("dir", "bench/target/reliable"));
    }

    private static Route route(String s) {
        switch (s) {
            case "same": return Route.SAME_NODE;
            case "relay": return Route.ONE_RELAY;
            default: throw new IllegalArgumentException("a route is 'same' or 'relay', not '" + s + "'");
        }
    }

    private static int senders(String s) {
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--senders values must be whole numbers: " + s);
        }
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("--senders values must be 1 to 64: " + s);
        }
        return n;
    }

    /** Runs every case; exits with status 1 on failure and 2 on a usage error. */
    public static void main(String[] args) {
        Logging.warningsOnly();
        ReliableRun run;
        try {
            run = new ReliableRun(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            run.run();
        } catch (ExchangeCase.Failed e) {
            System.err.println("FAILED: " + e.getMessage());
            if (e.getCause() != null) {
                e.getCause().printStackTrace();
            }
            System.exit(1);
        } catch (Exception e) {
            System.err.println("FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void f(String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        Path body = dir.resolve("正文-" + payloadBytes / 1024 + "KiB.ofd");
        RandomFile.ensure(body, payloadBytes, 20261126L);
        header();
        List<ReliableCase.Result> results = new ArrayList<>();
        boolean first = true;
        for (SignatureProfile profile : profiles) {
            for (Route route : routes) {
                for (int n : senders) {
                    for (StoreMode mode : modes) {
                        if (mode == StoreMode.POSTGRESQL && postgres == null) {
                            continue;
                        }
                        Path caseDir = dir.resolve("case-" + profile + "-" + route.name() + "-" + n + "-" + mode.label);
                        Trees.delete(caseDir);
                        try (DevPlatform dev = DevPlatform.start(caseDir.resolve("platform"), profile)) {
                            ExchangeCase.Settings s = first ? new ExchangeCase.Settings(settings.warmUp().plus(firstWarmUp), settings.measure(),
                                    settings.windowPerSender()) : settings;
                            first = false;
                            ReliableCase.Result r = new ReliableCase(gongwen, dev, mode, route, n, s, body, caseDir, postgres).run();
                            results.add(r);
                            progress(profile, r);
                        } finally {
                            deleteQuietly(caseDir);
                        }
                    }
                }
            }
        }
        table(results);
    }

    private void header() {
        f("reliable    %d KiB 正文, packed and signed in each sending loop in every mode; a message counts when the recipient's%n",
                payloadBytes / 1024);
        f("            handler has committed its row; plain = ExchangeClient.send/receive + the application's own H2 table,%n");
        f("            h2 / postgresql = ReliableExchange on both sides (outbox and inbox) with the filing row in the inbox's transaction%n");
        f("JVM         %s %s, max heap %d MiB, %d cores (the nodes, senders and recipient share them)%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        f("cases       modes %s, senders %s; each: fresh nodes and stores, warm-up %d s (+%d s for the first), measured %d s,%n",
                modes.stream().map(m -> m.label).toList(), senders, settings.warmUp().toSeconds(), firstWarmUp.toSeconds(),
                settings.measure().toSeconds());
        f("            at most %d messages in flight per sender%n", settings.windowPerSender());
        if (modes.contains(StoreMode.POSTGRESQL) && postgres == null) {
            f("note        postgresql skipped: give --postgres JDBC-URL or set GONGWEN_TEST_POSTGRES_URL (a user that may create databases)%n");
        }
        out.println();
    }

    private void progress(SignatureProfile profile, ReliableCase.Result r) {
        f("done        %-10s %-9s %d sender(s) %-10s: %.1f msg/s filed, p50 %.0f ms, CPU %.2f ms/msg; %d rows checked, each message once%n",
                profile, r.route().label, r.senders(), r.mode().label, r.perSecond(), r.p50Millis(), r.cpuMillisPerMessage(), r.rowsChecked());
        if (!r.counters().isEmpty()) {
            f("            %s%n", r.counters());
        }
    }

    private void table(List<ReliableCase.Result> results) {
        out.println();
        f("%-10s %-9s %3s %-10s %9s %8s %13s %8s %8s %6s %7s %8s%n", "profile", "route", "snd", "mode", "filed/s", "vs plain",
                "p50/p99 ms", "CPU ms", "CPU vs", "other", "retries", "rows");
        f("%-10s %-9s %3s %-10s %9s %8s %13s %8s %8s %6s %7s %8s%n", "", "", "", "", "", "", "", "/msg", "plain", "cores", "", "checked");
        int i = 0;
        for (SignatureProfile profile : profiles) {
            for (Route route : routes) {
                for (int n : senders) {
                    ReliableCase.Result plain = null;
                    for (StoreMode mode : modes) {
                        if (mode == StoreMode.POSTGRESQL && postgres == null) {
                            continue;
                        }
                        ReliableCase.Result r = results.get(i++);
                        if (mode == StoreMode.PLAIN) {
                            plain = r;
                        }
                        f("%-10s %-9s %3d %-10s %9.1f %8s %13s %8.2f %8s %6.2f %7d %8d%n", profile, route.label, n, mode.label, r.perSecond(),
                                plain == null ? "" : String.format(Locale.ROOT, "%.2f", r.perSecond() / plain.perSecond()),
                                String.format(Locale.ROOT, "%.0f / %.0f", r.p50Millis(), r.p99Millis()), r.cpuMillisPerMessage(),
                                plain == null ? "" : String.format(Locale.ROOT, "%.2f", r.cpuMillisPerMessage() / plain.cpuMillisPerMessage()),
                                r.otherCores(), r.retried(), r.rowsChecked());
                    }
                }
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Trees.delete(p);
        } catch (IOException e) {
            System.err.println("warning: cannot delete " + p + ": " + e.getMessage());
        }
    }
}
