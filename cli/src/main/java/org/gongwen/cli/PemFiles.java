package org.gongwen.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.Collection;
import java.util.EnumSet;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.internal.crypto.Providers;
import org.gongwen.internal.keys.DevPki;

/**
 * Writes PEM files for {@code gongwen pki}. Every file is created new (an existing one is
 * refused unless the caller forces it); private key files are created readable by their owner
 * only (mode 600) from the start, never widened afterwards.
 */
final class PemFiles {
    private static final int PBKDF2_ITERATIONS = 100_000;

    private PemFiles() {
    }

    /**
     * Refuses to go on if any target exists, unless {@code force}.
     *
     * @throws GongwenException {@code LOC-001} naming the first existing file
     */
    static void checkAbsent(Collection<Path> targets, boolean force) throws GongwenException {
        if (force) {
            return;
        }
        for (Path p : targets) {
            if (Files.exists(p)) {
                throw new GongwenException(ErrorCode.LOCAL_IO, p + " exists already; nothing was written (use --force to replace it)");
            }
        }
    }

    /** Writes a certificate or CRL. */
    static void writePublic(Path file, Object certificateOrCrl, boolean force) throws GongwenException {
        write(file, DevPki.pem(certificateOrCrl), false, force);
    }

    /**
     * Writes a private key as PKCS#8 PEM: unencrypted when {@code password} is null, else
     * encrypted (PBES2: PBKDF2 with HMAC-SHA256, AES-256-CBC).
     */
    static void writePrivateKey(Path file, PrivateKey key, char[] password, boolean force) throws GongwenException {
        String text;
        if (password == null) {
            text = DevPki.pem(key);
        } else {
            StringWriter w = new StringWriter();
            try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                JceOpenSSLPKCS8EncryptorBuilder enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setPRF(PKCS8Generator.PRF_HMACSHA256).setIterationCount(PBKDF2_ITERATIONS)
                        .setProvider(Providers.bc()).setPassword(password);
                pw.writeObject(new JcaPKCS8Generator(key, enc.build()));
            } catch (IOException | OperatorCreationException e) {
                throw new GongwenException(ErrorCode.LOCAL_KEY, "cannot encrypt the private key for " + file);
            }
            text = w.toString();
        }
        write(file, text, true, force);
    }

    private static void write(Path file, String text, boolean secret, boolean force) throws GongwenException {
        try {
            if (force) {
                Files.deleteIfExists(file);
            }
            FileAttribute<?>[] attrs = secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            try (SeekableByteChannel ch = Files.newByteChannel(file,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, file + " exists already (use --force to replace it)");
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
