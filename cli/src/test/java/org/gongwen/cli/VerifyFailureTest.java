package org.gongwen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.gongwen.api.Gongwen;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Providers;
import org.gongwen.internal.keys.DevPki;
import org.gongwen.internal.pkg.RawPackage;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A refused package gives exit status 1 and one stderr line that starts with its code; usage and file problems 2 and 3. */
class VerifyFailureTest {
    private static final Gongwen GW = Gongwen.load();
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String GONGWEN = "urn:gongwen:exchange:1.0";

    private final TestPki pki = TestPki.of(SignatureProfile.ED25519);

    @TempDir
    Path dir;

    private Path pkg;

    @BeforeEach
    void pack() throws Exception {
        pkg = dir.resolve("a.gwpkg");
        Cli.Result r = pki.pack(pkg, Fixtures.file(dir, "正文.ofd", 5_000, 11));
        assertEquals(0, r.exit, r.toString());
    }

    private static void assertRefused(String code, Cli.Result r) {
        assertEquals(ExitStatus.REFUSED, r.exit, r.toString());
        assertTrue(r.err.startsWith(code + " "), r.err);
        assertEquals(1, r.err.lines().count(), "exactly one error line: " + r.err);
        assertEquals("", r.out, "nothing on standard output");
    }

    @Test
    void tamperedPartIsRefusedWithItsDigestCode() throws Exception {
        RawPackage raw = RawPackage.read(pkg);
        raw.entry("正文.ofd").data[100] ^= 1;
        Path bad = raw.write(dir.resolve("tampered.gwpkg"));
        assertRefused("DIG-001", Cli.run("verify", "--trust", pki.ca(), bad));
        assertRefused("DIG-001", Cli.run("inspect", "--trust", pki.ca(), bad));

        Path out = dir.resolve("out");
        assertRefused("DIG-001", Cli.run("extract", "--trust", pki.ca(), "--out", out, bad));
        assertFalse(Files.exists(out), "a failed extraction leaves nothing, not even the directory it created");
        Path existing = Files.createDirectory(dir.resolve("existing"));
        assertRefused("DIG-001", Cli.run("extract", "--trust", pki.ca(), "--out", existing, bad));
        try (var files = Files.list(existing)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void alteredSignatureValueIsSig003() throws Exception {
        RawPackage raw = RawPackage.read(pkg);
        Document doc = raw.envelope();
        Element value = (Element) doc.getElementsByTagNameNS(DSIG, "SignatureValue").item(0);
        byte[] sig = Base64.getMimeDecoder().decode(value.getTextContent());
        sig[5] ^= 0x40;
        value.setTextContent(Base64.getEncoder().encodeToString(sig));
        Path bad = raw.envelope(doc).write(dir.resolve("bad-signature.gwpkg"));
        assertRefused("SIG-003", Cli.run("verify", "--trust", pki.ca(), bad));
    }

    @Test
    void classifiedDocumentIsPol001AndShownUnverified() throws Exception {
        RawPackage raw = RawPackage.read(pkg);
        Document doc = raw.envelope();
        Element classification = doc.createElementNS(GONGWEN, "Classification");
        classification.setAttribute("level", "SECRET");
        classification.setAttribute("period", "10年");
        Element issuerMark = RawPackage.element(doc, "IssuerMark");
        issuerMark.getParentNode().insertBefore(classification, issuerMark);
        SigningIdentity id = GW.keys().readIdentity(SignatureProfile.ED25519, pki.key(Fixtures.LIQUAN), pki.cert(Fixtures.LIQUAN), null);
        Path bad = raw.resign(doc, id).write(dir.resolve("classified.gwpkg"));
        assertRefused("POL-001", Cli.run("verify", "--trust", pki.ca(), bad));

        Cli.Result shown = Cli.run("inspect", bad);
        assertEquals(0, shown.exit, shown.toString());
        assertTrue(shown.out.contains("密级和保密期限  秘密★10年"), shown.out);
        assertTrue(shown.out.startsWith("状态  NOT VERIFIED"), shown.out);
    }

    @Test
    void revokedCertificateIsTru003() throws Exception {
        SigningIdentity ca = GW.keys().readIdentity(SignatureProfile.ED25519, pki.dir.resolve("ca.key.pem"), pki.ca(), null);
        X509Certificate signer = GW.keys().readCertificates(pki.cert(Fixtures.LIQUAN)).get(0);
        Instant now = Instant.now();
        X509v2CRLBuilder b = new JcaX509v2CRLBuilder(ca.certificate().getSubjectX500Principal(), Date.from(now.minusSeconds(60)));
        b.setNextUpdate(Date.from(now.plusSeconds(86400)));
        b.addCRLEntry(signer.getSerialNumber(), Date.from(now.minusSeconds(3600)), CRLReason.keyCompromise);
        b.addCRLEntry(BigInteger.TEN, Date.from(now.minusSeconds(3600)), CRLReason.superseded);
        X509CRLHolder h = b.build(new JcaContentSignerBuilder("Ed25519").setProvider(Providers.bc()).build(ca.privateKey()));
        Path crl = dir.resolve("revoked.crl.pem");
        DevPki.writePem(crl, new JcaX509CRLConverter().setProvider(Providers.bc()).getCRL(h));

        assertRefused("TRU-003", Cli.run("verify", "--trust", pki.ca(), "--crl", crl, pkg));
        assertEquals(0, Cli.run("verify", "--trust", pki.ca(), "--crl", pki.crl(), pkg).exit, "the empty CRL revokes nothing");
    }

    @Test
    void verificationTimeAndProfilesComeFromTheOptions() {
        assertRefused("TRU-002", Cli.run("verify", "--trust", pki.ca(), "--at", "2060-01-01T00:00:00Z", pkg));
        assertRefused("TRU-002", Cli.run("verify", "--trust", pki.ca(), "--at", "2000-01-01T08:00:00+08:00", pkg));
        assertRefused("ALG-001", Cli.run("verify", "--trust", pki.ca(), "--profile", "SM2_SM3,RSA_SHA256", pkg));
        assertEquals(0, Cli.run("verify", "--trust", pki.ca(), "--profile", "SM2_SM3", "--profile", "ed25519", pkg).exit);
    }

    @Test
    void notAPackageIsPkg001() throws Exception {
        Path notZip = Files.writeString(dir.resolve("x.gwpkg"), "这不是一个压缩包");
        assertRefused("PKG-001", Cli.run("verify", "--trust", pki.ca(), notZip));
    }

    @Test
    void usageErrorsExitWithStatus2() {
        Cli.Result noTrust = Cli.run("verify", pkg);
        assertEquals(ExitStatus.USAGE, noTrust.exit, noTrust.toString());
        assertTrue(noTrust.err.startsWith("LOC-002 --trust is required"), noTrust.err);
        assertTrue(noTrust.err.contains("Try 'gongwen verify --help'"), noTrust.err);

        Cli.Result revocation = Cli.run("verify", "--trust", pki.ca(), "--require-revocation", pkg);
        assertEquals(ExitStatus.USAGE, revocation.exit, revocation.toString());
        assertTrue(revocation.err.startsWith("LOC-002 --require-revocation needs at least one --crl"), revocation.err);

        Cli.Result badTime = Cli.run("verify", "--trust", pki.ca(), "--at", "yesterday", pkg);
        assertEquals(ExitStatus.USAGE, badTime.exit, badTime.toString());
        assertTrue(badTime.err.startsWith("LOC-002 ") && badTime.err.contains("ISO-8601"), badTime.err);

        Cli.Result crlWithoutTrust = Cli.run("inspect", "--crl", pki.crl(), pkg);
        assertEquals(ExitStatus.USAGE, crlWithoutTrust.exit, crlWithoutTrust.toString());
        assertTrue(crlWithoutTrust.err.startsWith("LOC-002 ") && crlWithoutTrust.err.contains("need --trust"), crlWithoutTrust.err);

        Cli.Result noPackage = Cli.run("verify", "--trust", pki.ca());
        assertEquals(ExitStatus.USAGE, noPackage.exit, noPackage.toString());
        assertTrue(noPackage.err.startsWith("LOC-002 Missing required parameter: 'PACKAGE'"), noPackage.err);
    }

    @Test
    void localFileProblemsExitWithStatus3() throws Exception {
        Cli.Result missing = Cli.run("verify", "--trust", pki.ca(), dir.resolve("nope.gwpkg"));
        assertEquals(ExitStatus.LOCAL, missing.exit, missing.toString());
        assertTrue(missing.err.startsWith("LOC-001 no such file: "), missing.err);

        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Cli.Result badAnchor = Cli.run("verify", "--trust", garbage, pkg);
        assertEquals(ExitStatus.LOCAL, badAnchor.exit, badAnchor.toString());
        assertTrue(badAnchor.err.startsWith("LOC-003 "), badAnchor.err);
        assertEquals(1, badAnchor.err.lines().count(), badAnchor.err);

        Cli.Result extractOverExisting = Cli.run("extract", "--trust", pki.ca(), "--out", dir, pkg);
        assertEquals(ExitStatus.LOCAL, extractOverExisting.exit, "正文.ofd exists in the directory: " + extractOverExisting);
        assertTrue(extractOverExisting.err.startsWith("LOC-001 ") && extractOverExisting.err.contains("never overwrites"),
                extractOverExisting.err);
    }
}
