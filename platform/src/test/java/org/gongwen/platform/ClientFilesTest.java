package org.gongwen.platform;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.XIANYANG_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client configuration files DevPlatform writes are read by the SDK and reach the organisation's running home node. */
class ClientFilesTest {
    @TempDir
    Path dir;

    @Test
    void everyOrganisationGetsAClientFileForItsHomeNode() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.ED25519)) {
            dev.writeFiles();
            for (var e : dev.directory()) {
                OrgCode org = e.organisation();
                Path file = dev.clientFile(org);
                assertEquals(dir.resolve("platform").resolve(org.value() + ".client.properties").toAbsolutePath(), file);
                ExchangeConfig c = Samples.GW.exchangeConfig(file);
                assertEquals(dev.node(dev.homeNode(org)).uri(), c.node(), org.value());
                assertEquals(dev.signingIdentity(org).certificate(), c.signingIdentity().certificate());
                assertEquals(dev.tlsIdentity(org).chain(), c.tlsChain());
                assertEquals(dev.tlsTrustAnchors(), c.tlsTrustAnchors());
                assertTrue(Files.readString(file).contains("organisation=" + org.value()));
            }
            // the files work: 咸阳市 sends to 淳化县 (both homed at 610400) and 淳化县 finds it in its mailbox
            Path sent = Samples.pkg(dir, dev, XIANYANG, List.of(CHUNHUA), List.of(), 2_000);
            try (ExchangeClient xianyang = Samples.GW.exchangeClient(Samples.GW.exchangeConfig(dev.clientFile(XIANYANG)));
                    ExchangeClient chunhua = Samples.GW.exchangeClient(Samples.GW.exchangeConfig(dev.clientFile(CHUNHUA)))) {
                assertEquals(ReceiptType.ACCEPTED, xianyang.send(sent).type());
                List<MailboxEntry> box = chunhua.mailbox(Duration.ZERO);
                assertEquals(List.of(Samples.id(Samples.verify(dev, sent))), box.stream().map(MailboxEntry::messageId).toList());
            }

            // a restart rewrites the files with the node's address, which may have changed
            PlatformNode again = dev.restart(XIANYANG_NODE);
            assertEquals(again.uri(), Samples.GW.exchangeConfig(dev.clientFile(CHUNHUA)).node());
        }
    }
}
