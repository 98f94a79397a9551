package org.gongwen.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.gongwen.api.envelope.DigestAlgorithm;
import org.gongwen.internal.crypto.Providers;

/**
 * One pass over a file, read with the same 64 KiB buffer the SDK uses: either through a bare
 * digest (SM3 from Bouncy Castle, SHA-256 from the JDK), the floor under any signed package of
 * that profile, or through nothing, to show what the storage delivers.
 */
final class FilePass {
    private static final int BUFFER = 64 * 1024;

    private FilePass() {
    }

    /** The bare digest of a profile's part digest algorithm, straight from its provider. */
    static MessageDigest bareDigest(DigestAlgorithm alg) throws NoSuchAlgorithmException {
        return alg == DigestAlgorithm.SM3 ? MessageDigest.getInstance("SM3", Providers.bc()) : MessageDigest.getInstance("SHA-256");
    }

    /** Reads the whole file through {@code md} (or through nothing if null); returns the digest or an empty array. */
    static byte[] read(Path file, MessageDigest md) throws IOException {
        byte[] buf = new byte[BUFFER];
        long sink = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (md != null) {
                    md.update(buf, 0, n);
                } else {
                    sink += buf[n - 1];
                }
            }
        }
        return md == null ? new byte[] {(byte) sink} : md.digest();
    }
}
