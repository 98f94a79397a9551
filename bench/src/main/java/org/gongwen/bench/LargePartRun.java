package org.gongwen.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;

/**
 * The end-to-end run with one large attachment: for each profile, pack and sign a package of a
 * small OFD 正文 and a large attachment (1 GiB by default), then verify and extract it, and
 * print the throughput beside a bare digest pass over the same file in the same JVM, with the
 * peak heap of each step. Meant to run with {@code -Xmx64m}: memory must not grow with the
 * payload. Not a test: it asserts nothing about time, but it fails loudly if a package does not
 * verify or an extracted part has the wrong size.
 *
 * <p>Usage: {@code LargePartRun [--dir DIR] [--size-mib N] [--profiles SM2_SM3,RSA_SHA256]}.
 */
public final class LargePartRun {
    private static final long MIB = 1L << 20;
    private static final String ATTACHMENT_PART = "附件1 影像资料.bin";
    private static final int BODY_BYTES = 64 * 1024;
    private static final int WARMUP_ATTACHMENT_BYTES = 4 << 20;

    private final Path dir;
    private final long size;
    private final List<SignatureProfile> profiles;
    private final PrintStream out = System.out;
    private final StepMemory memory = new StepMemory();
    private final Gongwen gongwen = Gongwen.load();

    private LargePartRun(Path dir, long size, List<SignatureProfile> profiles) {
        this.dir = dir;
        this.size = size;
        this.profiles = profiles;
    }

    /** Runs the measurement; exits with status 1 on failure and 2 on a usage error. */
    public static void main(String[] args) {
        Path dir = Paths.get("bench", "target", "large");
        long sizeMib = 1024;
        List<SignatureProfile> profiles = List.of(SignatureProfile.SM2_SM3, SignatureProfile.RSA_SHA256);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir": dir = Paths.get(value(args, ++i)); break;
                    case "--size-mib": sizeMib = Long.parseLong(value(args, ++i)); break;
                    case "--profiles": profiles = parseProfiles(value(args, ++i)); break;
                    case "--help": usage(System.out); return;
                    default: throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (sizeMib < 1 || sizeMib > 2048) {
                throw new IllegalArgumentException("--size-mib must be between 1 and 2048 (the default part limit is 2 GiB)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        try {
            new LargePartRun(dir, sizeMib * MIB, profiles).run();
        } catch (GongwenException e) {
            System.err.println("FAILED: " + e.code() + ": " + e.getMessage());
            System.exit(1);
        } catch (IOException | CheckFailed | NoSuchAlgorithmException e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static List<SignatureProfile> parseProfiles(String s) {
        List<SignatureProfile> list = new ArrayList<>();
        for (String p : s.split(",")) {
            list.add(SignatureProfile.valueOf(p.trim()));
        }
        return List.copyOf(list);
    }

    private static void usage(PrintStream s) {
        s.println("usage: LargePartRun [--dir DIR] [--size-mib N] [--profiles SM2_SM3,RSA_SHA256]");
        s.println("  --dir       work directory; the attachment file is made once there and reused (default bench/target/large)");
        s.println("  --size-mib  attachment size in MiB (default 1024)");
        s.println("  --profiles  comma-separated signature profiles (default SM2_SM3,RSA_SHA256)");
    }

    /** A check of the run's own results failed. */
    static final class CheckFailed extends Exception {
        private static final long serialVersionUID = 1L;

        CheckFailed(String message) {
            super(message);
        }
    }

    /** One timed step. */
    private interface Step {
        void run() throws IOException, GongwenException, CheckFailed, NoSuchAlgorithmException;
    }

    private void run() throws IOException, GongwenException, CheckFailed, NoSuchAlgorithmException {
        Path attachment = dir.resolve("attachment-" + size / MIB + "MiB.bin");
        long t0 = System.nanoTime();
        boolean made = RandomFile.ensure(attachment, size, 20261126L);
        Path body = dir.resolve("正文.ofd");
        RandomFile.ensure(body, BODY_BYTES, 1L);
        Path small = dir.resolve("warm-up.bin");
        RandomFile.ensure(small, WARMUP_ATTACHMENT_BYTES, 2L);

        out.printf(Locale.ROOT, "attachment  %s (%d MiB, %s)%n", attachment.toAbsolutePath(), size / MIB,
                made ? String.format(Locale.ROOT, "written in %.1f s", (System.nanoTime() - t0) / 1e9) : "reused");
        out.printf(Locale.ROOT, "JVM         %s %s, max heap %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / MIB);
        out.printf(Locale.ROOT, "memory      MemoryPoolMXBean peak usage summed over the %s%n", memory.describe());
        if (Runtime.getRuntime().maxMemory() > 64 * MIB) {
            out.println("note        the design target is -Xmx64m; this JVM may use more");
        }
        out.println();
        out.printf(Locale.ROOT, "%-11s %-19s %8s %9s %10s %12s %11s %11s %4s%n",
                "profile", "step", "seconds", "MiB/s", "vs digest", "heap before", "peak heap", "allocated", "GCs");

        for (SignatureProfile profile : profiles) {
            SignerMaterial material = new SignerMaterial(profile);
            warmUp(material, body, small);
            time(profile, "read only", Double.NaN, () -> FilePass.read(attachment, null));
            String digestName = profile.digestAlgorithm() == DigestAlgorithm.SM3 ? "bare SM3 (BC)" : "bare SHA-256 (JDK)";
            double digestSeconds = time(profile, digestName, Double.NaN,
                    () -> FilePass.read(attachment, FilePass.bareDigest(profile.digestAlgorithm())));

            Path pkg = dir.resolve("large-" + profile + ".gwpkg");
            Path extracted = dir.resolve("extracted-" + profile);
            Envelope[] written = new Envelope[1];
            VerifiedPackage[] verified = new VerifiedPackage[1];
            try {
                time(profile, "pack+sign", digestSeconds, () -> written[0] = pack(material, body, attachment, pkg));
                deleteTree(extracted);
                time(profile, "verify+extract", digestSeconds,
                        () -> verified[0] = gongwen.verifier(material.trust).extract(pkg, extracted));
                check(written[0], verified[0], attachment);
            } finally {
                Files.deleteIfExists(pkg);
                deleteTree(extracted);
            }
        }
        Files.deleteIfExists(small);
        out.println();
        out.println("MiB/s: attachment size / wall-clock time of the step. vs digest: bare digest time / step time (1.00 = as fast as");
        out.println("hashing the file once). pack+sign reads the attachment twice (digest and CRC-32, then copy) and writes it once;");
        out.println("verify+extract reads the package once and writes the parts once. heap before: heap in use after a full collection");
        out.println("just before the step. peak heap: highest occupancy recorded during the step (an upper bound, see README).");
        out.println("allocated: bytes the step allocated in total (garbage included). GCs: collections during the step.");
    }

    /** Runs and prints one step; returns its wall-clock seconds. */
    private double time(SignatureProfile profile, String name, double digestSeconds, Step step)
            throws IOException, GongwenException, CheckFailed, NoSuchAlgorithmException {
        memory.start();
        long t = System.nanoTime();
        step.run();
        double seconds = (System.nanoTime() - t) / 1e9;
        StepMemory.Figures f = memory.stop();
        String vs = Double.isNaN(digestSeconds) ? (name.startsWith("bare") ? "1.00" : "") : String.format(Locale.ROOT, "%.2f", digestSeconds / seconds);
        out.printf(Locale.ROOT, "%-11s %-19s %8.2f %9.1f %10s %8.1f MiB %7.1f MiB %7.1f MiB %4d%n", profile, name, seconds,
                size / (double) MIB / seconds, vs, f.heapBefore() / (double) MIB, f.peakHeap() / (double) MIB,
                f.allocated() / (double) MIB, f.collections());
        return seconds;
    }

    private Envelope pack(SignerMaterial material, Path body, Path attachment, Path pkg)
            throws GongwenException {
        return gongwen.newPackage()
                .header(SampleDocument.header())
                .metadata(SampleDocument.metadata())
                .body(body, SampleDocument.BODY_NAME, "application/ofd")
                .attachment(attachment, ATTACHMENT_PART, "application/octet-stream")
                .signWith(material.identity())
                .writeTo(pkg);
    }

    /** Packs and verifies a small package a few times so that class loading and JIT do not count against the large run. */
    private void warmUp(SignerMaterial material, Path body, Path small)
            throws GongwenException, IOException, CheckFailed {
        Path pkg = dir.resolve("warm-up.gwpkg");
        Path extracted = dir.resolve("warm-up");
        try {
            for (int i = 0; i < 5; i++) {
                Envelope written = pack(material, body, small, pkg);
                deleteTree(extracted);
                check(written, gongwen.verifier(material.trust).extract(pkg, extracted), small);
            }
        } finally {
            Files.deleteIfExists(pkg);
            deleteTree(extracted);
        }
    }

    private static void check(Envelope written, VerifiedPackage v, Path attachment) throws IOException, CheckFailed {
        if (!written.equals(v.envelope())) {
            throw new CheckFailed("the verified envelope differs from the one written");
        }
        Path out = v.extractedParts().get(ATTACHMENT_PART);
        if (out == null || Files.size(out) != Files.size(attachment)) {
            throw new CheckFailed("the extracted attachment is missing or has the wrong size");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
