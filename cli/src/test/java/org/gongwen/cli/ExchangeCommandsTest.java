package org.gongwen.cli;

import static org.gongwen.platform.DevPlatform.CHUNHUA;
import static org.gongwen.platform.DevPlatform.LIQUAN;
import static org.gongwen.platform.DevPlatform.LIQUAN_NODE;
import static org.gongwen.platform.DevPlatform.XIAN;
import static org.gongwen.platform.DevPlatform.XIANYANG;
import static org.gongwen.platform.DevPlatform.BINZHOU;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.platform.DevPlatform;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * send, receive, sign-for, return and status against the three development nodes, with the client
 * configuration files the development platform writes; each test uses its own recipients, so the
 * mailboxes do not mix.
 */
class ExchangeCommandsTest {
    private static final Pattern MESSAGE_ID = Pattern.compile("message id {2}([0-9a-f-]{36})");
    private static final Duration RELAYS = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static DevPlatform dev;

    @BeforeAll
    static void start() throws Exception {
        dev = DevPlatform.start(dir.resolve("dev"), SignatureProfile.SM2_SM3);
        dev.writeFiles();
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    static Path client(OrgCode org) {
        return dev.clientFile(org);
    }

    static Path keys(OrgCode org) {
        return dir.resolve("dev").resolve("pki").resolve("orgs").resolve(org.value());
    }

    /** Packs a 通知 from {@code from}; returns its message id. */
    static UUID pack(OrgCode from, Path out, Path body, Object... extra) {
        List<Object> args = new ArrayList<>(List.of("pack", "--key", keys(from).resolve("signing-key.pem"),
                "--cert", keys(from).resolve("signing-cert.pem"), "--body", body, "--out", out,
                "--kind", "通知", "--title", "关于做好2026年冬季森林防火工作的通知", "--number", "礼政办发〔2026〕7号",
                "--issuer-mark", "礼泉县人民政府办公室文件", "--date", "2026-11-20"));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray());
        assertEquals(0, r.exit, r.toString());
        Matcher m = MESSAGE_ID.matcher(r.out);
        assertTrue(m.find(), r.out);
        return UUID.fromString(m.group(1));
    }

    static Receipt receipt(Path xml) throws Exception {
        return Receipts.verify(Files.readAllBytes(xml), new TrustValidator(dev.trustPolicy()));
    }

    static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void packSendReceiveSignForReturnAndStatus() throws Exception {
        Path work = Files.createDirectories(dir.resolve("flow"));
        Path body = Fixtures.file(work, "正文.pdf", 40_000, 1);
        Path attachment = Fixtures.file(work, "附件1 防火责任区划分表.xlsx", 7_000, 2);
        Path pkg = work.resolve("通知.gwpkg");
        UUID id = pack(LIQUAN, pkg, body, "--to", XIANYANG, "--cc", CHUNHUA, "--attachment", attachment);

        Path receipts = work.resolve("receipts");
        Cli.Result sent = Cli.run("send", "--client", client(LIQUAN), "--receipts", receipts, pkg);
        assertEquals(0, sent.exit, sent.toString());
        assertEquals("", sent.err, "no progress lines when standard error is not a terminal");
        assertTrue(sent.out.startsWith("ACCEPTED " + id + " 通知.gwpkg by " + LIQUAN_NODE + " at "), sent.out);
        Receipt accepted = receipt(receipts.resolve(id + ".accepted.xml"));
        assertEquals(ReceiptType.ACCEPTED, accepted.type());
        assertEquals(id, accepted.messageId());
        assertEquals(LIQUAN_NODE.value(), accepted.issuer());

        Cli.Result again = Cli.run("send", "--client", client(LIQUAN), pkg);
        assertEquals(0, again.exit, again.toString());
        assertEquals(sent.out, again.out, "sending the same package again gets the first receipt");

        // 咸阳市 receives (the message travels 610425 -> 610400; --wait holds until it is there)
        Path inbox = work.resolve("收文");
        Cli.Result received = Cli.run("receive", "--client", client(XIANYANG), "--out", inbox, "--extract", "--wait", 30);
        assertEquals(0, received.exit, received.toString());
        assertEquals("", received.err);
        String kept = LIQUAN + "_" + id;
        assertTrue(received.out.startsWith("DELIVERED " + id + " from " + LIQUAN + " 关于做好2026年冬季森林防火工作的通知 -> " + kept
                + ".gwpkg (parts in " + kept + "/)"), received.out);
        assertTrue(received.out.endsWith("1 received, 0 rejected" + System.lineSeparator()), received.out);
        assertEquals(List.of(kept, kept + ".gwpkg"), names(inbox));
        assertArrayEquals(Files.readAllBytes(pkg), Files.readAllBytes(inbox.resolve(kept + ".gwpkg")));
        assertArrayEquals(Files.readAllBytes(body), Files.readAllBytes(inbox.resolve(kept).resolve("正文.pdf")));
        assertArrayEquals(Files.readAllBytes(attachment), Files.readAllBytes(inbox.resolve(kept).resolve("附件1 防火责任区划分表.xlsx")));

        Cli.Result empty = Cli.run("receive", "--client", client(XIANYANG), "--out", inbox);
        assertEquals(0, empty.exit, empty.toString());
        assertEquals("0 received, 0 rejected" + System.lineSeparator(), empty.out, "acknowledged messages are not listed again");

        Cli.Result signed = Cli.run("sign-for", "--client", client(XIANYANG), "--by", "办公室 王文书", inbox.resolve(kept + ".gwpkg"));
        assertEquals(0, signed.exit, signed.toString());
        assertTrue(signed.out.startsWith("SIGNED_FOR " + id + " from " + LIQUAN + " at "), signed.out);

        // 淳化县 (抄送) receives and returns it; signing for it afterwards is refused
        Path chunhuaInbox = work.resolve("淳化收文");
        Cli.Result atChunhua = Cli.run("receive", "--client", client(CHUNHUA), "--out", chunhuaInbox, "--wait", 30);
        assertEquals(0, atChunhua.exit, atChunhua.toString());
        assertEquals(List.of(kept + ".gwpkg"), names(chunhuaInbox), "without --extract only the package is kept");
        Path chunhuaPkg = chunhuaInbox.resolve(kept + ".gwpkg");
        Cli.Result returned = Cli.run("return", "--client", client(CHUNHUA), "--reason", "请补充附件后重新发送", chunhuaPkg);
        assertEquals(0, returned.exit, returned.toString());
        assertTrue(returned.out.startsWith("RETURNED " + id + " from " + LIQUAN + " at "), returned.out);
        Cli.Result late = Cli.run("sign-for", "--client", client(CHUNHUA), "--by", "王文书", chunhuaPkg);
        assertEquals(ExitStatus.REFUSED, late.exit, late.toString());
        assertTrue(late.err.startsWith("MSG-005 "), late.err);
        assertEquals(1, late.err.lines().count(), late.err);

        assertTrue(dev.awaitQuiet(RELAYS), "receipts still travelling: " + dev);
        Cli.Result status = Cli.run("status", "--client", client(LIQUAN), id);
        assertEquals(0, status.exit, status.toString());
        List<String> lines = status.out.lines().toList();
        assertEquals("message " + id + " from " + LIQUAN, lines.get(0));
        assertTrue(lines.get(1).matches("  ACCEPTED +\\S+ by " + LIQUAN_NODE), lines.get(1));
        assertTrue(lines.contains("  " + XIANYANG + " 主送 SIGNED_FOR"), status.out);
        assertTrue(lines.contains("  " + CHUNHUA + " 抄送 RETURNED"), status.out);
        assertTrue(status.out.contains("by " + XIANYANG + " 签收人: 办公室 王文书"), status.out);
        assertTrue(status.out.contains("by " + CHUNHUA + " 理由: 请补充附件后重新发送"), status.out);
        assertTrue(status.out.contains("RELAYED") && status.out.contains("DELIVERED"), status.out);

        Cli.Result notTheirs = Cli.run("status", "--client", client(XIANYANG), id);
        assertEquals(ExitStatus.REFUSED, notTheirs.exit, notTheirs.toString());
        assertTrue(notTheirs.err.startsWith("MSG-003 "), notTheirs.err);
    }

    @Test
    void anUnknownRecipientIsRefusedWithRte001() throws Exception {
        Path work = Files.createDirectories(dir.resolve("unknown"));
        Path pkg = work.resolve("通知.gwpkg");
        OrgCode nobody = OrgCode.of("91350100M000100Y43");
        UUID id = pack(LIQUAN, pkg, Fixtures.file(work, "正文.pdf", 2_000, 3), "--to", nobody);
        Cli.Result r = Cli.run("send", "--client", client(LIQUAN), pkg);
        assertEquals(ExitStatus.REFUSED, r.exit, r.toString());
        assertEquals("", r.out);
        assertTrue(r.err.startsWith("RTE-001 "), r.err);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.contains(nobody.value()), "names the recipient: " + r.err);
        Cli.Result s = Cli.run("status", "--client", client(LIQUAN), id);
        assertTrue(s.err.startsWith("MSG-003 "), "a refused message is not stored: " + s);
    }

    @Test
    void aNodeThatIsDownIsTrn001WithExitStatus5AndTheSamePackageGoesLater() throws Exception {
        Path work = Files.createDirectories(dir.resolve("down"));
        Path pkg = work.resolve("通知.gwpkg");
        UUID id = pack(LIQUAN, pkg, Fixtures.file(work, "正文.pdf", 2_000, 4), "--to", BINZHOU);
        dev.stop(LIQUAN_NODE);
        try {
            for (Cli.Result r : List.of(Cli.run("send", "--client", client(LIQUAN), pkg),
                    Cli.run("receive", "--client", client(LIQUAN), "--out", work.resolve("in")),
                    Cli.run("status", "--client", client(LIQUAN), id))) {
                assertEquals(ExitStatus.TRANSPORT, r.exit, r.toString());
                assertTrue(r.err.startsWith("TRN-001 "), r.err);
                assertEquals(1, r.err.lines().count(), r.err);
            }
        } finally {
            dev.restart(LIQUAN_NODE);
        }
        Cli.Result later = Cli.run("send", "--client", client(LIQUAN), pkg);
        assertEquals(0, later.exit, later.toString());
        assertTrue(later.out.startsWith("ACCEPTED " + id + " "), later.out);
    }

    @Test
    void aPackageTheRecipientCannotVerifyIsRejectedAndNotKept() throws Exception {
        Path work = Files.createDirectories(dir.resolve("distrust"));
        Path pkg = work.resolve("通知.gwpkg");
        UUID id = pack(LIQUAN, pkg, Fixtures.file(work, "正文.pdf", 2_000, 5), "--to", XIAN);
        assertEquals(0, Cli.run("send", "--client", client(LIQUAN), pkg).exit);
        // 西安市 trusts another CA for documents (here: the TLS CA), so the package's signer is not trusted
        String props = Files.readString(client(XIAN), StandardCharsets.UTF_8).replace("trust.anchors=pki/document-ca.pem", "trust.anchors=pki/tls-ca.pem");
        Path distrusting = Files.writeString(client(XIAN).resolveSibling("xian-other-ca.client.properties"), props, StandardCharsets.UTF_8);
        Path inbox = work.resolve("in");
        Cli.Result r = Cli.run("receive", "--client", distrusting, "--out", inbox, "--wait", 30);
        assertEquals(ExitStatus.REFUSED, r.exit, r.toString());
        assertTrue(r.err.startsWith("TRU-001 rejected " + LIQUAN + "/" + id + ": "), r.err);
        assertTrue(r.out.endsWith("0 received, 1 rejected" + System.lineSeparator()), r.out);
        assertEquals(List.of(), names(inbox), "nothing is kept, not even a temporary file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"send", "receive", "status", "sign-for", "return"})
    void aBadClientFileIsAUsageError(String command) throws Exception {
        Path work = Files.createDirectories(dir.resolve("bad-" + command));
        Path pkg = work.resolve("any.gwpkg");
        Files.write(pkg, new byte[] {1});
        Path bad = Files.writeString(work.resolve("bad.client.properties"),
                Files.readString(client(LIQUAN), StandardCharsets.UTF_8) + "colour=blue\n", StandardCharsets.UTF_8);
        List<Object> rest = switch (command) {
            case "send" -> List.of(pkg);
            case "receive" -> List.of("--out", work.resolve("in"));
            case "status" -> List.of(UUID.randomUUID());
            case "sign-for" -> List.of("--by", "王文书", pkg);
            default -> List.of("--reason", "不需要", pkg);
        };
        List<Object> args = new ArrayList<>(List.of(command, "--client", bad));
        args.addAll(rest);
        Cli.Result r = Cli.run(args.toArray());
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 "), r.err);
        assertTrue(r.err.contains("colour"), "names the key: " + r.err);

        args.set(2, work.resolve("absent.properties"));
        Cli.Result missing = Cli.run(args.toArray());
        assertEquals(ExitStatus.LOCAL, missing.exit, missing.toString());
        assertTrue(missing.err.startsWith("LOC-001 "), missing.err);
        assertFalse(Files.exists(work.resolve("in")), "nothing is created for a command that cannot run");
    }

    @Test
    void aClientFileWithoutTheNodeNamesTheMissingKey() throws Exception {
        String props = Files.readString(client(LIQUAN), StandardCharsets.UTF_8).replaceAll("(?m)^node=.*$", "");
        Path file = Files.writeString(client(LIQUAN).resolveSibling("no-node.client.properties"), props, StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("status", "--client", file, UUID.randomUUID());
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 ") && r.err.contains("'node' is required"), r.err);
    }

    @Test
    void foldersThatCannotBeCreatedAreLocalProblems() throws Exception {
        Path work = Files.createDirectories(dir.resolve("folders"));
        Path aFile = Files.writeString(work.resolve("not-a-folder"), "x");
        Cli.Result receive = Cli.run("receive", "--client", client(BINZHOU), "--out", aFile.resolve("in"));
        assertEquals(ExitStatus.LOCAL, receive.exit, receive.toString());
        assertTrue(receive.err.startsWith("LOC-001 cannot create the folder "), receive.err);

        Path pkg = work.resolve("通知.gwpkg");
        pack(LIQUAN, pkg, Fixtures.file(work, "正文.pdf", 1_000, 6), "--to", BINZHOU);
        Cli.Result send = Cli.run("send", "--client", client(LIQUAN), "--receipts", aFile, pkg);
        assertEquals(ExitStatus.LOCAL, send.exit, send.toString());
        assertTrue(send.err.startsWith("LOC-001 "), send.err);
        assertEquals("", send.out, "nothing is sent when the receipts cannot be kept");
    }

    @Test
    void outboxWritesSendsAndListsAndInboxShowsAndReleasesParkedMessages() throws Exception {
        Path work = Files.createDirectories(dir.resolve("outbox"));
        Path pkg = work.resolve("report.gwpkg");
        UUID id = pack(LIQUAN, pkg, Fixtures.file(work, "正文.pdf", 3_000, 7), "--to", org.gongwen.platform.DevPlatform.SHAANXI);
        Path store = work.resolve("liquan-store");
        Cli.Result sent = Cli.run("outbox", "--client", client(LIQUAN), "--store", store, "--add", pkg, "--send");
        assertEquals(0, sent.exit, sent.toString());
        assertTrue(sent.out.contains("queued   " + id), sent.out);
        assertTrue(sent.out.contains("ACCEPTED " + id + "  attempts 1"), sent.out);

        Cli.Result again = Cli.run("outbox", "--client", client(LIQUAN), "--store", store, "--add", pkg, "--state", "ACCEPTED");
        assertEquals(0, again.exit, again.toString());
        assertEquals(1, again.out.lines().filter(l -> l.startsWith("ACCEPTED " + id)).count(), "the same bytes are one entry: " + again.out);
        Cli.Result queued = Cli.run("outbox", "--client", client(LIQUAN), "--store", store, "--state", "QUEUED");
        assertEquals("", queued.out.strip(), "nothing is queued");

        Cli.Result foreign = Cli.run("outbox", "--client", client(org.gongwen.platform.DevPlatform.SHAANXI), "--store", store);
        assertEquals(2, foreign.exit, foreign.toString());
        assertTrue(foreign.err.startsWith("LOC-002") && foreign.err.contains("belongs to " + LIQUAN), foreign.err);

        Path inbox = work.resolve("shaanxi-store");
        Cli.Result none = Cli.run("inbox", "--client", client(org.gongwen.platform.DevPlatform.SHAANXI), "--store", inbox);
        assertEquals(0, none.exit, none.toString());
        assertTrue(none.out.contains("0 parked"), none.out);
        Cli.Result unknown = Cli.run("inbox", "--client", client(org.gongwen.platform.DevPlatform.SHAANXI), "--store", inbox,
                "--retry", LIQUAN + "/" + id);
        assertEquals(1, unknown.exit, unknown.toString());
        assertTrue(unknown.err.startsWith("MSG-003"), unknown.err);
        Cli.Result bad = Cli.run("inbox", "--client", client(org.gongwen.platform.DevPlatform.SHAANXI), "--store", inbox, "--retry", "nonsense");
        assertEquals(2, bad.exit, bad.toString());
    }
}
