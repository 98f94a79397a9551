package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.wire.StatusDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay owed for a message that has expired gets one last attempt before the node issues
 * EXPIRED receipts (T-6.3): the next node may have taken it already, and then answers with its
 * stored RELAYED receipt. The nodes' clock is moved forward instead of waiting.
 */
class ExpiredRelayTest {
    @TempDir
    Path dir;
    DevPlatform dev;
    TwoNodes t;

    @BeforeEach
    void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519);
        t = TwoNodes.start(dev, dir);
    }

    @AfterEach
    void stop() {
        t.close();
        dev.close();
    }

    private Path message() throws Exception {
        Header h = Header.builder().sender(XIANYANG).to(LIQUAN).expires(Instant.now().plus(Duration.ofDays(1))).build();
        return Samples.pkg(dir, dev.signingIdentity(XIANYANG), h, 1_000);
    }

    private RecipientStatus liquan(Path sent) throws Exception {
        VerifiedPackage v = Samples.verify(dev, sent);
        NodeClient.Resp st = t.atCity(XIANYANG).status(Samples.id(v));
        assertEquals(200, st.status(), st::toString);
        MessageStatus s = StatusDocument.read(st.body()).verify(new TrustValidator(dev.trustPolicy()), XIANYANG, Samples.id(v),
                Receipts.signatureDigest(v.signer().profile(), v.signatureValue()));
        return s.recipients().get(0);
    }

    @Test
    void aRelayWhoseAnswerWasLostIsConfirmedAfterExpiryRatherThanExpired() throws Exception {
        Path sent = message();
        assertEquals(201, t.atCity(XIANYANG).submit(sent).status());
        assertTrue(t.city.awaitRelays(Duration.ofSeconds(30)), "relayed to the county");
        UUID id = Samples.id(Samples.verify(dev, sent));

        // as if the county's answer had been lost: the city still owes the relay
        try (Connection c = t.cityDatabase(); PreparedStatement ps = c.prepareStatement("INSERT INTO gw_relay (relay_id, kind, target, sender,"
                + " message_id, recipients, receipt_id, attempts, next_ms, created_ms) VALUES (?, 'MESSAGE', ?, ?, ?, ?, NULL, 3, 0, 0)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, LIQUAN_NODE.value());
            ps.setString(3, XIANYANG.value());
            ps.setString(4, id.toString());
            ps.setString(5, LIQUAN.value());
            ps.executeUpdate();
        }
        t.clock.advance(Duration.ofDays(2));
        t.city.setPeer(LIQUAN_NODE, t.county.uri());
        assertTrue(t.city.awaitRelays(Duration.ofSeconds(30)), "the owed relay ended");

        RecipientStatus r = liquan(sent);
        assertEquals(DeliveryState.RELAYED, r.state(), r::toString);
        assertEquals(List.of("RELAYED by " + LIQUAN_NODE), r.timeline().stream().map(x -> x.type() + " by " + x.issuer()).toList());
    }

    @Test
    void aRelayThatStillFailsAfterExpiryEndsWithExpired() throws Exception {
        t.county.close();
        Path sent = message();
        assertEquals(201, t.atCity(XIANYANG).submit(sent).status());
        t.clock.advance(Duration.ofDays(2));
        assertTrue(t.city.awaitRelays(Duration.ofSeconds(30)), "the relay ended");

        RecipientStatus r = liquan(sent);
        assertEquals(DeliveryState.EXPIRED, r.state(), r::toString);
        assertEquals(List.of("EXPIRED by " + XIANYANG_NODE), r.timeline().stream().map(x -> x.type() + " by " + x.issuer()).toList());
    }
}
