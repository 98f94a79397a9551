package org.gongwen.examples;

import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DbFilingReceiver's main, run with --once for 咸阳市 against the development nodes and an H2 file database. */
class DbFilingReceiverTest {
    private static final Gongwen GW = Gongwen.load();

    @TempDir
    Path dir;

    private Path send(DevPlatform dev, ExchangeClient client, String title, int number) throws Exception {
        Path work = Files.createDirectories(dir.resolve("out-" + number));
        Path body = Files.write(work.resolve("正文.pdf"), SamplePdf.page("Liquan County report", "No. " + number));
        Header h = Header.builder().sender(LIQUAN).to(XIANYANG).build();
        DocumentMetadata m = DocumentMetadata.builder().kind(DocumentKind.REPORT).title(title)
                .documentNumber(DocumentNumber.parse("礼政发〔2026〕" + number + "号")).issuerMark("礼泉县人民政府文件")
                .issuingAuthority("礼泉县人民政府").dateOfWriting(LocalDate.of(2026, 11, 20)).build();
        Path pkg = work.resolve("report.gwpkg");
        GW.newPackage().header(h).metadata(m).body(body).signWith(dev.signingIdentity(LIQUAN)).writeTo(pkg);
        client.send(pkg);
        return body;
    }

    private List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void twoDocumentsAreFiledOnceAndAcknowledged() throws Exception {
        try (DevPlatform dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.SM2_SM3);
                ExchangeClient liquan = GW.exchangeClient(dev.clientConfig(LIQUAN));
                ExchangeClient xianyang = GW.exchangeClient(dev.clientConfig(XIANYANG))) {
            dev.writeFiles();
            Path body1 = send(dev, liquan, "礼泉县人民政府关于2026年秋季农业生产情况的报告", 31);
            Path body2 = send(dev, liquan, "礼泉县人民政府关于冬季森林防火工作的报告", 32);
            assertTrue(dev.awaitQuiet(Duration.ofSeconds(60)), "relays pending: " + dev);

            String db = "jdbc:h2:file:" + dir.resolve("oa").resolve("inbox").toAbsolutePath();
            Path store = dir.resolve("store");
            String[] args = {"--client", dev.clientFile(XIANYANG).toString(), "--db", db, "--store", store.toString(), "--once", "--wait", "0"};
            DbFilingReceiver.main(args);

            List<UUID> ids = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT sender, message_id, kind, doc_number, title, status, parts_dir, package_path FROM "
                            + DbFilingReceiver.TABLE + " ORDER BY doc_number")) {
                List<Path> bodies = List.of(body1, body2);
                List<String> titles = List.of("礼泉县人民政府关于2026年秋季农业生产情况的报告", "礼泉县人民政府关于冬季森林防火工作的报告");
                for (int i = 0; i < 2; i++) {
                    assertTrue(rs.next(), "row " + (i + 1));
                    assertEquals(LIQUAN.value(), rs.getString("sender"));
                    assertEquals("NEW", rs.getString("status"));
                    assertEquals(titles.get(i), rs.getString("title"));
                    assertEquals("礼政发〔2026〕" + (31 + i) + "号", rs.getString("doc_number"));
                    assertEquals(DocumentKind.REPORT.label(), rs.getString("kind"));
                    assertArrayEquals(Files.readAllBytes(bodies.get(i)), Files.readAllBytes(Path.of(rs.getString("parts_dir")).resolve("正文.pdf")),
                            "the parts are extracted");
                    assertTrue(Files.isRegularFile(Path.of(rs.getString("package_path"))));
                    ids.add(UUID.fromString(rs.getString("message_id")));
                }
                assertTrue(!rs.next(), "two rows");
            }
            assertEquals(List.of(), xianyang.mailbox(Duration.ZERO), "both were acknowledged");

            List<String> stored = names(store);
            DbFilingReceiver.main(args);
            assertEquals(stored, names(store), "a second round files nothing");
            try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + DbFilingReceiver.TABLE)) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }

            assertTrue(dev.awaitQuiet(Duration.ofSeconds(60)), "receipts pending: " + dev);
            for (UUID id : ids) {
                MessageStatus status = liquan.status(id);
                assertEquals(DeliveryState.DELIVERED, status.recipient(XIANYANG).orElseThrow().state(), id.toString());
            }
        }
    }
}
