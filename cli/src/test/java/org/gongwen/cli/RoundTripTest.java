package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongwen.api.Gongwen;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.crypto.Digests;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.testing.Fixtures;
import org.gongwen.internal.json.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** pki, pack, verify, inspect and extract, in that order, for every profile. */
class RoundTripTest {
    private static final Gongwen GW = Gongwen.load();
    private static final Pattern MESSAGE_ID = Pattern.compile("message id {2}([0-9a-f-]{36})");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void pkiWritesAUsableHierarchy(SignatureProfile profile) throws Exception {
        TestPki pki = TestPki.of(profile);
        X509Certificate ca = GW.keys().readCertificates(pki.ca()).get(0);
        X509Certificate liquan = GW.keys().readCertificates(pki.cert(Fixtures.LIQUAN)).get(0);
        liquan.verify(ca.getPublicKey(), org.gongwen.internal.crypto.Providers.bc());
        assertEquals(Fixtures.LIQUAN, TrustValidator.organisationOf(liquan));
        assertEquals(TestPki.LIQUAN_NAME, CertificateNames.organisationName(liquan).orElseThrow());
        assertTrue(GW.keys().readCrls(pki.crl()).get(0).getRevokedCertificates() == null, "the CRL is empty");
        GW.keys().readIdentity(profile, pki.key(Fixtures.LIQUAN), pki.cert(Fixtures.LIQUAN), null);
        assertTrue(Files.readString(pki.key(Fixtures.LIQUAN)).startsWith("-----BEGIN PRIVATE KEY-----"));
        if (pki.dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            for (Path key : List.of(pki.dir.resolve("ca.key.pem"), pki.key(Fixtures.LIQUAN), pki.key(Fixtures.XIANYANG))) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), key.toString());
            }
            assertEquals("rw-r--r--".charAt(3), PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.ca())).charAt(3),
                    "certificates stay readable by the group as the umask allows");
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void packVerifyInspectExtract(SignatureProfile profile) throws Exception {
        TestPki pki = TestPki.of(profile);
        Path body = Fixtures.file(dir, "正文.ofd", 20_000, 1);
        Path attachment = Fixtures.file(dir, "附件1 统计表.xlsx", 3_000, 2);
        Path pkg = dir.resolve("通知.gwpkg");

        Cli.Result packed = pki.pack(pkg, body, "--attachment", attachment, "--urgency", "加急", "--signatory", "张三",
                "--attachment-note", "1．秋季农业生产统计表");
        assertEquals(0, packed.exit, packed.toString());
        assertEquals("", packed.err);
        Matcher m = MESSAGE_ID.matcher(packed.out);
        assertTrue(m.find(), packed.out);
        String messageId = m.group(1);
        assertTrue(packed.out.contains("signed with " + profile), packed.out);

        Cli.Result verified = Cli.run("verify", "--trust", pki.ca(), pkg);
        assertEquals(0, verified.exit, verified.toString());
        assertTrue(verified.out.startsWith("VALID "), verified.out);
        assertTrue(verified.out.contains(messageId));
        assertEquals("", verified.err);

        Cli.Result withCrl = Cli.run("verify", "--trust", pki.ca(), "--crl", pki.crl(), "--require-revocation",
                "--profile", profile.name(), pkg);
        assertEquals(0, withCrl.exit, withCrl.toString());

        Cli.Result text = Cli.run("inspect", "--trust", pki.ca(), pkg);
        assertEquals(0, text.exit, text.toString());
        assertTrue(text.out.startsWith("状态  VERIFIED"), text.out);
        assertTrue(text.out.contains("礼政办发〔2026〕7号"), text.out);
        assertTrue(text.out.contains("签名者"), text.out);

        Map<String, Object> json = jsonOf(Cli.run("inspect", "--json", "--trust", pki.ca(), pkg));
        assertEquals("VERIFIED", json.get("status"));
        assertEquals(messageId, Json.object(json, "header").get("messageId"));
        assertEquals(Fixtures.LIQUAN.value(), Json.object(json, "header").get("sender"));
        assertEquals(List.of(Fixtures.XIANYANG.value()), Json.object(json, "header").get("to"));
        assertEquals(List.of(Fixtures.CHUNHUA.value()), Json.object(json, "header").get("cc"));
        Map<String, Object> meta = Json.object(json, "metadata");
        assertEquals("NOTICE", meta.get("kind"));
        assertEquals("URGENT", meta.get("urgency"));
        assertEquals("关于做好2026年冬季森林防火工作的通知", meta.get("title"));
        assertEquals(List.of("张三"), meta.get("signatories"));
        assertEquals(TestPki.LIQUAN_NAME, meta.get("issuingAuthority"), "the default 发文机关署名 is the certificate's O");
        assertEquals("2026-11-20", meta.get("dateOfWriting"));
        Map<String, Object> manifest = Json.object(json, "manifest");
        assertEquals(profile.digestAlgorithm().name(), manifest.get("digestAlgorithm"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parts = (List<Map<String, Object>>) manifest.get("parts");
        assertEquals(2, parts.size());
        assertEquals("正文.ofd", parts.get(0).get("name"));
        assertEquals("BODY", parts.get(0).get("role"));
        assertEquals(20_000L, parts.get(0).get("size"));
        assertEquals(digestHex(profile, body), parts.get(0).get("digest"));
        assertEquals("附件1 统计表.xlsx", parts.get(1).get("name"));
        assertEquals(digestHex(profile, attachment), parts.get(1).get("digest"));
        assertEquals(profile.name(), Json.object(json, "signer").get("profile"));
        assertEquals(Fixtures.LIQUAN.value(), Json.object(json, "signer").get("organisation"));

        Cli.Result unverified = Cli.run("inspect", pkg);
        assertEquals(0, unverified.exit, unverified.toString());
        assertTrue(unverified.out.startsWith("状态  NOT VERIFIED"), unverified.out);
        assertFalse(unverified.out.contains("状态  VERIFIED"));
        Map<String, Object> unverifiedJson = jsonOf(Cli.run("inspect", "--json", pkg));
        assertEquals("NOT_VERIFIED", unverifiedJson.get("status"));
        assertFalse(unverifiedJson.containsKey("signer"), "an unverified signer is only ever 'claimed'");
        assertEquals(profile.name(), Json.object(unverifiedJson, "claimedSigner").get("profile"));
        assertEquals(Json.object(json, "metadata"), Json.object(unverifiedJson, "metadata"));

        Path out = dir.resolve("extracted");
        Cli.Result extracted = Cli.run("extract", "--trust", pki.ca(), "--out", out, pkg);
        assertEquals(0, extracted.exit, extracted.toString());
        int bodyLine = extracted.out.indexOf(out.resolve("正文.ofd").toString());
        assertTrue(bodyLine >= 0 && bodyLine < extracted.out.indexOf(out.resolve("附件1 统计表.xlsx").toString()),
                "extracted files are listed in manifest order: " + extracted.out);
        assertArrayEquals(Files.readAllBytes(body), Files.readAllBytes(out.resolve("正文.ofd")));
        assertArrayEquals(Files.readAllBytes(attachment), Files.readAllBytes(out.resolve("附件1 统计表.xlsx")));
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "only the parts, no temporary files");
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureProfile.class)
    void anotherCaIsNotATrustAnchor(SignatureProfile profile) throws Exception {
        Path pkg = dir.resolve("a.gwpkg");
        assertEquals(0, TestPki.of(profile).pack(pkg, Fixtures.file(dir, "正文.pdf", 500, 3)).exit);
        SignatureProfile other = profile == SignatureProfile.ED25519 ? SignatureProfile.SM2_SM3 : SignatureProfile.ED25519;
        Cli.Result r = Cli.run("verify", "--trust", TestPki.of(other).ca(), pkg);
        assertEquals(ExitStatus.REFUSED, r.exit, r.toString());
        assertTrue(r.err.startsWith("TRU-001 "), r.err);
        assertEquals(1, r.err.lines().count(), "one error line: " + r.err);
        assertEquals("", r.out);
    }

    static Map<String, Object> jsonOf(Cli.Result r) {
        assertEquals(0, r.exit, r.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(r.out);
        return json;
    }

    private static String digestHex(SignatureProfile profile, Path file) throws Exception {
        MessageDigest md = Digests.newDigest(profile.digestAlgorithm());
        return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    }
}
