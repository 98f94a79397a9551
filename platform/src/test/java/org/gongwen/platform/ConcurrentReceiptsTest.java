package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    @Test
    void signedForAndReturnedAtOnce() throws Exception {
        for (int i = 0; i < MESSAGES; i++) {
            VerifiedPackage v = delivered(true);
            ReceiptRace.exactlyOneWins(ReceiptRace.race(threads, t.atCity(CHUNHUA), Samples.receipt(dev, CHUNHUA, ReceiptType.SIGNED_FOR, v),
                    t.atCity(CHUNHUA), Samples.receipt(dev, CHUNHUA, ReceiptType.RETURNED, v)));
        }
    }

    @Test
    void deliveredAndRejectedAtOnce() throws Exception {
        for (int i = 0; i < MESSAGES; i++) {
            VerifiedPackage v = delivered(false);
            ReceiptRace.exactlyOneWins(ReceiptRace.race(threads, t.atCity(CHUNHUA), Samples.receipt(dev, CHUNHUA, ReceiptType.DELIVERED, v),
                    t.atCity(CHUNHUA), Samples.receipt(dev, CHUNHUA, ReceiptType.REJECTED, v)));
        }
    }
}
