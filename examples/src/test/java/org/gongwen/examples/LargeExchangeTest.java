package org.gongwen.examples;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gongwen.api.Gongwen;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.platform.DevPlatform;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 256 MiB package through the sample integrations, each in its own JVM with a 64 MiB heap (the
 * SDK side of the design's memory target): HotFolderSender packs, signs and sends it, and
 * DbFilingReceiver fetches, verifies, extracts, files and acknowledges it, against development
 * nodes in this JVM. A child that held the package in memory would run out of heap and exit with
 * an error ({@code -XX:+ExitOnOutOfMemoryError}).
 */
class LargeExchangeTest {
    private static final long SIZE = 256L << 20;
    private static final long CHILD_TIMEOUT_SECONDS = 300;

    @TempDir
    Path dir;

    @Test
    void a256MiBPackageIsSentAndReceivedByJvmsWith64MiBHeaps() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ECDSA_P256_SHA256)) {
            dev.writeFiles();
            Path hot = dir.resolve("hot");
            Path job = Files.createDirectories(hot.resolve("outgoing").resolve("测绘成果"));
            Files.write(job.resolve("正文.pdf"), SamplePdf.page("Survey results of Xianyang City, 2026"));
            Fixtures.file(job, "附件1 测绘数据.dat", SIZE, 42);
            Files.writeString(job.resolve(HotFolderSender.METADATA), "to=" + CHUNHUA + "\nkind=通知\ntitle=关于印发2026年测绘成果的通知\n"
                    + "number=咸政办发〔2026〕9号\nissuer-mark=咸阳市人民政府办公室文件\nauthority=咸阳市人民政府办公室\ndate=2026-11-20\n"
                    + "body=正文.pdf\n", StandardCharsets.UTF_8);
            Files.createFile(job.resolve(HotFolderSender.READY));

            String sent = child("sender", HotFolderSender.class, "--client", dev.clientFile(XIANYANG), "--folder", hot, "--once");
            assertTrue(sent.contains("sent 1, failed 0, waiting 0"), sent);
            Path done = hot.resolve("done").resolve("测绘成果");
            Path pkg = done.resolve(HotFolderSender.PACKAGE);
            assertTrue(Files.size(pkg) > SIZE, "the package holds the whole attachment");
            Receipt accepted = Receipts.verify(Files.readAllBytes(done.resolve(HotFolderSender.RECEIPT)), new TrustValidator(dev.trustPolicy()));

            Path store = dir.resolve("store");
            String received = child("receiver", DbFilingReceiver.class, "--client", dev.clientFile(CHUNHUA),
                    "--db", "jdbc:h2:file:" + dir.resolve("oa").toAbsolutePath(), "--store", store, "--once", "--wait", 30);
            assertTrue(received.contains("stored 1, filed 1"), received);
            Path kept;
            try (java.util.stream.Stream<Path> inbox = Files.list(store.resolve("exchange").resolve("inbox"))) {
                kept = inbox.filter(f -> f.getFileName().toString().startsWith(XIANYANG + "_" + accepted.messageId() + "."))
                        .reduce((a, b) -> { throw new AssertionError("two inbox files for one message: " + a + ", " + b); })
                        .orElseThrow(() -> new AssertionError("the package is not in the inbox"));
            }
            assertEquals(sha256(pkg), sha256(kept), "the received package is byte for byte the one sent");
            assertEquals(sha256(done.resolve("附件1 测绘数据.dat")),
                    sha256(store.resolve(XIANYANG + "_" + accepted.messageId()).resolve("附件1 测绘数据.dat")), "and the attachment was extracted");

            assertTrue(dev.awaitQuiet(Duration.ofSeconds(60)), "receipts pending: " + dev);
            try (ExchangeClient xianyang = Gongwen.load().exchangeClient(dev.clientConfig(XIANYANG))) {
                assertEquals(DeliveryState.DELIVERED, xianyang.status(accepted.messageId()).recipient(CHUNHUA).orElseThrow().state());
            }
        }
    }

    /** Runs a sample's main in a JVM with a 64 MiB heap and this test's class path; returns its output, failing unless it exits with 0. */
    private String child(String name, Class<?> main, Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), main.getName()));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        Path log = dir.resolve(name + ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        System.out.printf("%s (-Xmx64m): %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, name + " did not end:\n" + output);
        assertEquals(0, p.exitValue(), name + " failed:\n" + output);
        return output;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
