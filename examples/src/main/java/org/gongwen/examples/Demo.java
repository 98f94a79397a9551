package org.gongwen.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.exchange.DeliveryState;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.id.DocumentId;
import org.gongwen.api.id.DocumentNumber;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.gongwen.platform.PlatformNode;

/**
 * The demo: an exchange platform of three nodes on loopback (陕西省 610000, 咸阳市 610400, 礼泉县
 * 610425) with a fresh development PKI. 礼泉县人民政府办公室 sends a signed report to
 * 咸阳市人民政府办公室 (主送) and to 西安市人民政府办公厅 (抄送), a body under another city served by
 * the province node; each recipient fetches and verifies it, 咸阳市 signs for it (签收) and 西安市
 * returns it (退文); the sender prints each recipient's status timeline with the signed receipts.
 * Run with {@code ./gongwen demo [--profile P] [--out DIR]}.
 */
public final class Demo {
    static final OrgCode LIQUAN = OrgCode.of("116104250162020100");
    static final OrgCode XIANYANG = OrgCode.of("11610400016001016Y");
    static final OrgCode XIAN = OrgCode.of("11610100016505011R");

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        SignatureProfile profile = SignatureProfile.SM2_SM3;
        Path out = Path.of("demo-output");
        for (int i = 0; i < args.length; i++) {
            if ("--profile".equals(args[i]) && i + 1 < args.length) {
                profile = SignatureProfile.valueOf(args[++i]);
            } else if ("--out".equals(args[i]) && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else {
                System.err.println("usage: demo [--profile SM2_SM3|RSA_SHA256|ECDSA_P256_SHA256|ED25519] [--out DIR]");
                System.exit(2);
            }
        }
        System.exit(run(profile, out, System.out) ? 0 : 1);
    }

    /** Runs the demo; returns whether every step turned out as expected. */
    public static boolean run(SignatureProfile profile, Path out, PrintStream log) throws Exception {
        clean(out);
        Files.createDirectories(out);
        Gongwen gongwen = Gongwen.load();
        log.println("== 1. A platform of three nodes and a development PKI (" + profile + ") ==");
        try (DevPlatform platform = DevPlatform.start(out.resolve("platform"), profile)) {
            for (PlatformNode n : platform.nodes()) {
                log.println("   " + n.id() + " " + n.config().name() + " at " + n.uri());
            }
            try (ExchangeClient liquan = gongwen.exchangeClient(platform.clientConfig(LIQUAN));
                    ExchangeClient xianyang = gongwen.exchangeClient(platform.clientConfig(XIANYANG));
                    ExchangeClient xian = gongwen.exchangeClient(platform.clientConfig(XIAN))) {

                log.println("== 2. 礼泉县人民政府办公室 packs, signs and sends a report ==");
                Path pkg = pack(gongwen, platform, out);
                Receipt accepted = liquan.send(pkg);
                log.println("   " + describe(accepted));
                Receipt again = liquan.send(pkg);
                log.println("   sent again: the node answers with the same receipt (" + again.receiptId().equals(accepted.receiptId()) + ")");

                log.println("== 3. 咸阳市人民政府办公室 (主送, same city node) receives, verifies and signs for it ==");
                ReceivedMessage atXianyang = receiveOne(xianyang, out.resolve("inbox-xianyang"), log);
                Path parts = out.resolve("inbox-xianyang/parts");
                gongwen.verifier(platform.trustPolicy()).extract(atXianyang.packageFile(), parts);
                log.println("   parts extracted to " + parts + ": " + String.join(", ", atXianyang.verified().envelope().manifest().parts()
                        .stream().map(p -> p.name()).toList()));
                Receipt signedFor = xianyang.signFor(atXianyang.verified(), "咸阳市人民政府办公室 收文员 李明");
                log.println("   " + describe(signedFor));

                log.println("== 4. 西安市人民政府办公厅 (抄送, via the province node) receives, verifies and returns it ==");
                ReceivedMessage atXian = receiveOne(xian, out.resolve("inbox-xian"), log);
                Receipt returned = xian.returnDocument(atXian.verified(), "本件不属我单位办理范围，请径送咸阳市有关部门");
                log.println("   " + describe(returned));

                log.println("== 5. A copy with one changed byte is refused by the node ==");
                boolean refused = false;
                try {
                    liquan.send(tamper(pkg, out.resolve("tampered.gwpkg")));
                    log.println("   UNEXPECTED: the node accepted a tampered package");
                } catch (GongwenException e) {
                    refused = e.code() == ErrorCode.DIGEST_PART;
                    log.println("   refused: " + e.getMessage());
                }

                log.println("== 6. 礼泉县 reads the status: every receipt verified, per recipient ==");
                MessageStatus status = awaitFinal(liquan, accepted.messageId(), Duration.ofSeconds(30));
                log.println("   message " + status.messageId());
                for (RecipientStatus r : status.recipients()) {
                    log.println("   " + name(platform, r.recipient()) + (r.primary() ? " 主送 " : " 抄送 ") + r.state());
                    for (Receipt t : r.timeline()) {
                        log.println("      " + describe(t));
                    }
                }
                boolean ok = refused && again.receiptId().equals(accepted.receiptId())
                        && status.recipient(XIANYANG).map(RecipientStatus::state).orElse(null) == DeliveryState.SIGNED_FOR
                        && status.recipient(XIAN).map(RecipientStatus::state).orElse(null) == DeliveryState.RETURNED;
                log.println(ok ? "Demo complete: the document travelled across three nodes, was verified by both recipients, "
                        + "signed for by 咸阳市 and returned by 西安市; a tampered copy was refused; every step came back as a signed receipt."
                        : "Demo FAILED: see above.");
                return ok;
            }
        }
    }

    private static Path pack(Gongwen gongwen, DevPlatform platform, Path out) throws IOException, GongwenException {
        Path body = out.resolve("正文.pdf");
        Files.write(body, SamplePdf.page("Liquan County Government Office", "Report on the autumn harvest 2026", "(sample 正文 of the Gongwen demo)"));
        Path attachment = out.resolve("附件1 秋季农业生产统计表.csv");
        Files.writeString(attachment, "乡镇,播种面积(亩),产量(吨)\n城关镇,12000,5400\n烟霞镇,9800,4300\n", StandardCharsets.UTF_8);
        Header header = Header.builder().sender(LIQUAN).to(XIANYANG).cc(XIAN).urgency(Urgency.URGENT).build();
        DocumentMetadata metadata = DocumentMetadata.builder()
                .kind(DocumentKind.REPORT)
                .documentId(DocumentId.generate("1.2.156.3005.2", LIQUAN, 1, 2026, DocumentKind.REPORT.code(), 7))
                .copyNumber("000001")
                .urgency(Urgency.URGENT)
                .issuerMark("礼泉县人民政府办公室文件")
                .documentNumber(DocumentNumber.parse("礼政办发〔2026〕7号"))
                .signatory("王礼")
                .title("礼泉县人民政府办公室关于2026年秋季农业生产情况的报告")
                .principalRecipients("咸阳市人民政府办公室")
                .attachmentNote("1．秋季农业生产统计表")
                .issuingAuthority("礼泉县人民政府办公室")
                .dateOfWriting(LocalDate.of(2026, 11, 20))
                .copyTo("西安市人民政府办公厅")
                .printingAuthority("礼泉县人民政府办公室")
                .printingDate(LocalDate.of(2026, 11, 21))
                .releaseLevel("不公开")
                .build();
        Path pkg = out.resolve("礼政办发-2026-7.gwpkg");
        gongwen.newPackage().header(header).metadata(metadata).body(body).attachment(attachment)
                .signWith(platform.signingIdentity(LIQUAN)).writeTo(pkg);
        return pkg;
    }

    private static ReceivedMessage receiveOne(ExchangeClient client, Path inbox, PrintStream log) throws Exception {
        ReceivedMessage[] got = new ReceivedMessage[1];
        Instant deadline = Instant.now().plusSeconds(30);
        while (got[0] == null && Instant.now().isBefore(deadline)) {
            ReceiveResult r = client.receive(inbox, Duration.ofSeconds(10), m -> got[0] = m);
            for (ReceiveResult.Rejection x : r.rejected()) {
                log.println("   rejected " + x.errorCode() + " " + x.message());
            }
        }
        if (got[0] == null) {
            throw new IllegalStateException("nothing arrived within 30 seconds");
        }
        ReceivedMessage m = got[0];
        log.println("   VERIFIED " + m.verified().signer().profile() + " from " + m.verified().signer().organisation() + ": "
                + m.verified().envelope().metadata().title() + " -> " + m.packageFile().getFileName() + " (DELIVERED posted)");
        return m;
    }

    /** Reads the status until every recipient is final; a sample integration polls like this. */
    private static MessageStatus awaitFinal(ExchangeClient client, java.util.UUID id, Duration max) throws Exception {
        Instant deadline = Instant.now().plus(max);
        long pause = 20;
        MessageStatus s = client.status(id);
        while (!s.isFinal() && Instant.now().isBefore(deadline)) {
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 500);
            s = client.status(id);
        }
        return s;
    }

    /** A copy of the package with one byte of the attachment's data changed. */
    private static Path tamper(Path pkg, Path copy) throws IOException {
        byte[] bytes = Files.readAllBytes(pkg);
        byte[] marker = "烟霞镇".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                bytes[i + marker.length] ^= 0x01;
                return Files.write(copy, bytes);
            }
        }
        throw new IllegalStateException("attachment data not found in the package");
    }

    private static String name(DevPlatform platform, OrgCode org) {
        return platform.directory().stream().filter(e -> e.organisation().equals(org)).map(e -> e.name() + " " + org)
                .findFirst().orElse(org.value());
    }

    private static String describe(Receipt r) {
        StringBuilder b = new StringBuilder(String.format("%-10s", r.type())).append(' ').append(r.issued()).append(" signed by ").append(r.issuer());
        r.fromNode().ifPresent(n -> b.append(" (from ").append(n).append(')'));
        r.signedBy().ifPresent(n -> b.append(" 签收人: ").append(n));
        r.reason().ifPresent(n -> b.append(" 退文理由: ").append(n));
        r.errorCode().ifPresent(n -> b.append(' ').append(n));
        return b.toString();
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
