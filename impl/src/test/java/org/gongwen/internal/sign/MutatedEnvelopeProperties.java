package org.gongwen.internal.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.envelope.EnvelopeCodec;
import org.gongwen.internal.xml.SecureXml;
import org.gongwen.testing.Fixtures;
import org.gongwen.testing.GongwenArbitraries;
import org.gongwen.testing.Mutation;
import org.gongwen.testing.SignedSamples;
import org.w3c.dom.Document;

/**
 * A signed envelope.xml (from {@link SignedSamples}), mutated at random, either still reads
 * and verifies, and then reads as exactly the envelope that was signed, or fails with a
 * {@link GongwenException}: no other exception escapes the parser, the envelope binding, the
 * signature shape check or the signature verification.
 */
class MutatedEnvelopeProperties {
    private static final Limits LIMITS = Limits.defaults();

    /** The control: every unchanged sample reads and verifies. */
    @Example
    void unchangedSamplesVerify() throws Exception {
        for (SignatureProfile profile : SignatureProfile.values()) {
            for (int sample = 0; sample < SignedSamples.COUNT; sample++) {
                assertEquals(SignedSamples.pkg(profile, sample).envelope,
                        readAndVerify(SignedSamples.envelopeXml(profile, sample), Fixtures.pki(profile).trust()));
            }
        }
    }

    @Property(tries = 1000)
    void mutatedEnvelopeFailsOnlyWithGongwenException(@ForAll SignatureProfile profile,
            @ForAll @IntRange(min = 0, max = SignedSamples.COUNT - 1) int sample, @ForAll("mutations") List<Mutation> mutations)
            throws Exception {
        TrustPolicy trust = Fixtures.pki(profile).trust();
        byte[] signed = SignedSamples.envelopeXml(profile, sample);
        Envelope env = SignedSamples.pkg(profile, sample).envelope;
        byte[] mutated = Mutation.applyAll(mutations, signed);
        Document doc;
        try {
            doc = SecureXml.parse(mutated, LIMITS.maxXmlDepth());
        } catch (GongwenException e) {
            Statistics.label("outcome").collect("parse " + e.code().code());
            return;
        } catch (RuntimeException e) {
            throw escaped("SecureXml.parse", e);
        }
        OrgCode sender = Fixtures.LIQUAN;
        try {
            Envelope read = EnvelopeCodec.fromDocument(doc);
            sender = read.header().sender();
        } catch (GongwenException e) {
            Statistics.label("outcome").collect("envelope " + e.code().code());
        } catch (RuntimeException e) {
            throw escaped("EnvelopeCodec.fromDocument", e);
        }
        // the signature checks run on every parsed document, schema-valid or not
        try {
            SignatureShape shape = SignatureShape.read(doc, LIMITS.maxCertificates());
            EnvelopeVerifier.verify(doc, shape, trust, sender);
        } catch (GongwenException e) {
            Statistics.label("outcome").collect("signature " + e.code().code());
            return;
        } catch (RuntimeException e) {
            throw escaped("SignatureShape.read or EnvelopeVerifier.verify", e);
        }
        Statistics.label("outcome").collect("verified");
        assertEquals(env, readAndVerify(mutated, trust), "a mutated envelope that verifies must read as what was signed");
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return GongwenArbitraries.mutations(3);
    }

    /** What the package reader does with an envelope, in its order. */
    private static Envelope readAndVerify(byte[] xml, TrustPolicy trust) throws GongwenException {
        Document doc = SecureXml.parse(xml, LIMITS.maxXmlDepth());
        Envelope env = EnvelopeCodec.fromDocument(doc);
        SignatureShape shape = SignatureShape.read(doc, LIMITS.maxCertificates());
        EnvelopeVerifier.verify(doc, shape, trust, env.header().sender());
        return env;
    }

    private static AssertionError escaped(String where, RuntimeException e) {
        return new AssertionError(where + " let " + e.getClass().getName() + " escape; only GongwenException may: " + e.getMessage(), e);
    }
}
