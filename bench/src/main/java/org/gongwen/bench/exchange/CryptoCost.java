package org.gongwen.bench.exchange;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Digests;
import org.gongwen.internal.crypto.SignatureEngines;

/**
 * The bare cost of each cryptographic operation a message involves, measured on one thread with
 * the same keys and providers the SDK and the node use: the profile's signature over a SignedInfo
 * of the usual size, its verification, the profile's digest and SHA-256 over the payload, and the
 * TLS record protection (AES-256-GCM, sealed and opened in 16 KiB records) of the payload. The
 * costs are the measuring thread's CPU time, which other processes on the machine do not inflate.
 *
 * @param sign CPU seconds per signature
 * @param verify seconds per verification
 * @param partDigest seconds per pass of the profile's digest over the payload
 * @param sha256 seconds per SHA-256 pass over the payload
 * @param tlsTransfer seconds to seal and open the payload in TLS records
 */
record CryptoCost(double sign, double verify, double partDigest, double sha256, double tlsTransfer) {
    /** The size of the canonical SignedInfo of an envelope or receipt (650 to 700 bytes, bench/README.md). */
    private static final int SIGNED_INFO_BYTES = 680;
    private static final int TLS_RECORD = 16 * 1024;
    private static final int BUFFER = 64 * 1024;

    /** One operation, repeated for the measurement. */
    @FunctionalInterface
    private interface Op {
        void run() throws Exception;
    }

    /**
     * Measures each operation for {@code each} after a warm-up of the same length.
     *
     * @param identity a signing identity of the profile (an organisation's; the nodes' keys are alike)
     */
    static CryptoCost measure(SigningIdentity identity, int payloadBytes, Duration each) throws GongwenException, GeneralSecurityException {
        SignatureProfile p = identity.profile();
        byte[] signedInfo = new byte[SIGNED_INFO_BYTES];
        new SecureRandom().nextBytes(signedInfo);
        byte[] payload = new byte[payloadBytes];
        new SecureRandom().nextBytes(payload);
        byte[] value = SignatureEngines.sign(p, identity.privateKey(), signedInfo);
        SignatureEngines.verify(p, identity.certificate().getPublicKey(), signedInfo, value);
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256);
        SecretKey key = kg.generateKey();
        byte[] record = new byte[TLS_RECORD + 16];
        long[] nonce = {0};
        try {
            return new CryptoCost(
                    seconds(each, () -> SignatureEngines.sign(p, identity.privateKey(), signedInfo)),
                    seconds(each, () -> SignatureEngines.verify(p, identity.certificate().getPublicKey(), signedInfo, value)),
                    seconds(each, () -> digest(Digests.newDigest(p.digestAlgorithm()), payload)),
                    seconds(each, () -> digest(MessageDigest.getInstance("SHA-256"), payload)),
                    seconds(each, () -> sealAndOpen(key, payload, record, nonce)));
        } catch (GongwenException | GeneralSecurityException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** CPU seconds per operation: a warm-up, then as many runs as fit in {@code each} of this thread's CPU time. */
    private static double seconds(Duration each, Op op) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long budget = each.toNanos();
        for (long end = threads.getCurrentThreadCpuTime() + budget; threads.getCurrentThreadCpuTime() < end;) {
            op.run();
        }
        long n = 0;
        long start = threads.getCurrentThreadCpuTime();
        long now;
        do {
            op.run();
            n++;
            now = threads.getCurrentThreadCpuTime();
        } while (now - start < budget);
        return (now - start) / 1e9 / n;
    }

    /** The payload through a digest in the SDK's 64 KiB buffers. */
    private static byte[] digest(MessageDigest md, byte[] payload) {
        for (int off = 0; off < payload.length; off += BUFFER) {
            md.update(payload, off, Math.min(BUFFER, payload.length - off));
        }
        return md.digest();
    }

    /** What TLS 1.3 does to the payload on its way: sealed in records by one side, opened by the other. */
    private static void sealAndOpen(SecretKey key, byte[] payload, byte[] record, long[] nonce) throws GeneralSecurityException {
        Cipher seal = Cipher.getInstance("AES/GCM/NoPadding");
        Cipher open = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        for (int off = 0; off < payload.length; off += TLS_RECORD) {
            int n = Math.min(TLS_RECORD, payload.length - off);
            long c = nonce[0]++;
            for (int i = 0; i < 8; i++) {
                iv[4 + i] = (byte) (c >>> (8 * i));
            }
            GCMParameterSpec spec = new GCMParameterSpec(128, iv);
            seal.init(Cipher.ENCRYPT_MODE, key, spec);
            int sealed = seal.doFinal(payload, off, n, record, 0);
            open.init(Cipher.DECRYPT_MODE, key, spec);
            open.doFinal(record, 0, sealed, record, 0);
        }
    }

    /** Seconds of cryptography per message for these counts, without TLS. */
    double perMessage(CryptoCount c) {
        return c.signs() * sign + c.verifies() * verify + c.partDigests() * partDigest + c.packageSha256() * sha256;
    }

    /** Seconds of TLS record protection per message for these counts. */
    double tlsPerMessage(CryptoCount c) {
        return c.tlsTransfers() * tlsTransfer;
    }
}
