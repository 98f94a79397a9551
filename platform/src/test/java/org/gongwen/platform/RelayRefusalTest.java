package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.wire.StatusDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on plain http (the explicit test mode): a relay the next node refuses for good ends
 * with a signed REJECTED receipt carrying its code, and a recipient with no route is rejected
 * with RTE-002 at once (T-6.1, T-6.3).
 */
class RelayRefusalTest {
    @TempDir
    Path dir;

    @Test
    void refusedRelayAndMissingRouteBecomeRejectedReceipts() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519)) {
            String first17 = "11620100MB0000001";
            OrgCode gansu = OrgCode.of(first17 + OrgCode.checkCharacter(first17));
            List<DirectoryEntry> directory = new ArrayList<>(dev.directory());
            directory.add(new DirectoryEntry(gansu, "甘肃省兰州市某机关", NodeId.parse("GWNODE-620100"), EnumSet.allOf(SignatureProfile.class), List.of()));
            NodeConfig city = NodeConfig.builder().node(XIANYANG_NODE, "咸阳 (plain)").signingIdentity(dev.nodeSigningIdentity(XIANYANG_NODE))
                    .plainHttp().trust(dev.trustPolicy()).storageDirectory(dir.resolve("city")).directory(directory)
                    .child(LIQUAN_NODE, null).relayRetry(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
            NodeConfig county = NodeConfig.builder().node(LIQUAN_NODE, "礼泉 (plain, 8 KiB)").signingIdentity(dev.nodeSigningIdentity(LIQUAN_NODE))
                    .plainHttp().trust(dev.trustPolicy()).limits(Limits.builder().maxPackageBytes(8 * 1024).build())
                    .storageDirectory(dir.resolve("county")).directory(directory).parent(XIANYANG_NODE, null).build();
            try (PlatformNode c = PlatformNode.start(city); PlatformNode l = PlatformNode.start(county)) {
                c.setPeer(LIQUAN_NODE, l.uri());
                l.setPeer(XIANYANG_NODE, c.uri());
                Path sent = Samples.pkg(dir, dev, XIANYANG, List.of(LIQUAN), List.of(gansu), 20_000);
                NodeClient sender = NodeClient.plain(c.uri(), XIANYANG.value());
                assertEquals(201, sender.submit(sent).status());
                assertTrue(c.awaitRelays(Duration.ofSeconds(30)), "the relay ended");

                VerifiedPackage v = Samples.verify(dev, sent);
                NodeClient.Resp st = sender.status(Samples.id(v));
                assertEquals(200, st.status(), st::toString);
                MessageStatus s = StatusDocument.read(st.body()).verify(new TrustValidator(dev.trustPolicy()), XIANYANG, Samples.id(v),
                        Receipts.signatureDigest(v.signer().profile(), v.signatureValue()));
                RecipientStatus liquan = s.recipients().get(0);
                assertEquals(DeliveryState.REJECTED, liquan.state());
                Receipt r = liquan.timeline().get(0);
                assertEquals(XIANYANG_NODE.value(), r.issuer());
                assertEquals(ErrorCode.LIMIT_SIZE.code(), r.errorCode().orElseThrow());
                RecipientStatus lanzhou = s.recipients().get(1);
                assertEquals(DeliveryState.REJECTED, lanzhou.state());
                assertEquals(ErrorCode.ROUTING_UNREACHABLE.code(), lanzhou.timeline().get(0).errorCode().orElseThrow());
                assertEquals(0, c.pendingRelays());

                NodeClient.Resp noCaller = NodeClient.plain(c.uri(), "nobody").mailbox(0);
                assertEquals(401, noCaller.status());
                assertEquals(ErrorCode.AUTH_UNAUTHENTICATED, noCaller.error());
            }
        }
    }
}
