package org.gongwen.examples;

import static org.gongwen.platform.DevPlatform.BINZHOU;
import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.gongwen.api.Gongwen;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.platform.DevPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HotFolderSender's main, run with --once against the development nodes, with the client file they write for 礼泉县. */
class HotFolderSenderTest {
    private static final Gongwen GW = Gongwen.load();

    @TempDir
    static Path dir;
    static DevPlatform dev;

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("platform"), SignatureProfile.SM2_SM3);
        dev.writeFiles();
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    /** A document folder: 正文.pdf, an attachment, metadata.properties with {@code metadata}, and READY if {@code ready}. */
    static Path job(Path hot, String name, String metadata, boolean ready) throws Exception {
        Path job = Files.createDirectories(hot.resolve("outgoing").resolve(name));
        Files.write(job.resolve("正文.pdf"), SamplePdf.page("Liquan County notice on forest fire prevention", name));
        Files.writeString(job.resolve("附件1 防火责任区划分表.csv"), "序号,责任区,责任人\n1,北部山区,张三\n", StandardCharsets.UTF_8);
        Files.writeString(job.resolve(HotFolderSender.METADATA), metadata, StandardCharsets.UTF_8);
        if (ready) {
            Files.createFile(job.resolve(HotFolderSender.READY));
        }
        return job;
    }

    static String metadata(String to) {
        return "to=" + to + "\ncc=" + BINZHOU + "\nkind=通知\ntitle=关于做好2026年冬季森林防火工作的通知\nnumber=礼政办发〔2026〕7号\n"
                + "issuer-mark=礼泉县人民政府办公室文件\nauthority=礼泉县人民政府办公室\ndate=2026-11-20\nbody=正文.pdf\nurgency=加急\n"
                + "signatory=张三\nattachment-note=1．防火责任区划分表\n";
    }

    static void runOnce(Path hot) throws Exception {
        HotFolderSender.main(new String[] {"--client", dev.clientFile(LIQUAN).toString(), "--folder", hot.toString(), "--once"});
    }

    static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Receipt receipt(Path xml) throws Exception {
        return Receipts.verify(Files.readAllBytes(xml), new TrustValidator(dev.trustPolicy()));
    }

    @Test
    void readyFoldersAreSentOrFailedAndTheRestIsLeftAlone() throws Exception {
        Path hot = dir.resolve("hot");
        job(hot, "01-防火通知", metadata(CHUNHUA.value()), true);
        job(hot, "02-坏元数据", metadata(CHUNHUA.value()).replace("date=2026-11-20", "date=二〇二六年"), true);
        job(hot, "03-未知收文机关", metadata("91350100M000100Y43"), true);
        Path draft = job(hot, "04-草稿", metadata(CHUNHUA.value()), false);
        List<String> draftFiles = names(draft);

        runOnce(hot);

        assertEquals(List.of("04-草稿"), names(hot.resolve("outgoing")));
        assertEquals(draftFiles, names(draft), "a folder without READY is not touched");

        Path done = hot.resolve("done").resolve("01-防火通知");
        Path pkg = done.resolve(HotFolderSender.PACKAGE);
        VerifiedPackage v = GW.verifier(dev.trustPolicy()).verify(pkg);
        Header h = v.envelope().header();
        assertEquals(LIQUAN, h.sender());
        assertEquals(List.of(CHUNHUA), h.to());
        assertEquals(List.of(BINZHOU), h.cc());
        assertEquals("关于做好2026年冬季森林防火工作的通知", v.envelope().metadata().title());
        assertEquals(List.of("正文.pdf", "附件1 防火责任区划分表.csv"), v.envelope().manifest().parts().stream().map(Part::name).toList(),
                "the other files of the folder are the attachments; the sender's own files are not");
        Receipt accepted = receipt(done.resolve(HotFolderSender.RECEIPT));
        assertEquals(ReceiptType.ACCEPTED, accepted.type());
        assertEquals(LIQUAN_NODE.value(), accepted.issuer());
        Receipts.checkBound(accepted, LIQUAN, h.messageId(), v.signer().profile().digestAlgorithm(),
                Receipts.signatureDigest(v.signer().profile(), v.signatureValue()));

        Path badMetadata = hot.resolve("failed").resolve("02-坏元数据");
        assertTrue(Files.readString(badMetadata.resolve(HotFolderSender.ERROR)).startsWith("LOC-002 "),
                Files.readString(badMetadata.resolve(HotFolderSender.ERROR)));
        assertFalse(Files.exists(badMetadata.resolve(HotFolderSender.PACKAGE)));
        Path unknown = hot.resolve("failed").resolve("03-未知收文机关");
        String error = Files.readString(unknown.resolve(HotFolderSender.ERROR));
        assertTrue(error.startsWith("RTE-001 ") && error.contains("91350100M000100Y43"), error);
        assertFalse(Files.exists(unknown.resolve(HotFolderSender.PACKAGE)), "a refused package is not kept");

        assertTrue(dev.awaitQuiet(Duration.ofSeconds(60)), "relays pending: " + dev);
        try (ExchangeClient chunhua = GW.exchangeClient(dev.clientConfig(CHUNHUA))) {
            assertEquals(List.of(h.messageId()), chunhua.mailbox(Duration.ZERO).stream().map(MailboxEntry::messageId).toList());
        }
    }

    @Test
    void aNodeThatIsDownLeavesTheJobWithItsPackageAndTheNextRoundSendsTheSameBytes() throws Exception {
        Path hot = dir.resolve("hot-down");
        Path job = job(hot, "05-会议通知", metadata(DevPlatform.XIANYANG.value()), true);
        byte[] first;
        UUID id;
        dev.stop(LIQUAN_NODE);
        try {
            runOnce(hot);
            assertEquals(List.of("05-会议通知"), names(hot.resolve("outgoing")));
            assertEquals(List.of(), names(hot.resolve("done")));
            assertEquals(List.of(), names(hot.resolve("failed")));
            assertFalse(Files.exists(job.resolve(HotFolderSender.ERROR)));
            first = Files.readAllBytes(job.resolve(HotFolderSender.PACKAGE));
            id = GW.verifier(dev.trustPolicy()).verify(job.resolve(HotFolderSender.PACKAGE)).envelope().header().messageId();

            runOnce(hot);
            assertArrayEquals(first, Files.readAllBytes(job.resolve(HotFolderSender.PACKAGE)), "a waiting job is not packed again");
        } finally {
            dev.restart(LIQUAN_NODE);
        }

        runOnce(hot);
        Path done = hot.resolve("done").resolve("05-会议通知");
        assertEquals(List.of(), names(hot.resolve("outgoing")));
        assertArrayEquals(first, Files.readAllBytes(done.resolve(HotFolderSender.PACKAGE)), "the same bytes were sent");
        Receipt accepted = receipt(done.resolve(HotFolderSender.RECEIPT));
        assertEquals(id, accepted.messageId());
        assertEquals(ReceiptType.ACCEPTED, accepted.type());
    }
}
