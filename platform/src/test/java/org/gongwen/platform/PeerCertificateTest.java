package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.SHAANXI_NODE;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.transport.NodeServerTrust;
import org.gongwen.platform.internal.http.TlsContexts;
import org.gongwen.platform.internal.route.RelayClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node relays only to a server whose TLS certificate names the neighbour it means (T-2.2): an
 * organisation's TLS certificate, from the same TLS authority, or another node's, is refused in the
 * handshake and nothing is sent.
 */
class PeerCertificateTest {
    @TempDir
    Path dir;

    private static NodeServerTrust.NotTheNode notTheNode(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NodeServerTrust.NotTheNode) {
                return (NodeServerTrust.NotTheNode) t;
            }
        }
        throw new AssertionError("the relay failed for another reason", e);
    }

    @Test
    void onlyTheNeighboursOwnCertificateIsAccepted() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ECDSA_P256_SHA256)) {
            DevPlatform.TlsIdentity organisation = dev.tlsIdentity(LIQUAN);
            NodeConfig posing = NodeConfig.builder().node(LIQUAN_NODE, "礼泉 (with an organisation's TLS certificate)")
                    .signingIdentity(dev.nodeSigningIdentity(LIQUAN_NODE)).tlsIdentity(organisation.key(), organisation.chain())
                    .tlsTrustAnchors(dev.tlsTrustAnchors()).trust(dev.trustPolicy()).storageDirectory(dir.resolve("posing"))
                    .directory(dev.directory()).parent(XIANYANG_NODE, null).build();
            DevPlatform.TlsIdentity city = dev.nodeTlsIdentity(XIANYANG_NODE);
            RelayClient client = new RelayClient(peer -> TlsContexts.client(city.key(), city.chain(), dev.tlsTrustAnchors(), peer), XIANYANG_NODE);
            Path pkg = Samples.pkg(dir, dev, XIANYANG, List.of(LIQUAN), List.of(), 1_000);
            try (PlatformNode impostor = PlatformNode.start(posing)) {
                IOException e = assertThrows(IOException.class, () -> client.relayMessage(LIQUAN_NODE, impostor.uri(), pkg, List.of(LIQUAN)));
                String why = notTheNode(e).getMessage();
                assertTrue(why.contains(LIQUAN.value()) && why.contains(LIQUAN_NODE.value()), why);
                try (Stream<Path> files = Files.walk(dir.resolve("posing").resolve("packages"))) {
                    assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing reached the impostor");
                }
            }
            IOException wrongNode = assertThrows(IOException.class,
                    () -> client.relayMessage(LIQUAN_NODE, dev.node(SHAANXI_NODE).uri(), pkg, List.of(LIQUAN)));
            assertTrue(notTheNode(wrongNode).getMessage().contains(SHAANXI_NODE.value()));

            RelayClient.Result genuine = client.relayMessage(LIQUAN_NODE, dev.node(LIQUAN_NODE).uri(), pkg, List.of(LIQUAN));
            assertEquals(201, genuine.status(), () -> new String(genuine.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
