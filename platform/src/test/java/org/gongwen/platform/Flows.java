package org.gongwen.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.MailboxDocument;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.wire.StatusDocument;

/** Steps the multi-node tests share. */
final class Flows {
    private Flows() {
    }

    /** Waits (long-polling) until the message is listed for {@code org}, fetches it, checks the bytes and verifies it. */
    static VerifiedPackage receive(DevPlatform dev, Path dir, OrgCode org, Path sent) throws Exception {
        VerifiedPackage v = Samples.verify(dev, sent);
        UUID id = Samples.id(v);
        NodeClient c = NodeClient.of(dev, org);
        for (int round = 0; round < 10; round++) {
            List<MailboxEntry> box = MailboxDocument.read(c.mailbox(30).body());
            if (box.stream().anyMatch(e -> e.messageId().equals(id))) {
                NodeClient.Resp got = c.fetch(v.envelope().header().sender(), id);
                assertEquals(200, got.status(), got::toString);
                assertArrayEquals(Files.readAllBytes(sent), got.body(), "the bytes as sent");
                Path file = Files.createTempFile(dir, "got", ".gwpkg");
                Files.write(file, got.body());
                return Samples.verify(dev, file);
            }
        }
        throw new AssertionError(id + " never reached the mailbox of " + org);
    }

    /** Posts a receipt and expects it stored. */
    static void post(DevPlatform dev, OrgCode org, ReceiptType type, VerifiedPackage v) throws Exception {
        NodeClient.Resp r = NodeClient.of(dev, org).receipt(Samples.receipt(dev, org, type, v));
        assertEquals(201, r.status(), r::toString);
    }

    /** Waits for every relay to come to rest. */
    static void quiet(DevPlatform dev) throws Exception {
        assertTrue(dev.awaitQuiet(Duration.ofSeconds(60)), "relays still pending: " + dev);
    }

    /** The verified status the sender's home node reports. */
    static MessageStatus status(DevPlatform dev, OrgCode sender, VerifiedPackage v) throws Exception {
        NodeClient.Resp r = NodeClient.of(dev, sender).status(Samples.id(v));
        assertEquals(200, r.status(), r::toString);
        return StatusDocument.read(r.body()).verify(new TrustValidator(dev.trustPolicy()), sender, Samples.id(v),
                Receipts.signatureDigest(v.signer().profile(), v.signatureValue()));
    }
}
