package org.gongwen.bench;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The reference point outside the SDK: a plain RSA-2048 SHA256withRSA signature from the
 * JDK's own provider, straight through JCA ({@code getInstance}, {@code initSign},
 * {@code update}, {@code sign} per operation, as any signer of one document does), over the
 * canonical SignedInfo bytes of the RSA sample envelope.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReferenceSignBenchmark {
    private KeyPair rsa;
    private byte[] data;

    /** Generates an RSA-2048 key and takes the RSA sample's SignedInfo bytes. */
    @Setup(Level.Trial)
    public void setUp() throws GongwenException, IOException {
        rsa = DevPki.generate(SignatureProfile.RSA_SHA256);
        data = new SignedSample(SignatureProfile.RSA_SHA256).canonicalSignedInfo;
    }

    /** SHA256withRSA, JDK provider, 2048-bit key. */
    @Benchmark
    public byte[] jdkRsa2048Sign() throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(rsa.getPrivate());
        s.update(data);
        return s.sign();
    }
}
