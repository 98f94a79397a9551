package org.gongwen.internal.transport;

import static org.gongwen.internal.transport.ExchangeFixtures.GW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.DirectoryDocument;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The node a client talks to must show a TLS certificate that names a node (T-2.2): an
 * organisation's certificate from the very same TLS authority is refused in the handshake, before
 * any request is sent, with TRN-002 and a message that says why.
 */
class NodeCertificateTest {
    private static final SignatureProfile P = SignatureProfile.ECDSA_P256_SHA256;

    private static byte[] emptyDirectory() {
        try {
            return DirectoryDocument.write(List.of());
        } catch (GongwenException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOrganisationsCertificateCannotPoseAsTheNode() throws Exception {
        DevPki.Issued organisation = ExchangeFixtures.tls(Fixtures.XIANYANG.value());
        try (TestNode fake = TestNode.https(organisation, ExchangeFixtures.tlsCa().certificate());
                ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(fake.uri(), Fixtures.LIQUAN, P).build())) {
            fake.on("GET", Binding.DIRECTORY, (ex, req) -> TestNode.send(ex, 200, Binding.DIRECTORY_TYPE, emptyDirectory()));
            GongwenException e = assertThrows(GongwenException.class, c::directory);
            assertEquals(ErrorCode.TRANSPORT_FATAL, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(Fixtures.XIANYANG.value()) && e.getMessage().contains("not a platform node"), e.getMessage());
            assertTrue(fake.requests().isEmpty(), "nothing was sent to the organisation's server");
        }
    }

    @Test
    void aNodesCertificateIsAccepted() throws Exception {
        try (TestNode node = TestNode.https(ExchangeFixtures.nodeTls(), ExchangeFixtures.tlsCa().certificate());
                ExchangeClient c = GW.exchangeClient(ExchangeFixtures.config(node.uri(), Fixtures.LIQUAN, P).build())) {
            node.on("GET", Binding.DIRECTORY, (ex, req) -> TestNode.send(ex, 200, Binding.DIRECTORY_TYPE, emptyDirectory()));
            assertEquals(List.<DirectoryEntry>of(), c.directory());
            assertEquals(1, node.requests().size());
        }
    }
}
