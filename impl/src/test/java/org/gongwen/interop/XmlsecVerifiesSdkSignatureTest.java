package org.gongwen.interop;

import java.nio.file.Path;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.testing.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * xmlsec1, an independent XMLDSig implementation, verifies the envelope signatures the SDK
 * writes: the reference over the whole envelope, the signature value, and the signer's
 * certificate from KeyInfo/X509Data against the CA given as the only trusted certificate.
 * ED25519 is not covered here: xmlsec1 1.2 has no EdDSA (it arrived in xmlsec 1.3); see
 * {@link Ed25519OpenSslTest}.
 */
class XmlsecVerifiesSdkSignatureTest {
    @TempDir
    Path dir;

    /** The verification command; only URI="" references and only X509Data keys are enabled. */
    private ExternalTool.Result xmlsecVerify(Path trustedCa, Path envelope) {
        return ExternalTool.xmlsec1().run(dir, "--verify", "--enabled-reference-uris", "empty", "--enabled-key-data", "x509",
                "--trusted-pem", trustedCa.toString(), envelope.toString());
    }

    @ParameterizedTest
    @EnumSource(value = SignatureProfile.class, names = {"RSA_SHA256", "ECDSA_P256_SHA256"})
    void xmlsec1VerifiesOurEnvelope(SignatureProfile profile) throws Exception {
        Path envelope = InteropSamples.write(dir.resolve("envelope.xml"), InteropSamples.envelopeBytes(InteropSamples.pack(dir, profile)));
        Path ca = InteropSamples.pem(dir.resolve("ca.pem"), Fixtures.pki(profile).ca.certificate());

        xmlsecVerify(ca, envelope).assertExit(0).assertLine("OK").assertLine("SignedInfo References (ok/all): 1/1");
    }

    @ParameterizedTest
    @EnumSource(value = SignatureProfile.class, names = {"RSA_SHA256", "ECDSA_P256_SHA256"})
    void xmlsec1RejectsOurEnvelopeWithOneTitleCharacterChanged(SignatureProfile profile) throws Exception {
        byte[] changed = InteropSamples.changeTitleCharacter(InteropSamples.envelopeBytes(InteropSamples.pack(dir, profile)));
        Path envelope = InteropSamples.write(dir.resolve("envelope.xml"), changed);
        Path ca = InteropSamples.pem(dir.resolve("ca.pem"), Fixtures.pki(profile).ca.certificate());

        xmlsecVerify(ca, envelope).assertFailed().assertLine("FAIL").assertLine("SignedInfo References (ok/all): 0/1");
    }

    @ParameterizedTest
    @EnumSource(value = SignatureProfile.class, names = {"RSA_SHA256", "ECDSA_P256_SHA256"})
    void xmlsec1RejectsOurEnvelopeUnderAnotherCa(SignatureProfile profile) throws Exception {
        Path envelope = InteropSamples.write(dir.resolve("envelope.xml"), InteropSamples.envelopeBytes(InteropSamples.pack(dir, profile)));
        SignatureProfile other = profile == SignatureProfile.RSA_SHA256 ? SignatureProfile.ECDSA_P256_SHA256 : SignatureProfile.RSA_SHA256;
        Path otherCa = InteropSamples.pem(dir.resolve("other-ca.pem"), Fixtures.pki(other).ca.certificate());

        xmlsecVerify(otherCa, envelope).assertFailed().assertContains("unable to get local issuer certificate");
    }
}
