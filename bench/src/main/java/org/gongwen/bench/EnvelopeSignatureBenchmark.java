package org.gongwen.bench;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.TimeUnit;
import org.gongwen.api.GongwenException;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SignerInfo;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.crypto.SignatureEngines;
import org.gongwen.internal.envelope.EnvelopeCodec;
import org.gongwen.internal.sign.EnvelopeSigner;
import org.gongwen.internal.sign.EnvelopeVerifier;
import org.gongwen.internal.sign.SignatureShape;
import org.gongwen.internal.xml.SecureXml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signing and verifying the typical envelope ({@link SampleDocument}) in each profile, beside
 * the bare signature operation of the same profile on the same canonical SignedInfo bytes
 * with the same key and provider ({@link SignatureEngines}). The ratio envelope/bare is what
 * the XML signature profile costs on top of the cryptography it cannot avoid.
 *
 * <ul>
 *   <li>{@code signEnvelope}: {@link EnvelopeSigner#sign} on a ready DOM (reference digest of
 *       the canonical envelope, SignedInfo, signature, KeyInfo);
 *   <li>{@code signWholePath}: {@link EnvelopeCodec#toDocument} + sign + serialise to bytes;
 *   <li>{@code bareSign}: {@link SignatureEngines#sign} alone;
 *   <li>{@code verifyEnvelope}: {@link EnvelopeVerifier#verify} on a parsed, shape-checked DOM
 *       (reference digest, signature value, PKIX path to the anchor, sender binding);
 *   <li>{@code verifyWholePath}: {@link SecureXml#parse} + {@link EnvelopeCodec#fromDocument}
 *       (schema validation) + {@link SignatureShape#read} + verify;
 *   <li>{@code bareVerify}: {@link SignatureEngines#verify} alone.
 * </ul>
 *
 * <p>State is per thread because signing changes the DOM it is given.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeSignatureBenchmark {
    @Param({"SM2_SM3", "RSA_SHA256", "ECDSA_P256_SHA256", "ED25519"})
    public SignatureProfile profile;

    private SignedSample sample;
    private SigningIdentity identity;
    private PrivateKey privateKey;
    private PublicKey publicKey;
    private TrustValidator trust;
    private int maxDepth;
    private int maxCertificates;
    private Document unsigned;
    private Document parsed;
    private SignatureShape parsedShape;

    /** Generates the CA and the sender's key, signs the sample once and checks every path works. */
    @Setup(Level.Trial)
    public void setUp() throws GongwenException, IOException {
        sample = new SignedSample(profile);
        identity = sample.material.identity();
        privateKey = identity.privateKey();
        publicKey = identity.certificate().getPublicKey();
        trust = new TrustValidator(sample.material.trust);
        Limits limits = Limits.defaults();
        maxDepth = limits.maxXmlDepth();
        maxCertificates = limits.maxCertificates();
        unsigned = EnvelopeCodec.toDocument(sample.envelope);
        parsed = SecureXml.parse(sample.envelopeBytes, maxDepth);
        parsedShape = SignatureShape.read(parsed, maxCertificates);

        // every benchmark must time a path that succeeds; and signEnvelope must leave its DOM as found
        signEnvelope();
        EnvelopeSigner.sign(unsigned, identity);
        verifyBytes(SignedSample.serialise(unsigned));
        removeSignature(unsigned);
        verifyEnvelope();
        verifyWholePath();
        bareVerify();
    }

    /** The envelope signer on a ready DOM; the signature it appends is removed again (O(1)). */
    @Benchmark
    public byte[] signEnvelope() throws GongwenException {
        byte[] value = EnvelopeSigner.sign(unsigned, identity);
        removeSignature(unsigned);
        return value;
    }

    /** What a sender does per document: envelope value to DOM, sign, serialise. */
    @Benchmark
    public byte[] signWholePath() throws GongwenException, IOException {
        Document doc = EnvelopeCodec.toDocument(sample.envelope);
        EnvelopeSigner.sign(doc, identity);
        return SignedSample.serialise(doc);
    }

    /** The bare signature of the canonical SignedInfo bytes, same key, same provider. */
    @Benchmark
    public byte[] bareSign() throws GongwenException {
        return SignatureEngines.sign(profile, privateKey, sample.canonicalSignedInfo);
    }

    /** The envelope verifier on a parsed, shape-checked DOM, with the verifier's trust validator (as a PackageVerifier reuses it). */
    @Benchmark
    public SignerInfo verifyEnvelope() throws GongwenException {
        return EnvelopeVerifier.verify(parsed, parsedShape, trust, SampleDocument.LIQUAN);
    }

    /** What a receiver does per envelope: parse, bind and validate, check the shape, verify. */
    @Benchmark
    public SignerInfo verifyWholePath() throws GongwenException {
        return verifyBytes(sample.envelopeBytes);
    }

    /** The bare verification of the signature value over the canonical SignedInfo bytes. */
    @Benchmark
    public PublicKey bareVerify() throws GongwenException {
        SignatureEngines.verify(profile, publicKey, sample.canonicalSignedInfo, sample.signatureValue);
        return publicKey;
    }

    private SignerInfo verifyBytes(byte[] xml) throws GongwenException {
        Document doc = SecureXml.parse(xml, maxDepth);
        org.gongwen.api.envelope.Envelope env = EnvelopeCodec.fromDocument(doc);
        SignatureShape shape = SignatureShape.read(doc, maxCertificates);
        return EnvelopeVerifier.verify(doc, shape, trust, env.header().sender());
    }

    private static void removeSignature(Document doc) {
        Element root = doc.getDocumentElement();
        root.removeChild(root.getLastChild());
    }
}
