package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.ErrorDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that serves https talks to its neighbours over https only (T-2.1), and what a caller
 * writes into a request comes back, and into the log, without control characters.
 */
class PeerAddressTest {
    @TempDir
    static Path dir;
    static DevPlatform dev;

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519);
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    @Test
    void aTlsNodeRefusesAnHttpNeighbour() {
        NodeConfig.Builder b = dev.node(XIANYANG_NODE).config().toBuilder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.child(URI_CHILD, URI.create("http://127.0.0.1:8445/")).build());
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        IllegalArgumentException set = assertThrows(IllegalArgumentException.class,
                () -> dev.node(XIANYANG_NODE).setPeer(LIQUAN_NODE, URI.create("http://127.0.0.1:8445/")));
        assertTrue(set.getMessage().contains("http://127.0.0.1:8445/"), set.getMessage());
        assertEquals("https", dev.node(XIANYANG_NODE).peer(LIQUAN_NODE).getScheme(), "the neighbour's address is unchanged");
    }

    @Test
    void aPlainTestNodeRefusesAnHttpsNeighbour() {
        NodeConfig.Builder b = NodeConfig.builder().node(XIANYANG_NODE, "咸阳 (plain)").signingIdentity(dev.nodeSigningIdentity(XIANYANG_NODE))
                .plainHttp().trust(dev.trustPolicy()).storageDirectory(dir.resolve("plain")).parent(DevPlatform.SHAANXI_NODE,
                        URI.create("https://127.0.0.1:8441/"));
        assertThrows(IllegalArgumentException.class, b::build);
    }

    @Test
    void aMalformedQueryValueComesBackWithoutLineBreaks() throws Exception {
        NodeClient c = NodeClient.of(dev, XIANYANG);
        NodeClient.Resp r = c.get(Binding.MAILBOX + "?wait=1%0D%0A%5Bmain%5D%20INFO%20forged%E2%80%A8");
        assertEquals(400, r.status(), r::toString);
        String message = ErrorDocument.read(r.body()).message();
        assertTrue(message.contains("1\\r\\n[main] INFO forged"), message);
        assertFalse(message.chars().anyMatch(ch -> Character.isISOControl(ch) || ch == 0x2028), message);
        assertEquals(ErrorCode.TRANSPORT_FATAL, r.error());
    }

    private static final org.gongwen.api.id.NodeId URI_CHILD = org.gongwen.api.id.NodeId.parse("GWNODE-610404");
}
