package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.BINZHOU;
import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ReceiptDraft;
import org.gongwen.internal.wire.Receipts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a neighbour may pass on (T-6.4): receipts about recipients this node took the message for;
 * a node's receipts only for recipients this node routed to that neighbour; at most 32 per message
 * and recipient (T-10). The county node's own identity posts to the city node.
 */
class RelayedReceiptsTest {
    @TempDir
    Path dir;
    DevPlatform dev;
    TwoNodes t;
    VerifiedPackage v;
    NodeClient county;

    @BeforeEach
    void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519);
        t = TwoNodes.start(dev, dir);
        Path sent = Samples.pkg(dir, dev, XIANYANG, List.of(LIQUAN), List.of(CHUNHUA), 1_000);
        assertEquals(201, t.atCity(XIANYANG).submit(sent).status());
        assertTrue(t.city.awaitRelays(Duration.ofSeconds(30)), "relayed to the county");
        v = Samples.verify(dev, sent);
        county = NodeClient.plain(t.city.uri(), LIQUAN_NODE.value());
    }

    @AfterEach
    void stop() {
        t.close();
        dev.close();
    }

    private byte[] byCounty(ReceiptType type, OrgCode recipient, Consumer<ReceiptDraft> extra) throws GongwenException {
        ReceiptDraft d = new ReceiptDraft(type, LIQUAN_NODE.value(), XIANYANG, Samples.id(v), v.signer().profile().digestAlgorithm(),
                Receipts.signatureDigest(v.signer().profile(), v.signatureValue())).recipient(recipient);
        extra.accept(d);
        return Receipts.sign(d, dev.nodeSigningIdentity(LIQUAN_NODE));
    }

    private NodeClient.Resp pass(byte[] receipt) throws Exception {
        return county.post(Binding.RELAY_RECEIPTS, Binding.RECEIPT_TYPE, HttpRequest.BodyPublishers.ofByteArray(receipt));
    }

    private int keptFor(OrgCode recipient) throws Exception {
        int n = 0;
        try (Connection c = t.cityDatabase(); PreparedStatement ps = c.prepareStatement("SELECT recipients FROM gw_receipt WHERE message_id = ?")) {
            ps.setString(1, Samples.id(v).toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n += List.of(rs.getString(1).split(",")).contains(recipient.value()) ? 1 : 0;
                }
            }
        }
        return n;
    }

    @Test
    void aNodesReceiptForARecipientRoutedElsewhereIsRefused() throws Exception {
        NodeClient.Resp r = pass(byCounty(ReceiptType.EXPIRED, CHUNHUA, d -> { }));
        assertEquals(403, r.status(), r::toString);
        assertEquals(ErrorCode.AUTH_FORBIDDEN, r.error());
        assertEquals(0, keptFor(CHUNHUA));
    }

    @Test
    void aReceiptNamingAnOrganisationThatIsNoRecipientIsMsg004() throws Exception {
        NodeClient.Resp r = pass(byCounty(ReceiptType.REJECTED, BINZHOU, d -> d.errorCode("RTE-002")));
        assertEquals(422, r.status(), r::toString);
        assertEquals(ErrorCode.RECEIPT_NOT_BOUND, r.error());

        byte[] own = Samples.receipt(dev, BINZHOU, ReceiptType.DELIVERED, v);
        NodeClient.Resp r2 = pass(own);
        assertEquals(422, r2.status(), r2::toString);
        assertEquals(ErrorCode.RECEIPT_NOT_BOUND, r2.error());
        assertEquals(0, keptFor(BINZHOU));
    }

    @Test
    void receiptsForARecipientRoutedToTheNeighbourAreKeptUpTo32() throws Exception {
        NodeClient.Resp first = pass(byCounty(ReceiptType.EXPIRED, LIQUAN, d -> { }));
        assertEquals(201, first.status(), first::toString);
        NodeClient.Resp last = first;
        for (int i = 0; i < 40 && last.status() == 201; i++) {
            last = pass(byCounty(ReceiptType.REJECTED, LIQUAN, d -> d.errorCode("RTE-002")));
        }
        assertEquals(422, last.status(), last::toString);
        assertEquals(ErrorCode.LIMIT_COUNT, last.error());
        assertEquals(32, keptFor(LIQUAN));
    }
}
