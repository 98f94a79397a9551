package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.MailboxDocument;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.wire.StatusDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay names its recipients in the Gongwen-Recipients header (T-6.2), up to 1,000 of them
 * (T-10): about 19 KiB, more than an HTTP server takes by default. Two plain-http nodes and a
 * directory of 1,000 organisations homed at the county node.
 */
class ManyRecipientsRelayTest {
    private static final int RECIPIENTS = 1000;

    @TempDir
    Path dir;

    @Test
    void aRelayToOneThousandRecipientsIsTakenAndDelivered() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519)) {
            List<OrgCode> county = new ArrayList<>();
            List<DirectoryEntry> directory = new ArrayList<>(dev.directory());
            for (int i = 0; i < RECIPIENTS; i++) {
                String first17 = String.format("11610425M%08d", i);
                OrgCode org = OrgCode.of(first17 + OrgCode.checkCharacter(first17));
                county.add(org);
                directory.add(new DirectoryEntry(org, "礼泉县某机关 " + i, LIQUAN_NODE, EnumSet.allOf(SignatureProfile.class), List.of()));
            }
            NodeConfig city = NodeConfig.builder().node(XIANYANG_NODE, "咸阳 (plain)").signingIdentity(dev.nodeSigningIdentity(XIANYANG_NODE))
                    .plainHttp().trust(dev.trustPolicy()).storageDirectory(dir.resolve("city")).directory(directory)
                    .child(LIQUAN_NODE, null).relayRetry(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
            NodeConfig countyNode = NodeConfig.builder().node(LIQUAN_NODE, "礼泉 (plain)").signingIdentity(dev.nodeSigningIdentity(LIQUAN_NODE))
                    .plainHttp().trust(dev.trustPolicy()).storageDirectory(dir.resolve("county")).directory(directory)
                    .parent(XIANYANG_NODE, null).build();
            try (PlatformNode c = PlatformNode.start(city); PlatformNode l = PlatformNode.start(countyNode)) {
                c.setPeer(LIQUAN_NODE, l.uri());
                l.setPeer(XIANYANG_NODE, c.uri());
                Header h = Header.builder().sender(XIANYANG).to(county.get(0)).cc(county.subList(1, RECIPIENTS).toArray(new OrgCode[0])).build();
                Path sent = Samples.pkg(dir, dev.signingIdentity(XIANYANG), h, 2_000);
                NodeClient sender = NodeClient.plain(c.uri(), XIANYANG.value());
                assertEquals(201, sender.submit(sent).status());
                assertTrue(c.awaitRelays(Duration.ofSeconds(30)), "the relay to the county node ended");

                VerifiedPackage v = Samples.verify(dev, sent);
                NodeClient.Resp st = sender.status(Samples.id(v));
                assertEquals(200, st.status(), st::toString);
                MessageStatus s = StatusDocument.read(st.body()).verify(new TrustValidator(dev.trustPolicy()), XIANYANG, Samples.id(v),
                        Receipts.signatureDigest(v.signer().profile(), v.signatureValue()));
                assertEquals(RECIPIENTS, s.recipients().size());
                for (RecipientStatus r : s.recipients()) {
                    assertEquals(DeliveryState.RELAYED, r.state(), r::toString);
                }
                Receipt relayed = s.recipients().get(RECIPIENTS - 1).timeline().get(0);
                assertEquals(LIQUAN_NODE.value(), relayed.issuer());
                assertEquals(county, relayed.recipients());

                List<MailboxEntry> last = MailboxDocument.read(NodeClient.plain(l.uri(), county.get(RECIPIENTS - 1).value()).mailbox(0).body());
                assertEquals(List.of(Samples.id(v)), last.stream().map(MailboxEntry::messageId).toList());
            }
        }
    }

    @Test
    void aRequestHeaderBeyondTheNodesLimitIsAnsweredWithAnErrorDocument() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519)) {
            NodeConfig plain = NodeConfig.builder().node(XIANYANG_NODE, "咸阳 (plain)").signingIdentity(dev.nodeSigningIdentity(XIANYANG_NODE))
                    .plainHttp().trust(dev.trustPolicy()).storageDirectory(dir.resolve("city")).directory(dev.directory()).build();
            try (PlatformNode c = PlatformNode.start(plain)) {
                NodeClient client = NodeClient.plain(c.uri(), XIANYANG.value());
                NodeClient.Resp r = client.send(HttpRequest.newBuilder(c.uri().resolve(Binding.MAILBOX))
                        .header("X-Padding", "x".repeat(100 * 1024)).GET().build());
                assertEquals(431, r.status(), r::toString);
                assertEquals(ErrorCode.TRANSPORT_FATAL, r.error());
            }
        }
    }
}
