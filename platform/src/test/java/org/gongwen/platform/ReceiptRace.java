package org.gongwen.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.gongwen.api.ErrorCode;

/** Two receipts posted at the same moment from two clients, released together by a latch. */
final class ReceiptRace {
    private ReceiptRace() {
    }

    /** Posts {@code a} with {@code first} and {@code b} with {@code second} at once; each outcome as "201" or "status code". */
    static List<String> race(ExecutorService threads, NodeClient first, byte[] a, NodeClient second, byte[] b) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            NodeClient client = i == 0 ? first : second;
            byte[] receipt = i == 0 ? a : b;
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

    /** Exactly one of the two was stored and the other refused with MSG-005. */
    static void exactlyOneWins(List<String> outcome) {
        List<String> sorted = new ArrayList<>(outcome);
        sorted.sort(null);
        assertEquals(List.of("201", "409 " + ErrorCode.STATE_CONFLICT.code()), sorted, outcome::toString);
    }
}
