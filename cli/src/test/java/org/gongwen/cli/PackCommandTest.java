package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.testing.Fixtures;
import org.gongwen.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackCommandTest {
    private final TestPki pki = TestPki.of(SignatureProfile.ED25519);

    @TempDir
    Path dir;

    private Path body() throws Exception {
        return Fixtures.file(dir, "正文.ofd", 1_000, 7);
    }

    private Map<String, Object> metadataOf(Path pkg) {
        return Json.object(RoundTripTest.jsonOf(Cli.run("inspect", "--json", "--trust", pki.ca(), pkg)), "metadata");
    }

    @Test
    void metadataFileGivesEveryElementAndOptionsOverrideIt() throws Exception {
        Path file = Files.writeString(dir.resolve("metadata.properties"), String.join("\n",
                "# 礼泉县 2026 年第 7 号",
                "document-id=1.2.156.3005.2.116104250162020100-001-2026-10-000007-X",
                "kind=请示",
                "copy-number=000012",
                "urgency=特急",
                "issuer-mark=礼泉县人民政府文件",
                "number=礼政发〔2026〕7号",
                "signatory.1=张三",
                "signatory.2=李四",
                "title=从文件来的标题",
                "principal-recipients=咸阳市人民政府",
                "attachment-note.2=2．资金测算表",
                "attachment-note.1=1．项目清单",
                "issuing-authority=礼泉县人民政府",
                "date=2026年11月20日",
                "annotation=联系人：王五，电话：029-12345678",
                "copy-to=淳化县人民政府",
                "printing-authority=礼泉县人民政府办公室",
                "printing-date=2026-11-21",
                "release-level=不公开",
                ""));
        Path pkg = dir.resolve("a.gwpkg");
        Cli.Result r = Cli.run("pack", "--key", pki.key(Fixtures.LIQUAN), "--cert", pki.cert(Fixtures.LIQUAN),
                "--to", Fixtures.XIANYANG.value(), "--body", body(), "--out", pkg, "--metadata", file,
                "--title", "关于申请2026年度农田水利建设资金的请示", "--signatory", "赵六");
        assertEquals(0, r.exit, r.toString());

        Map<String, Object> m = metadataOf(pkg);
        assertEquals("1.2.156.3005.2.116104250162020100-001-2026-10-000007-X", m.get("documentId"));
        assertEquals("REQUEST", m.get("kind"));
        assertEquals("000012", m.get("copyNumber"));
        assertEquals("EXTRA_URGENT", m.get("urgency"));
        assertEquals("礼泉县人民政府文件", m.get("issuerMark"));
        assertEquals("礼政发〔2026〕7号", m.get("documentNumber"));
        assertEquals(List.of("赵六"), m.get("signatories"), "the option replaces the file's list");
        assertEquals("关于申请2026年度农田水利建设资金的请示", m.get("title"), "the option overrides the file");
        assertEquals("咸阳市人民政府", m.get("principalRecipients"));
        assertEquals(List.of("1．项目清单", "2．资金测算表"), m.get("attachmentNotes"), "numbered keys in number order");
        assertEquals("礼泉县人民政府", m.get("issuingAuthority"));
        assertEquals("2026-11-20", m.get("dateOfWriting"));
        assertEquals("联系人：王五，电话：029-12345678", m.get("annotation"));
        assertEquals("淳化县人民政府", m.get("copyTo"));
        assertEquals("礼泉县人民政府办公室", m.get("printingAuthority"));
        assertEquals("2026-11-21", m.get("printingDate"));
        assertEquals("不公开", m.get("releaseLevel"));
        assertEquals(null, m.get("classification"));
        assertEquals(18, m.size(), "all 18 elements are reported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"通知", "NOTICE", "08", "notice"})
    void kindAcceptsChineseNameConstantAndCode(String kind) throws Exception {
        Path pkg = dir.resolve("a.gwpkg");
        Cli.Result r = pki.pack(pkg, body(), "--kind", kind);
        if (kind.equals("notice")) {
            assertEquals(ExitStatus.USAGE, r.exit, "constants are written in capitals: " + r);
            assertTrue(r.err.startsWith("LOC-002 --kind: unknown 文种 'notice'"), r.err);
            return;
        }
        assertEquals(0, r.exit, r.toString());
        assertEquals("NOTICE", metadataOf(pkg).get("kind"));
    }

    @Test
    void blankOptionUnsetsTheFilesValue() throws Exception {
        Path file = Files.writeString(dir.resolve("m.properties"), "annotation=请勿外传\nrelease-level=\n");
        Path pkg = dir.resolve("a.gwpkg");
        assertEquals(0, pki.pack(pkg, body(), "--metadata", file, "--annotation", "").exit);
        Map<String, Object> m = metadataOf(pkg);
        assertEquals(null, m.get("annotation"));
        assertEquals(null, m.get("releaseLevel"));
    }

    @Test
    void unknownMetadataKeyIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("m.properties"), "titel=拼错的键\n");
        Cli.Result r = pki.pack(dir.resolve("a.gwpkg"), body(), "--metadata", file);
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 metadata file ") && r.err.contains("unknown key 'titel'"), r.err);
        assertFalse(Files.exists(dir.resolve("a.gwpkg")));
    }

    @Test
    void metadataFileThatIsNotUtf8IsAUsageError() throws Exception {
        Path file = Files.write(dir.resolve("m.properties"), "title=关于".getBytes("GBK"));
        Cli.Result r = pki.pack(dir.resolve("a.gwpkg"), body(), "--metadata", file);
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 ") && r.err.contains("not UTF-8"), r.err);
    }

    @Test
    void invalidDocumentNumberNamesTheExpectedForm() throws Exception {
        Cli.Result r = pki.pack(dir.resolve("a.gwpkg"), body(), "--number", "礼政办发[2026]7号");
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 --number: invalid 发文字号"), r.err);
        assertTrue(r.err.contains("咸政发〔2013〕12号"), r.err);
    }

    @Test
    void missingRequiredMetadataIsAUsageError() throws Exception {
        Cli.Result r = Cli.run("pack", "--key", pki.key(Fixtures.LIQUAN), "--cert", pki.cert(Fixtures.LIQUAN),
                "--to", Fixtures.XIANYANG.value(), "--body", body(), "--out", dir.resolve("a.gwpkg"),
                "--kind", "通知", "--issuer-mark", "礼泉县人民政府办公室文件", "--date", "2026-11-20");
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 title (标题) is required"), r.err);
    }

    @Test
    void badDateAndRoutineUrgencyAreUsageErrors() throws Exception {
        Cli.Result date = pki.pack(dir.resolve("a.gwpkg"), body(), "--date", "2026-02-30");
        assertEquals(ExitStatus.USAGE, date.exit, date.toString());
        assertTrue(date.err.startsWith("LOC-002 --date: '2026-02-30' is not a date"), date.err);
        Cli.Result urgency = pki.pack(dir.resolve("a.gwpkg"), body(), "--urgency", "平急");
        assertEquals(ExitStatus.USAGE, urgency.exit, urgency.toString());
        assertTrue(urgency.err.contains("平急 is for routing only"), urgency.err);
    }

    @Test
    void recipientsTakeCommaListsAndRefuseInvalidCodes() throws Exception {
        Path pkg = dir.resolve("a.gwpkg");
        Cli.Result ok = pki.pack(pkg, body(), "--to", Fixtures.SHAANXI + "，" + Fixtures.XIAN, "--cc", Fixtures.BINZHOU + "," + Fixtures.LIQUAN);
        assertEquals(0, ok.exit, ok.toString());
        Map<String, Object> header = Json.object(RoundTripTest.jsonOf(Cli.run("inspect", "--json", pkg)), "header");
        assertEquals(List.of(Fixtures.XIANYANG.value(), Fixtures.SHAANXI.value(), Fixtures.XIAN.value()), header.get("to"));
        assertEquals(List.of(Fixtures.CHUNHUA.value(), Fixtures.BINZHOU.value(), Fixtures.LIQUAN.value()), header.get("cc"));

        Cli.Result bad = pki.pack(dir.resolve("b.gwpkg"), body(), "--to", "11610400016001016X");
        assertEquals(ExitStatus.USAGE, bad.exit, bad.toString());
        assertTrue(bad.err.startsWith("LOC-002 ") && bad.err.contains("统一社会信用代码") && bad.err.contains("expected Y"), bad.err);

        Cli.Result twice = pki.pack(dir.resolve("c.gwpkg"), body(), "--cc", Fixtures.XIANYANG.value());
        assertEquals(ExitStatus.USAGE, twice.exit, twice.toString());
        assertTrue(twice.err.startsWith("LOC-002 ") && twice.err.contains("named twice"), twice.err);
    }

    @Test
    void senderMustBeTheCertificatesOrganisation() throws Exception {
        Cli.Result r = pki.pack(dir.resolve("a.gwpkg"), body(), "--from", Fixtures.XIANYANG.value(), "--to", Fixtures.SHAANXI.value());
        assertEquals(ExitStatus.REFUSED, r.exit, r.toString());
        assertTrue(r.err.startsWith("TRU-005 "), r.err);
        assertFalse(Files.exists(dir.resolve("a.gwpkg")));
    }

    @Test
    void profileMustFitTheKey() throws Exception {
        Cli.Result r = pki.pack(dir.resolve("a.gwpkg"), body(), "--profile", "RSA_SHA256");
        assertEquals(ExitStatus.REFUSED, r.exit, r.toString());
        assertTrue(r.err.startsWith("ALG-002 "), r.err);
    }

    @Test
    void bodyMustBeOfdOrPdf() throws Exception {
        Path txt = Files.writeString(dir.resolve("正文.txt"), "纯文本");
        Cli.Result r = pki.pack(dir.resolve("a.gwpkg"), txt);
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 the 正文 must be OFD or PDF"), r.err);
        assertFalse(Files.exists(dir.resolve("a.gwpkg")));
    }

    @Test
    void missingInputFileIsALocalError() {
        Cli.Result r = pki.pack(dir.resolve("a.gwpkg"), dir.resolve("没有.ofd"));
        assertEquals(ExitStatus.LOCAL, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-001 no such file: "), r.err);
    }

    @Test
    void existingOutputIsReplacedOnlyWithForce() throws Exception {
        Path pkg = Files.writeString(dir.resolve("a.gwpkg"), "keep me");
        Cli.Result refused = pki.pack(pkg, body());
        assertEquals(ExitStatus.LOCAL, refused.exit, refused.toString());
        assertTrue(refused.err.startsWith("LOC-001 ") && refused.err.contains("--force"), refused.err);
        assertEquals("keep me", Files.readString(pkg));
        assertEquals(0, pki.pack(pkg, body(), "--force").exit);
        assertEquals(0, Cli.run("verify", "--trust", pki.ca(), pkg).exit);
    }

    @Test
    void replyToMakesAReplyToTheOriginalsSenderInItsConversation() throws Exception {
        Path original = dir.resolve("original.gwpkg");
        Cli.Result first = Cli.run("pack", "--key", pki.key(Fixtures.LIQUAN), "--cert", pki.cert(Fixtures.LIQUAN),
                "--to", Fixtures.XIANYANG.value(), "--body", body(), "--out", original, "--kind", "请示", "--title", "关于请求拨付救灾资金的请示",
                "--issuer-mark", "礼泉县人民政府文件", "--date", "2026-11-20");
        assertEquals(0, first.exit, first.toString());
        Path reply = dir.resolve("reply.gwpkg");
        Cli.Result r = Cli.run("pack", "--key", pki.key(Fixtures.XIANYANG), "--cert", pki.cert(Fixtures.XIANYANG),
                "--reply-to", original, "--body", body(), "--out", reply, "--kind", "批复", "--title", "关于同意拨付救灾资金的批复",
                "--issuer-mark", "咸阳市人民政府文件", "--date", "2026-11-22");
        assertEquals(0, r.exit, r.toString());
        var gw = org.gongwen.api.Gongwen.load();
        var o = gw.inspectUnverified(original).envelope().header();
        var h = gw.inspectUnverified(reply).envelope().header();
        assertEquals(org.gongwen.api.envelope.MessageType.REPLY, h.messageType());
        assertEquals(o.messageId(), h.refToMessageId().orElseThrow());
        assertEquals(o.conversationId(), h.conversationId());
        assertEquals(java.util.List.of(Fixtures.LIQUAN), h.to());
        assertEquals(Fixtures.XIANYANG, h.sender());

        Cli.Result neither = Cli.run("pack", "--key", pki.key(Fixtures.XIANYANG), "--cert", pki.cert(Fixtures.XIANYANG),
                "--body", body(), "--out", dir.resolve("none.gwpkg"), "--kind", "批复", "--title", "无主送", "--date", "2026-11-22");
        assertEquals(2, neither.exit, neither.toString());
        assertTrue(neither.err.contains("--to"), neither.err);
    }
}
