package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.gongwen.api.Gongwen;
import org.gongwen.api.id.OrgCode;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiCommandTest {
    private static final Gongwen GW = Gongwen.load();

    @TempDir
    Path dir;

    @Test
    void withoutOrgTheSixSampleOrganisationsAreIssued() throws Exception {
        Path out = dir.resolve("pki");
        Cli.Result r = Cli.run("pki", "--profile", "ED25519", "--out", out);
        assertEquals(0, r.exit, r.toString());
        Map<OrgCode, String> samples = SampleOrganisations.all();
        assertEquals(6, samples.size());
        for (Map.Entry<OrgCode, String> e : samples.entrySet()) {
            X509Certificate c = GW.keys().readCertificates(out.resolve(e.getKey() + ".cert.pem")).get(0);
            assertEquals(e.getKey(), TrustValidator.organisationOf(c));
            assertEquals(e.getValue(), CertificateNames.organisationName(c).orElseThrow());
            assertTrue(Files.exists(out.resolve(e.getKey() + ".key.pem")));
            assertTrue(r.out.contains(e.getValue()), r.out);
        }
        try (var files = Files.list(out)) {
            assertEquals(3 + 2 * 6, files.count());
        }
    }

    @Test
    void invalidOrganisationCodeIsAUsageErrorAndWritesNothing() {
        Path out = dir.resolve("pki");
        Cli.Result r = Cli.run("pki", "--profile", "ED25519", "--out", out, "--org", "116104250162020101=礼泉县人民政府办公室");
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 --org: invalid 统一社会信用代码 '116104250162020101': check character is 1, expected 0"), r.err);
        assertTrue(r.err.contains("gongwen pki --help"), r.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void orgWithoutNameIsAUsageError() {
        Cli.Result r = Cli.run("pki", "--out", dir.resolve("pki"), "--org", Fixtures.LIQUAN.value());
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 --org expects CODE=NAME"), r.err);
    }

    @Test
    void unknownProfileIsAUsageError() {
        Cli.Result r = Cli.run("pki", "--out", dir.resolve("pki"), "--profile", "DSA_SHA1");
        assertEquals(ExitStatus.USAGE, r.exit, r.toString());
        assertTrue(r.err.startsWith("LOC-002 ") && r.err.contains("SM2_SM3"), r.err);
    }

    @Test
    void existingFilesAreKeptUnlessForced() throws Exception {
        Path out = dir.resolve("pki");
        String org = "--org=" + Fixtures.LIQUAN + "=礼泉县人民政府办公室";
        assertEquals(0, Cli.run("pki", "--profile", "ED25519", "--out", out, org).exit);
        byte[] caBefore = Files.readAllBytes(out.resolve("ca.cert.pem"));
        byte[] keyBefore = Files.readAllBytes(out.resolve(Fixtures.LIQUAN + ".key.pem"));

        Cli.Result refused = Cli.run("pki", "--profile", "ED25519", "--out", out, org);
        assertEquals(ExitStatus.LOCAL, refused.exit, refused.toString());
        assertTrue(refused.err.startsWith("LOC-001 ") && refused.err.contains("--force"), refused.err);
        assertArrayEquals(caBefore, Files.readAllBytes(out.resolve("ca.cert.pem")));
        assertArrayEquals(keyBefore, Files.readAllBytes(out.resolve(Fixtures.LIQUAN + ".key.pem")));

        Cli.Result forced = Cli.run("pki", "--profile", "ED25519", "--out", out, org, "--force");
        assertEquals(0, forced.exit, forced.toString());
        assertNotEquals(new String(caBefore, StandardCharsets.US_ASCII), Files.readString(out.resolve("ca.cert.pem")));
    }

    @Test
    void passwordFileEncryptsKeysThatPackCanUse() throws Exception {
        Path out = dir.resolve("pki");
        Path pw = Files.writeString(dir.resolve("pw.txt"), "密码 correct horse\n");
        assertEquals(0, Cli.run("pki", "--profile", "ECDSA_P256_SHA256", "--out", out, "--password-file", pw,
                "--org", Fixtures.LIQUAN + "=礼泉县人民政府办公室").exit);
        String key = Files.readString(out.resolve(Fixtures.LIQUAN + ".key.pem"));
        assertTrue(key.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), key);
        assertTrue(Files.readString(out.resolve("ca.key.pem")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));

        Path body = Fixtures.file(dir, "正文.pdf", 100, 1);
        String[] pack = {"pack", "--key", out.resolve(Fixtures.LIQUAN + ".key.pem").toString(),
                "--cert", out.resolve(Fixtures.LIQUAN + ".cert.pem").toString(), "--to", Fixtures.XIANYANG.value(),
                "--body", body.toString(), "--kind", "函", "--title", "关于商请支持的函", "--issuer-mark", "礼泉县人民政府办公室",
                "--date", "2026-11-20"};
        Cli.Result noPassword = Cli.run(concat(pack, "--out", dir.resolve("a.gwpkg").toString()));
        assertEquals(ExitStatus.LOCAL, noPassword.exit, noPassword.toString());
        assertTrue(noPassword.err.startsWith("LOC-003 ") && noPassword.err.contains("password"), noPassword.err);

        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "Tr0ub4dor&3");
        Cli.Result wrongPassword = Cli.run(concat(pack, "--out", dir.resolve("a.gwpkg").toString(), "--password-file", wrong.toString()));
        assertEquals(ExitStatus.LOCAL, wrongPassword.exit, wrongPassword.toString());
        assertTrue(wrongPassword.err.startsWith("LOC-003 "), wrongPassword.err);
        assertFalse(wrongPassword.err.contains("Tr0ub4dor"), "the password never appears: " + wrongPassword.err);

        Cli.Result ok = Cli.run(concat(pack, "--out", dir.resolve("a.gwpkg").toString(), "--password-file", pw.toString()));
        assertEquals(0, ok.exit, ok.toString());
        assertFalse(ok.out.contains("correct horse"));
        assertEquals(0, Cli.run("verify", "--trust", out.resolve("ca.cert.pem"), dir.resolve("a.gwpkg")).exit);
    }

    private static Object[] concat(String[] a, String... b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
