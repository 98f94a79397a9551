package org.gongwen.bench.exchange;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongwen.api.Gongwen;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.bench.RandomFile;
import org.gongwen.platform.DevPlatform;

/**
 * Messages per second end to end through the reference platform on loopback, in one JVM: the
 * three development nodes (TLS with client certificates, H2 databases, files), the senders and
 * the recipient. A message is packed and signed with a 正文 of {@code --payload-kib} (100 KiB by
 * default), submitted, verified and stored by its home node (and relayed for {@link Route#ONE_RELAY}),
 * fetched and verified by the recipient, and counted when the recipient's DELIVERED receipt has
 * been posted. Beside each figure: the bare cost of the cryptography the message needs, measured
 * in the same JVM, and the ceiling it sets. Not a test: it asserts nothing about time, but it
 * fails (status 1) if a message is refused, lost or not shown DELIVERED to its sender.
 *
 * <p>Usage: {@code ExchangeRun [--profiles RSA_SHA256,SM2_SM3] [--routes same,relay] [--senders 1,8]
 * [--seconds 15] [--warmup 8] [--first-warmup 30] [--window 4] [--payload-kib 100] [--crypto-seconds 1] [--dir DIR]}.
 */
public final class ExchangeRun {
    private static final Set<String> OPTIONS = Set.of("profiles", "routes", "senders", "seconds", "warmup", "first-warmup", "window",
            "payload-kib", "crypto-seconds", "dir");

    private final Gongwen gongwen = Gongwen.load();
    private final PrintStream out = System.out;
    private final List<SignatureProfile> profiles;
    private final List<Route> routes;
    private final List<Integer> senders;
    private final ExchangeCase.Settings settings;
    private final Duration firstWarmUp;
    private final int payloadBytes;
    private final Duration cryptoEach;
    private final Path dir;

    private ExchangeRun(Options o) {
        profiles = o.list("profiles", "RSA_SHA256,SM2_SM3", SignatureProfile::valueOf);
        routes = o.list("routes", "same,relay", ExchangeRun::route);
        senders = o.list("senders", "1,8", s -> positive("senders", s, 64));
        settings = new ExchangeCase.Settings(Duration.ofSeconds(o.integer("warmup", 8, 1, 3600)),
                Duration.ofSeconds(o.integer("seconds", 15, 1, 3600)), o.integer("window", 4, 1, 25));
        firstWarmUp = Duration.ofSeconds(o.integer("first-warmup", 30, 0, 3600));
        payloadBytes = o.integer("payload-kib", 100, 1, 100 * 1024) * 1024;
        cryptoEach = Duration.ofMillis(Math.round(1000 * Double.parseDouble(o.text("crypto-seconds", "1"))));
        dir = Path.of(o.text("dir", "bench/target/exchange"));
    }

    private static Route route(String s) {
        switch (s) {
            case "same": return Route.SAME_NODE;
            case "relay": return Route.ONE_RELAY;
            default: throw new IllegalArgumentException("a route is 'same' or 'relay', not '" + s + "'");
        }
    }

    private static int positive(String name, String s, int max) {
        int n = Integer.parseInt(s);
        if (n < 1 || n > max) {
            throw new IllegalArgumentException("--" + name + " values must be 1 to " + max + ": " + s);
        }
        return n;
    }

    /** Runs every case; exits with status 1 on failure and 2 on a usage error. */
    public static void main(String[] args) {
        Logging.warningsOnly();
        ExchangeRun run;
        try {
            run = new ExchangeRun(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: ExchangeRun [--profiles RSA_SHA256,SM2_SM3] [--routes same,relay] [--senders 1,8] [--seconds 15]"
                    + " [--warmup 8] [--first-warmup 30] [--window 4] [--payload-kib 100] [--crypto-seconds 1] [--dir DIR]");
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

    private void run() throws Exception {
        HeapWatch heap = HeapWatch.start();
        Files.createDirectories(dir);
        Path body = dir.resolve("正文-" + payloadBytes / 1024 + "KiB.ofd");
        RandomFile.ensure(body, payloadBytes, 20261126L);
        ExchangeReport report = new ExchangeReport(out, payloadBytes, settings, senders);
        report.header();
        Map<SignatureProfile, CryptoCost> costs = new LinkedHashMap<>();
        List<CaseResult> results = new ArrayList<>();
        boolean first = true;
        for (SignatureProfile profile : profiles) {
            for (Route route : routes) {
                for (int n : senders) {
                    Path caseDir = dir.resolve("case-" + profile + "-" + route.name() + "-" + n);
                    Trees.delete(caseDir);
                    try (DevPlatform dev = DevPlatform.start(caseDir.resolve("platform"), profile)) {
                        if (!costs.containsKey(profile)) {
                            costs.put(profile, CryptoCost.measure(dev.signingIdentity(route.sender), payloadBytes, cryptoEach));
                        }
                        ExchangeCase.Settings s = first ? new ExchangeCase.Settings(settings.warmUp().plus(firstWarmUp), settings.measure(),
                                settings.windowPerSender()) : settings;
                        first = false;
                        CaseResult r = new ExchangeCase(gongwen, dev, route, n, s, body, caseDir, heap).run();
                        results.add(r);
                        report.progress(r, costs.get(profile));
                    } finally {
                        deleteQuietly(caseDir);
                    }
                }
            }
        }
        report.tables(results, costs, routes);
    }

    private static void deleteQuietly(Path p) {
        try {
            Trees.delete(p);
        } catch (IOException e) {
            System.err.println("warning: cannot delete " + p + ": " + e.getMessage());
        }
    }
}
