package org.gongwen.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.testing.Fixtures;
import org.gongwen.testing.GongwenArbitraries;
import org.gongwen.testing.Mutation;

/**
 * A signed receipt, mutated at random, either still verifies, and then carries exactly what
 * was signed, or fails with a {@link GongwenException}: no other exception escapes.
 */
class MutatedReceiptProperties {
    private static final Map<SignatureProfile, byte[]> SIGNED = new EnumMap<>(SignatureProfile.class);
    private static final Map<SignatureProfile, TrustValidator> TRUST = new EnumMap<>(SignatureProfile.class);

    private static synchronized byte[] signed(SignatureProfile p) throws GongwenException {
        if (!SIGNED.containsKey(p)) {
            Fixtures.Pki pki = Fixtures.pki(p);
            ReceiptDraft d = new ReceiptDraft(ReceiptType.SIGNED_FOR, Fixtures.XIANYANG.value(), Fixtures.LIQUAN, UUID.randomUUID(),
                    p.digestAlgorithm(), Receipts.signatureDigest(p, new byte[] {7})).recipient(Fixtures.XIANYANG).signedBy("办公室 王文书");
            SIGNED.put(p, Receipts.sign(d, pki.xianyang.identity()));
            TRUST.put(p, new TrustValidator(pki.trust()));
        }
        return SIGNED.get(p);
    }

    @Property(tries = 400)
    void mutatedReceiptFailsOnlyWithGongwenException(@ForAll SignatureProfile profile, @ForAll("mutations") List<Mutation> mutations)
            throws Exception {
        byte[] original = signed(profile);
        byte[] mutated = Mutation.applyAll(mutations, original);
        Receipt r;
        try {
            r = Receipts.verify(mutated, TRUST.get(profile));
        } catch (GongwenException e) {
            Statistics.label("outcome").collect(e.code().code());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("Receipts.verify let " + e.getClass().getName() + " escape: " + e.getMessage(), e);
        }
        Statistics.label("outcome").collect("verified");
        Receipt o = Receipts.verify(original, TRUST.get(profile));
        assertEquals(o.receiptId(), r.receiptId());
        assertEquals(o.type(), r.type());
        assertEquals(o.signedBy(), r.signedBy());
        assertEquals(o.recipients(), r.recipients());
        assertArrayEquals(o.signatureDigest(), r.signatureDigest());
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return GongwenArbitraries.mutations(3);
    }
}
