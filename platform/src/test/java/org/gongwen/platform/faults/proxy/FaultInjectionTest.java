package org.gongwen.platform.faults.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.ReliableConfig;
import org.gongwen.api.reliable.RetrySchedule;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of documents through the persistent outbox and inbox while a fault proxy in front of
 * every organisation cuts uploads and downloads, delays, answers 500 and 503 (before and after the
 * node did the work) and duplicates requests. In the end every document is accepted once and
 * handled exactly once by every recipient, and every kind of fault happened. Each scenario prints
 * one summary line.
 */
class FaultInjectionTest {
    /**
     * Five organisations on all three nodes: three share the city node; Liquan's documents to the
     * others are relayed once or twice, and so are theirs to it.
     */
    private static final List<OrgCode> ORGS = List.of(DevPlatform.LIQUAN, DevPlatform.XIANYANG, DevPlatform.CHUNHUA, DevPlatform.BINZHOU,
            DevPlatform.XIAN);
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private static ReliableConfig.Builder quick(Path dir) {
        return ReliableConfig.builder(dir)
                .sendRetry(RetrySchedule.exponential(Duration.ofMillis(20), Duration.ofMillis(500)))
                .handlerRetry(RetrySchedule.exponential(Duration.ofMillis(20), Duration.ofMillis(500)))
                .receiveWait(Duration.ofSeconds(1))
                .statusInterval(Duration.ofSeconds(5))
                .trackFor(Duration.ofSeconds(8));
    }

    @Test
    void fiveHundredDocumentsThroughEveryKindOfFault() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.RSA_SHA256)) {
            FaultRun.Outcome o = new FaultRun(dev, dir, ORGS, 20261126L).run(500,
                    i -> FaultPlan.seeded(7_000 + i).everyFault(0.025).delays(20, 300).build(), FaultInjectionTest::quick, DEADLINE);
            check("every fault", o, Map.of());
        }
    }

    private static void check(String scenario, FaultRun.Outcome o, Map<Fault, Long> notExpected) {
        System.out.println(o.summary(scenario));
        assertTrue(o.problems().isEmpty(), () -> o.problems().size() + " problem(s):\n  " + String.join("\n  ",
                o.problems().subList(0, Math.min(50, o.problems().size()))));
        assertEquals(o.sent(), o.accepted(), "every outbox entry ends ACCEPTED");
        assertEquals(0, o.duplicateDeliveries(), "no message is handled twice");
        for (Fault f : Fault.values()) {
            if (!notExpected.containsKey(f)) {
                assertTrue(o.faults().get(f) > 0, () -> "the proxies never applied " + f + ": " + o.faults());
            }
        }
    }
}
