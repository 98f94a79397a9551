package org.gongwen.bench.exchange;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.sign.SignatureProfile;

/** The printed output of {@link ExchangeRun}: a line per case as it ends, then the tables. */
final class ExchangeReport {
    /** phase4 4.4.1, RSA-2048, signed receipts, one JVM on loopback, 100 KiB payload: 83 to 85 messages/s. */
    private static final double REFERENCE_PER_SECOND = 85;
    private static final double MIB = 1 << 20;

    private final PrintStream out;
    private final int payloadBytes;
    private final ExchangeCase.Settings settings;
    private final List<Integer> senders;
    private final int cores = Runtime.getRuntime().availableProcessors();

    ExchangeReport(PrintStream out, int payloadBytes, ExchangeCase.Settings settings, List<Integer> senders) {
        this.out = out;
        this.payloadBytes = payloadBytes;
        this.settings = settings;
        this.senders = senders;
    }

    private void f(String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
    }

    void header() {
        f("exchange    %d KiB 正文; pack+sign, submit over mutual TLS, node verifies and stores (and relays), recipient fetches,%n",
                payloadBytes / 1024);
        f("            verifies and posts DELIVERED; a message counts when its DELIVERED receipt was posted%n");
        f("JVM         %s %s, max heap %d MiB, %d cores (the nodes, senders and recipient share them)%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, cores);
        f("cases       senders %s; each case: warm-up %d s, measured %d s, at most %d messages in flight per sender%n", senders,
                settings.warmUp().toSeconds(), settings.measure().toSeconds(), settings.windowPerSender());
        f("clients     the sending threads share one ExchangeClient; the recipient lists with one thread and fetches with as many%n");
        f("            worker threads as there are senders, through one shared ExchangeClient; fresh development nodes per case%n");
        out.println();
    }

    /** One line as a case ends. */
    void progress(CaseResult r, CryptoCost cost) {
        f("done        %-10s %-9s %d sender(s): %.1f msg/s delivered, %.1f sent, p50 %.0f ms, CPU %.2f ms/msg (crypto %.2f);"
                + " measured from %s for %.0f s%n", r.profile(), r.route().label, r.senders(), r.deliveredPerSecond(), r.sentPerSecond(),
                r.p50Millis(), r.cpuMillisPerMessage(), cost.perMessage(CryptoCount.of(r.route())) * 1e3,
                r.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.seconds());
        if (r.retried() > 0) {
            f("            %d submissions refused for now and sent again; the last: %s%n", r.retried(), r.lastRetryable());
        }
    }

    /** The tables at the end. */
    void tables(List<CaseResult> results, Map<SignatureProfile, CryptoCost> costs, List<Route> routes) {
        out.println();
        f("%-11s %-9s %3s %6s %8s %8s %7s %7s %7s %7s %6s %9s %6s %5s %5s %6s %6s%n", "profile", "route", "snd", "window", "sent/s",
                "deliv/s", "p50 ms", "p99 ms", "CPU ms", "crypto", "share", "ceiling/s", "of it", "JVM", "other", "peak", "live");
        f("%-11s %-9s %3s %6s %8s %8s %7s %7s %7s %7s %6s %9s %6s %5s %5s %6s %6s%n", "", "", "", "", "", "", "", "", "/msg", "ms/msg",
                "", cores + " cores", "", "cores", "cores", "MiB", "MiB");
        for (CaseResult r : results) {
            double crypto = costs.get(r.profile()).perMessage(CryptoCount.of(r.route()));
            double ceiling = cores / crypto;
            f("%-11s %-9s %3d %6d %8.1f %8.1f %7.0f %7.0f %7.2f %7.2f %5.0f%% %9.0f %5.0f%% %5.2f %5.2f %6.1f %6.1f%n",
                    r.profile(), r.route().label, r.senders(), r.window(), r.sentPerSecond(), r.deliveredPerSecond(), r.p50Millis(),
                    r.p99Millis(), r.cpuMillisPerMessage(), crypto * 1e3, 100 * crypto * 1e3 / r.cpuMillisPerMessage(), ceiling,
                    100 * r.deliveredPerSecond() / ceiling, r.processCores(), r.otherCores(), r.heap().peakUsed() / MIB,
                    r.heap().maxLiveAfterGc() / MIB);
        }
        out.println();
        f("bare cryptography, one thread, this JVM, CPU ms per operation (%d KiB payload):%n", payloadBytes / 1024);
        f("%-11s %9s %9s %22s %16s %22s%n", "profile", "sign", "verify", "part digest of payload", "SHA-256 of it", "TLS seal+open (AES-GCM)");
        for (Map.Entry<SignatureProfile, CryptoCost> e : costs.entrySet()) {
            CryptoCost c = e.getValue();
            String digest = e.getKey().digestAlgorithm() == DigestAlgorithm.SM3 ? "SM3 (BC)" : "SHA-256 (JDK)";
            f("%-11s %9.3f %9.3f %13s %8.3f %16.3f %22.3f%n", e.getKey(), c.sign() * 1e3, c.verify() * 1e3, digest, c.partDigest() * 1e3,
                    c.sha256() * 1e3, c.tlsTransfer() * 1e3);
        }
        out.println();
        f("per message, counted in the code (bench/README.md), and its bare cost in ms:%n");
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-9s %6s %9s %13s %16s %14s", "route", "signs", "verifies",
                "part digests", "package SHA-256", "TLS transfers"));
        for (SignatureProfile p : costs.keySet()) {
            h.append(String.format(Locale.ROOT, " %12s %8s", p + " ms", "+TLS ms"));
        }
        out.println(h);
        for (Route route : routes) {
            CryptoCount c = CryptoCount.of(route);
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-9s %6d %9d %13d %16d %14d", route.label, c.signs(), c.verifies(),
                    c.partDigests(), c.packageSha256(), c.tlsTransfers()));
            for (CryptoCost cost : costs.values()) {
                b.append(String.format(Locale.ROOT, " %12.2f %8.2f", cost.perMessage(c) * 1e3, cost.tlsPerMessage(c) * 1e3));
            }
            out.println(b);
        }
        out.println();
        out.println("CPU ms/msg: this JVM's CPU time per delivered message (nodes, senders, recipient, JIT, GC). crypto ms/msg: CPU");
        out.println("time of the bare signatures, verifications and payload digests the message needs (TLS record protection not");
        out.println("included). share: crypto / CPU. ceiling/s: messages per second if only that cryptography cost time, on all");
        out.println("cores. of it: delivered/s as a share of the ceiling. JVM / other cores: cores this JVM / other processes kept");
        out.println("busy on average (other processes on the machine lower msg/s but hardly CPU ms/msg).");
        out.println("peak: highest heap occupancy the collector reported in the window; live: highest occupancy after a collection.");
        reference(results);
    }

    private void reference(List<CaseResult> results) {
        if (payloadBytes != 100 * 1024) {
            return;
        }
        double best = results.stream().filter(r -> r.profile() == SignatureProfile.RSA_SHA256).mapToDouble(CaseResult::deliveredPerSecond)
                .max().orElse(Double.NaN);
        if (Double.isNaN(best)) {
            return;
        }
        out.println();
        f("reference   phase4 4.4.1 (RSA-2048, signed receipts, one JVM, loopback): 83-85 msg/s with 100 KiB; the aim is 3x: %.0f msg/s%n",
                3 * REFERENCE_PER_SECOND);
        f("here        best RSA_SHA256 case: %.1f msg/s = %.2fx the reference: the aim is %s%n", best, best / REFERENCE_PER_SECOND,
                best >= 3 * REFERENCE_PER_SECOND ? "MET" : "NOT met");
    }
}
