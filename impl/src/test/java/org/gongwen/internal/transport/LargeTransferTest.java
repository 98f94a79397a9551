package org.gongwen.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 64 MiB package goes up and comes down again through mutual TLS in a JVM whose whole heap is
 * smaller than the package (impl/pom.xml runs this class alone with -Xmx64m): if the client, the
 * verifier or the download held the package in memory, this test would run out of it.
 */
class LargeTransferTest {
    private static final SignatureProfile P = SignatureProfile.ECDSA_P256_SHA256;
    private static final long SIZE = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void aPackageLargerThanTheHeapIsSentAndFetched() throws Exception {
        // only a heap smaller than the package proves anything; impl/pom.xml runs this class alone with -Xmx64m
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() <= SIZE, "needs a heap no larger than the package (-Xmx64m); this JVM has "
                + Runtime.getRuntime().maxMemory() + " bytes");
        Path pkg = ExchangeFixtures.pack(dir, "large", P, SIZE);
        assertTrue(Files.size(pkg) > SIZE);
        String sha = ExchangeFixtures.sha256(pkg);
        MailboxEntry entry = ExchangeFixtures.entry(pkg);
        byte[] accepted = ExchangeFixtures.accepted(pkg, P);
        AtomicLong up = new AtomicLong();
        AtomicLong down = new AtomicLong();
        try (TestNode node = TestNode.https(ExchangeFixtures.nodeTls(), ExchangeFixtures.tlsCa().certificate());
                HttpExchangeClient liquan = HttpExchangeClient.open(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, P).build(),
                        (direction, id, bytes, total) -> up.set(bytes));
                HttpExchangeClient xianyang = HttpExchangeClient.open(ExchangeFixtures.config(node.uri(), Fixtures.XIANYANG, P).build(),
                        (direction, id, bytes, total) -> down.set(bytes))) {
            node.on("POST", Binding.MESSAGES, (ex, req) -> TestNode.send(ex, 201, Binding.RECEIPT_TYPE, accepted));
            node.on("GET", Binding.mailboxEntry(entry.sender().value(), entry.messageId().toString()),
                    (ex, req) -> TestNode.sendPackage(ex, pkg, sha));

            assertEquals(ReceiptType.ACCEPTED, liquan.send(pkg).type());
            TestNode.Request upload = node.requests().get(0);
            assertEquals(Files.size(pkg), upload.bodyLength());
            assertEquals(sha, upload.bodySha256());

            Path fetched = dir.resolve("fetched.gwpkg");
            ReceivedMessage m = xianyang.fetch(entry, fetched);
            assertEquals(sha, ExchangeFixtures.sha256(fetched));
            assertEquals(SIZE, m.verified().envelope().manifest().parts().get(0).size());
        }
        assertEquals(Files.size(pkg), up.get());
        assertEquals(Files.size(pkg), down.get());
    }
}
