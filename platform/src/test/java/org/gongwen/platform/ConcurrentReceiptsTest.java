package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipient's receipts that exclude each other (T-7.6), posted at the same moment from two
 * connections: exactly one is stored, the other is refused with MSG-005. Each race is run on
 * several messages, the two posts released together by a latch.
 */
class ConcurrentReceiptsTest {
    private static final int MESSAGES = 12;

    @TempDir
    Path dir;
    DevPlatform dev;
    TwoNodes t;
    ExecutorService threads;

    @BeforeEach
    void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519);
        t = TwoNodes.start(dev, dir);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        t.close();
        dev.close();
    }

    private VerifiedPackage delivered(boolean acknowledge) throws Exception {
        Path sent = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 500);
        assertEquals(201, t.atCity(XIANYANG).submit(sent).status());
        VerifiedPackage v = Samples.verify(dev, sent);
        if (acknowledge) {
            NodeClient.Resp r = t.atCity(CHUNHUA).receipt(Samples.receipt(dev, CHUNHUA, ReceiptType.DELIVERED, v));
            assertEquals(201, r.status(), r::toString);
        }
        return v;
    }

    /** Posts both receipts at once from two clients; the statuses and codes, in the order given. */
    private List<String> race(byte[] a, byte[] b) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (byte[] receipt : List.of(a, b)) {
            NodeClient client = t.atCity(CHUNHUA);
            results.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                NodeClient.Resp r = client.receipt(receipt);
                return r.status() == 201 ? "201" : r.status() + " " + r.error().code();
            }));
        }
        ready.await();
        go.countDown();
        List<String> out = new ArrayList<>();
        for (Future<String> f : results) {
            out.add(f.get());
        }
        return out;
    }

    private static void exactlyOneWins(List<String> outcome) {
        List<String> sorted = new ArrayList<>(outcome);
        sorted.sort(null);
        assertEquals(List.of("201", "409 " + ErrorCode.STATE_CONFLICT.code()), sorted, outcome::toString);
    }

    @Test
    void signedForAndReturnedAtOnce() throws Exception {
        for (int i = 0; i < MESSAGES; i++) {
            VerifiedPackage v = delivered(true);
            exactlyOneWins(race(Samples.receipt(dev, CHUNHUA, ReceiptType.SIGNED_FOR, v), Samples.receipt(dev, CHUNHUA, ReceiptType.RETURNED, v)));
        }
    }

    @Test
    void deliveredAndRejectedAtOnce() throws Exception {
        for (int i = 0; i < MESSAGES; i++) {
            VerifiedPackage v = delivered(false);
            exactlyOneWins(race(Samples.receipt(dev, CHUNHUA, ReceiptType.DELIVERED, v), Samples.receipt(dev, CHUNHUA, ReceiptType.REJECTED, v)));
        }
    }
}
