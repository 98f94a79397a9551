package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;
import org.gongwen.internal.wire.MailboxDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one caller may hold of a node, and what the node keeps for itself (T-5.1, T-10): a body
 * that arrives too slowly is cut, a fifth parked mailbox request and a fifth upload at once are
 * refused with TRN-001 and Retry-After, connections beyond the limit wait, and a body that would
 * fill the storage is refused. One plain-http 咸阳 node per test.
 */
class NodeLimitsTest {
    @TempDir
    static Path shared;
    static DevPlatform dev;

    @TempDir
    Path dir;
    PlatformNode node;
    ExecutorService threads;

    @BeforeAll
    static void keys() throws Exception {
        dev = DevPlatform.start(shared.resolve("platform"), SignatureProfile.ED25519);
    }

    @AfterAll
    static void stopKeys() {
        dev.close();
    }

    @BeforeEach
    void pool() {
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        if (node != null) {
            node.close();
        }
    }

    private void start(UnaryOperator<NodeConfig.Builder> extra) throws Exception {
        node = PlatformNode.start(extra.apply(NodeConfig.builder().node(XIANYANG_NODE, "咸阳 (plain)")
                .signingIdentity(dev.nodeSigningIdentity(XIANYANG_NODE)).plainHttp().trust(dev.trustPolicy())
                .storageDirectory(dir.resolve("node")).database("jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                .directory(dev.directory())).build());
    }

    private byte[] pkg() throws Exception {
        return Files.readAllBytes(Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 2_000));
    }

    private static void refusedForNow(RawHttp.Answer a) throws Exception {
        assertEquals(503, a.status(), a::text);
        assertEquals(ErrorCode.TRANSPORT_RETRYABLE, ErrorDocument.read(a.body()).code(), a::text);
        assertTrue(a.headers().containsKey("retry-after"), a.headers()::toString);
    }

    private void nothingStored() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("node").resolve("tmp"))) {
            assertEquals(List.of(), files.toList(), "no temporary file is left");
        }
        try (Stream<Path> files = Files.walk(dir.resolve("node").resolve("packages"))) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "no package is stored");
        }
    }

    @Test
    void aBodyThatTricklesInIsCut() throws Exception {
        start(b -> b);
        byte[] body = pkg();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        try (RawHttp http = new RawHttp(node.uri())) {
            http.head("POST", Binding.MESSAGES, "Gongwen-Caller: " + XIANYANG.value(), "Content-Type: " + Binding.PACKAGE_TYPE,
                    "Content-Length: " + body.length);
            drip.scheduleWithFixedDelay(() -> {
                int i = sent.get();
                if (i < body.length) {
                    try {
                        http.send(body, i, 1);
                        sent.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            RawHttp.Answer a = http.read();
            refusedForNow(a);
            assertTrue(ErrorDocument.read(a.body()).message().contains("bytes/s"), a::text);
            assertTrue(sent.get() < body.length, "the node answered before the body was complete");
        } finally {
            drip.shutdownNow();
        }
        nothingStored();
    }

    @Test
    void aFifthParkedMailboxRequestIsRefusedForNow() throws Exception {
        start(b -> b);
        CompletionService<NodeClient.Resp> polls = new ExecutorCompletionService<>(threads);
        for (int i = 0; i < 5; i++) {
            NodeClient c = NodeClient.plain(node.uri(), CHUNHUA.value());
            polls.submit(() -> c.mailbox(30));
        }
        NodeClient.Resp first = polls.take().get();
        assertEquals(503, first.status(), first::toString);
        assertEquals(ErrorCode.TRANSPORT_RETRYABLE, first.error());
        assertTrue(first.headers().firstValue("Retry-After").isPresent());

        NodeClient.Resp accepted = NodeClient.plain(node.uri(), XIANYANG.value()).submit(pkg());
        assertEquals(201, accepted.status(), accepted::toString);
        for (int i = 0; i < 4; i++) {
            NodeClient.Resp r = polls.take().get();
            assertEquals(200, r.status(), r::toString);
            List<MailboxEntry> listed = MailboxDocument.read(r.body());
            assertEquals(1, listed.size(), "the parked request was answered with the arrival");
        }
    }

    @Test
    void aFifthUploadAtOnceIsRefusedForNow() throws Exception {
        start(b -> b.minUploadBytesPerSecond(0));
        List<byte[]> bodies = new ArrayList<>();
        List<RawHttp> uploads = new ArrayList<>();
        CompletionService<Integer> answers = new ExecutorCompletionService<>(threads);
        List<Future<Integer>> futures = new ArrayList<>();
        List<RawHttp.Answer> got = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                byte[] body = pkg();
                bodies.add(body);
                RawHttp http = new RawHttp(node.uri());
                uploads.add(http);
                got.add(null);
                http.head("POST", Binding.MESSAGES, "Gongwen-Caller: " + XIANYANG.value(), "Content-Type: " + Binding.PACKAGE_TYPE,
                        "Content-Length: " + body.length).send(body, 0, 100);
                int index = i;
                futures.add(answers.submit(() -> {
                    RawHttp.Answer a = http.read();
                    synchronized (got) {
                        got.set(index, a);
                    }
                    return index;
                }));
            }
            int refused = answers.take().get();
            refusedForNow(got.get(refused));
            for (int i = 0; i < 5; i++) {
                if (i != refused) {
                    uploads.get(i).send(bodies.get(i), 100, bodies.get(i).length - 100);
                }
            }
            for (int i = 0; i < 4; i++) {
                int done = answers.take().get();
                assertEquals(201, got.get(done).status(), got.get(done)::text);
            }
        } finally {
            for (RawHttp h : uploads) {
                h.close();
            }
        }
    }

    @Test
    void connectionsBeyondTheLimitWait() throws Exception {
        start(b -> b.maxConnections(2));
        try (RawHttp one = new RawHttp(node.uri()); RawHttp two = new RawHttp(node.uri())) {
            one.head("GET", Binding.DIRECTORY, "Gongwen-Caller: " + XIANYANG.value());
            assertEquals(200, one.read().status());
            two.head("GET", Binding.DIRECTORY, "Gongwen-Caller: " + XIANYANG.value());
            assertEquals(200, two.read().status());
            try (RawHttp three = new RawHttp(node.uri())) {
                three.head("GET", Binding.DIRECTORY, "Gongwen-Caller: " + XIANYANG.value()).timeout(2_000);
                assertThrows(SocketTimeoutException.class, three::read, "a third connection is not served while two are open");
                one.close();
                RawHttp.Answer a = three.timeout(60_000).read();
                assertEquals(200, a.status(), "served once a connection closed");
            }
        }
    }

    @Test
    void aBodyThatWouldFillTheStorageIsRefusedForNow() throws Exception {
        start(b -> b.minFreeStorageBytes(Long.MAX_VALUE / 2));
        byte[] body = pkg();
        try (RawHttp http = new RawHttp(node.uri())) {
            http.head("POST", Binding.MESSAGES, "Gongwen-Caller: " + XIANYANG.value(), "Content-Type: " + Binding.PACKAGE_TYPE,
                    "Content-Length: " + body.length).send(body, 0, body.length);
            RawHttp.Answer a = http.read();
            refusedForNow(a);
            assertTrue(ErrorDocument.read(a.body()).message().contains("free"), a::text);
        }
        nothingStored();
    }
}
