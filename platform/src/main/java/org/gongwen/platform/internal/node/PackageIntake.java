package org.gongwen.platform.internal.node;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.platform.internal.store.PackageFiles;

/**
 * Reads a package body to a temporary file while the verifier checks it, in one pass (T-4.2):
 * the body is teed into the file and the verifier, hashed and counted. On any refusal the file
 * is deleted. Thread-safe.
 */
final class PackageIntake {
    private static final int FILE_BUFFER = 64 * 1024;

    private final PackageFiles files;
    private final PackageVerifier verifier;
    private final long maxBytes;
    private final long minFreeBytes;

    /**
     * A verified body in its temporary file.
     *
     * @param temp the temporary file; the caller moves it into place or deletes it
     * @param sha256 the SHA-256 of the bytes, lower-case hex
     * @param size the number of bytes
     * @param verified the verified package
     */
    record Intake(Path temp, String sha256, long size, VerifiedPackage verified) {
    }

    PackageIntake(PackageFiles files, PackageVerifier verifier, long maxBytes, long minFreeBytes) {
        this.files = files;
        this.verifier = verifier;
        this.maxBytes = maxBytes;
        this.minFreeBytes = minFreeBytes;
    }

    /**
     * Reads and verifies a body.
     *
     * @param declaredLength the request's Content-Length, or -1
     * @throws Refusal {@code LIM-001} (413) for a body over the limit, the verifier's code for a
     *     package that does not verify, {@code TRN-001} if the body broke off or the node could not
     *     store it, or (503) if its storage is too full to take the body now
     */
    Intake receive(InputStream body, long declaredLength) throws Refusal {
        if (declaredLength > maxBytes) {
            throw new Refusal(ErrorCode.LIMIT_SIZE, "the body of " + declaredLength + " bytes is larger than this node's limit of " + maxBytes);
        }
        checkSpace(declaredLength);
        Path temp;
        try {
            temp = files.newTemp();
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
        boolean ok = false;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), FILE_BUFFER)) {
            IntakeStream in = new IntakeStream(body, out, maxBytes);
            VerifiedPackage verified;
            try {
                verified = verifier.verify(in);
                in.drain();
            } catch (GongwenException | IOException e) {
                throw refusal(in, e);
            }
            out.flush();
            Intake result = new Intake(temp, in.sha256Hex(), in.count(), verified);
            ok = true;
            return result;
        } catch (IOException e) {
            throw new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 500, "the node could not store the body: " + e.getMessage());
        } finally {
            if (!ok) {
                PackageFiles.deleteQuietly(temp);
            }
        }
    }

    /** Refuses a body the storage cannot take while keeping its reserve free. */
    private void checkSpace(long declaredLength) throws Refusal {
        long free;
        try {
            free = files.usableSpace();
        } catch (GongwenException e) {
            throw Refusal.of(e);
        }
        long needed = Math.max(0, declaredLength) + minFreeBytes;
        if (free < needed) {
            throw new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 503, "this node's storage has " + free + " bytes free; it takes a body only while "
                    + "its size and a reserve of " + minFreeBytes + " bytes fit");
        }
    }

    private Refusal refusal(IntakeStream in, Exception e) {
        switch (in.failure()) {
            case TOO_LARGE:
                return new Refusal(ErrorCode.LIMIT_SIZE, "the body is larger than this node's limit of " + maxBytes + " bytes");
            case SOURCE:
                return new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 503, "the body broke off after " + in.count() + " bytes: " + in.cause().getMessage());
            case STORAGE:
                return new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 500, "the node could not store the body: " + in.cause().getMessage());
            default:
                if (e instanceof GongwenException) {
                    return Refusal.of((GongwenException) e);
                }
                return new Refusal(ErrorCode.TRANSPORT_RETRYABLE, 503, "the body could not be read: " + e.getMessage());
        }
    }
}
