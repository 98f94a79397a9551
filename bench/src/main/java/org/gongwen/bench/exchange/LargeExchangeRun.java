package org.gongwen.bench.exchange;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongwen.api.Gongwen;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.bench.RandomFile;
import org.gongwen.platform.DevPlatform;

/**
 * One large package (a 100 KiB 正文 and a 1 GiB attachment by default) submitted and fetched
 * through the reference node, beside plain HTTPS transfers of the same bytes, with the sender and
 * the receiver in separate JVMs limited to {@code --child-heap} (64 MiB by default). The
 * development platform (three nodes; the message stays on 咸阳市's node 610400: 咸阳市 sends to
 * 淳化县) and the plain server run in this JVM. For each profile: the sender JVM packs, uploads
 * plainly and submits; then the receiver JVM fetches, acknowledges and downloads plainly; then this
 * JVM checks that the sender's status shows the message DELIVERED. Not a test: it asserts nothing
 * about time, but it fails (status 1) if a child fails or the message is not DELIVERED.
 *
 * <p>Usage: {@code LargeExchangeRun [--dir DIR] [--size-mib 1024] [--profiles SM2_SM3,RSA_SHA256]
 * [--child-heap 64m] [--child-java-opts "-Xlog:gc"]}.
 */
public final class LargeExchangeRun {
    private static final Set<String> OPTIONS = Set.of("dir", "size-mib", "profiles", "child-heap", "child-java-opts");
    private static final double MIB = 1 << 20;
    /** The attachment of the warm-up package: enough TLS records and digest blocks for the JIT to compile the hot loops. */
    private static final int WARM_UP_MIB = 64;

    private final PrintStream out = System.out;
    private final Path dir;
    private final long size;
    private final List<SignatureProfile> profiles;
    private final List<String> childOptions = new ArrayList<>();
    private Path warmUpAttachment;

    private LargeExchangeRun(Options o) {
        dir = Path.of(o.text("dir", "bench/target/exchange-large")).toAbsolutePath();
        size = o.integer("size-mib", 1024, 1, 2047) * (long) MIB;
        profiles = o.list("profiles", "SM2_SM3,RSA_SHA256", SignatureProfile::valueOf);
        String heap = o.text("child-heap", "64m");
        if (!heap.matches("[0-9]+[kmgKMG]?")) {
            throw new IllegalArgumentException("--child-heap is a -Xmx size such as 64m: " + heap);
        }
        childOptions.add("-Xmx" + heap);
        String extra = o.text("child-java-opts", "").trim();
        if (!extra.isEmpty()) {
            childOptions.addAll(Arrays.asList(extra.split("\\s+")));
        }
    }

    /** One profile's figures. */
    private record Row(SignatureProfile profile, Child sender, Child receiver, HeapWatch.Figures nodeSubmit,
            HeapWatch.Figures nodeFetch, String delivered) {
    }

    /**
     * A child's outcome and the CPU around it.
     *
     * @param thisJvmCpuSeconds CPU seconds of this JVM (the nodes, the plain server) while the child ran
     * @param otherCores cores other processes kept busy on average while the child ran (NaN if unknown)
     */
    private record Child(ChildJvm.Outcome outcome, double seconds, double thisJvmCpuSeconds, double otherCores) {
        boolean succeeded() {
            return outcome.succeeded();
        }

        Map<String, String> result() {
            return outcome.result();
        }
    }

    private Child child(String label, Class<?> main, List<String> args) throws Exception {
        CpuClock clock = new CpuClock();
        CpuClock.Reading before = clock.read();
        ChildJvm.Outcome o = ChildJvm.run(label, main, childOptions, args, out);
        CpuClock.Reading after = clock.read();
        double wall = (after.wallNanos() - before.wallNanos()) / 1e9;
        double own = (after.processNanos() - before.processNanos()) / 1e9;
        double childCpu = Double.parseDouble(o.result().getOrDefault("process.cpu.seconds", "NaN"));
        double other = (after.machineBusySeconds() - before.machineBusySeconds() - own - childCpu) / wall;
        return new Child(o, wall, own, other);
    }

    /** Runs every profile; exits with status 1 on failure and 2 on a usage error. */
    public static void main(String[] args) {
        Logging.warningsOnly();
        LargeExchangeRun run;
        try {
            run = new LargeExchangeRun(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: LargeExchangeRun [--dir DIR] [--size-mib 1024] [--profiles SM2_SM3,RSA_SHA256] [--child-heap 64m]"
                    + " [--child-java-opts \"-Xlog:gc\"]");
            System.exit(2);
            return;
        }
        try {
            System.exit(run.run() ? 0 : 1);
        } catch (Exception e) {
            System.err.println("FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private boolean run() throws Exception {
        HeapWatch heap = HeapWatch.start();
        Files.createDirectories(dir);
        Path attachment = dir.resolve("attachment-" + (long) (size / MIB) + "MiB.bin");
        long t = System.nanoTime();
        boolean made = RandomFile.ensure(attachment, size, 20261126L);
        Path body = dir.resolve("正文.ofd");
        RandomFile.ensure(body, 100 * 1024, 1L);
        warmUpAttachment = dir.resolve("warm-up-" + WARM_UP_MIB + "MiB.bin");
        RandomFile.ensure(warmUpAttachment, WARM_UP_MIB << 20, 2L);
        out.printf(Locale.ROOT, "attachment  %s (%d MiB, %s)%n", attachment, (long) (size / MIB),
                made ? String.format(Locale.ROOT, "written in %.1f s", (System.nanoTime() - t) / 1e9) : "reused");
        out.printf(Locale.ROOT, "this JVM    %s %s, max heap %d MiB: the three development nodes and the plain HTTPS server%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "children   sender and receiver JVMs with %s%n", String.join(" ", childOptions));
        out.println();
        List<Row> rows = new ArrayList<>();
        for (SignatureProfile profile : profiles) {
            rows.add(profile(profile, body, attachment, heap));
        }
        return print(rows);
    }

    private Row profile(SignatureProfile profile, Path body, Path attachment, HeapWatch heap) throws Exception {
        Path work = dir.resolve("run-" + profile);
        Trees.delete(work);
        Path served = Files.createDirectories(work.resolve("served"));
        Path pkg = served.resolve("package.gwpkg");
        Path warm = served.resolve("warm-up.gwpkg");
        try (DevPlatform dev = DevPlatform.start(work.resolve("platform"), profile)) {
            Path pki = dev.writeFiles();
            Path senderConfig = ClientConfigFiles.write(pki, DevPlatform.XIANYANG, dev.node(DevPlatform.XIANYANG_NODE).uri(), profile);
            Path receiverConfig = ClientConfigFiles.write(pki, DevPlatform.CHUNHUA, dev.node(DevPlatform.XIANYANG_NODE).uri(), profile);
            try (PlainHttpsServer plain = PlainHttpsServer.start(dev.nodeTlsIdentity(DevPlatform.XIANYANG_NODE), dev.tlsTrustAnchors(), served)) {
                out.println(profile + ":");
                heap.reset();
                Child sender = child("sender", LargeSender.class, List.of(
                        "--config", senderConfig.toString(), "--from", DevPlatform.XIANYANG.value(), "--to", DevPlatform.CHUNHUA.value(),
                        "--body", body.toString(), "--attachment", attachment.toString(), "--package", pkg.toString(),
                        "--warm-up-attachment", warmUpAttachment.toString(),
                        "--warm-up", warm.toString(), "--plain", plain.uri().toString()));
                HeapWatch.Figures nodeSubmit = heap.figures();
                if (!sender.succeeded()) {
                    return new Row(profile, sender, null, nodeSubmit, null, "not sent");
                }
                heap.reset();
                Child receiver = child("receiver", LargeReceiver.class, List.of(
                        "--config", receiverConfig.toString(), "--inbox", work.resolve("inbox").toString(),
                        "--message", sender.result().get("message"), "--plain", plain.uri().toString(),
                        "--package-name", pkg.getFileName().toString(), "--warm-up-name", warm.getFileName().toString()));
                HeapWatch.Figures nodeFetch = heap.figures();
                return new Row(profile, sender, receiver, nodeSubmit, nodeFetch, status(dev, UUID.fromString(sender.result().get("message"))));
            }
        } finally {
            Trees.delete(work);
        }
    }

    /** The recipient's state in the sender's status, every receipt verified. */
    private static String status(DevPlatform dev, UUID message) throws Exception {
        if (!dev.awaitQuiet(Duration.ofSeconds(60))) {
            return "relays still pending";
        }
        try (ExchangeClient c = Gongwen.load().exchangeClient(dev.clientConfig(DevPlatform.XIANYANG))) {
            return c.status(message).recipient(DevPlatform.CHUNHUA).map(r -> r.state().name()).orElse("no such recipient");
        }
    }

    private boolean print(List<Row> rows) {
        out.println();
        out.printf(Locale.ROOT, "%-11s %-41s %8s %8s %8s %9s %9s%n", "profile", "step", "seconds", "MiB/s", "CPU s", "MiB/CPU-s", "vs plain");
        boolean ok = true;
        for (Row r : rows) {
            if (r.sender().succeeded()) {
                Map<String, String> s = r.sender().result();
                double mib = Long.parseLong(s.get("bytes")) / MIB;
                double plainUp = Double.parseDouble(s.get("plain.seconds"));
                line(r.profile(), "pack+sign (sender JVM)", s, "pack", mib, Double.NaN);
                line(r.profile(), "plain HTTPS upload (server discards)", s, "plain", mib, Double.NaN);
                line(r.profile(), "submit (node verifies while storing)", s, "exchange", mib, plainUp);
            }
            if (r.receiver() != null && r.receiver().succeeded()) {
                Map<String, String> v = r.receiver().result();
                double mib = Long.parseLong(v.get("bytes")) / MIB;
                double plainDown = Double.parseDouble(v.get("plain.seconds"));
                line(r.profile(), "plain HTTPS download (to a file, forced)", v, "plain", mib, Double.NaN);
                line(r.profile(), "fetch (client verifies while storing)", v, "exchange", mib, plainDown);
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-11s %-11s %8s %9s %9s %4s %8s %8s %6s  %s%n", "profile", "JVM", "max heap", "peak heap", "live heap",
                "GCs", "CPU s", "node CPU", "other", "result");
        for (Row r : rows) {
            heapLine(r.profile(), "sender", r.sender());
            heapLine(r.profile(), "receiver", r.receiver());
            heapLine(r.profile(), "node/submit", r.nodeSubmit(), "this JVM while the sender ran");
            if (r.nodeFetch() != null) {
                heapLine(r.profile(), "node/fetch", r.nodeFetch(), "this JVM while the receiver ran");
            }
            out.printf(Locale.ROOT, "%-11s sender's status of the message: %s%n", r.profile(), r.delivered());
            ok &= r.sender().succeeded() && r.receiver() != null && r.receiver().succeeded() && r.delivered().equals(DeliveryState.DELIVERED.name());
        }
        out.println();
        out.println("seconds / MiB/s: wall-clock time of the step in its JVM and package size / time. CPU s: CPU time of the thread");
        out.println("doing the step (the SDK and the HTTP client work in the caller's thread); MiB/CPU-s: size / that time, which other");
        out.println("load on the machine does not lower. vs plain: plain transfer time / step time (1.00 = as fast as moving the bytes");
        out.println("over the same kind of TLS connection). peak heap: highest heap occupancy the collector reported (before a");
        out.println("collection, or the pools' peaks); live heap: highest occupancy right after a collection. CPU s: the child JVM's");
        out.println("CPU time in all; node CPU: this JVM's (three nodes, plain server) while the child ran; other: cores other");
        out.println("processes kept busy meanwhile. The node's heap figures are this JVM's.");
        out.println(ok ? "all steps succeeded" : "FAILED: see above");
        return ok;
    }

    private void line(SignatureProfile p, String step, Map<String, String> result, String key, double mib, double plainSeconds) {
        double seconds = Double.parseDouble(result.get(key + ".seconds"));
        double cpu = Double.parseDouble(result.get(key + ".cpu.seconds"));
        out.printf(Locale.ROOT, "%-11s %-41s %8.2f %8.1f %8.2f %9.1f %9s%n", p, step, seconds, mib / seconds, cpu, mib / cpu,
                Double.isNaN(plainSeconds) ? "" : String.format(Locale.ROOT, "%.2f", plainSeconds / seconds));
    }

    private void heapLine(SignatureProfile p, String jvm, Child c) {
        if (c == null) {
            out.printf(Locale.ROOT, "%-11s %-11s not run%n", p, jvm);
            return;
        }
        Map<String, String> m = c.result();
        if (m.isEmpty()) {
            out.printf(Locale.ROOT, "%-11s %-11s FAILED (exit status %d)%n", p, jvm, c.outcome().exitStatus());
            return;
        }
        out.printf(Locale.ROOT, "%-11s %-11s %4.0f MiB %5.1f MiB %5.1f MiB %4s %8.1f %8.1f %6.2f  %s%n", p, jvm,
                Long.parseLong(m.get("heap.max")) / MIB, Long.parseLong(m.get("heap.peak")) / MIB, Long.parseLong(m.get("heap.live")) / MIB,
                m.get("heap.gcs"), Double.parseDouble(m.get("process.cpu.seconds")), c.thisJvmCpuSeconds(), c.otherCores(),
                c.succeeded() ? "succeeded" : "FAILED (exit status " + c.outcome().exitStatus() + ")");
    }

    private void heapLine(SignatureProfile p, String jvm, HeapWatch.Figures f, String note) {
        out.printf(Locale.ROOT, "%-11s %-11s %4.0f MiB %5.1f MiB %5.1f MiB %4d %8s %8s %6s  %s%n", p, jvm, f.maxHeap() / MIB, f.peakUsed() / MIB,
                f.maxLiveAfterGc() / MIB, f.collections(), "", "", "", note);
    }
}
