package org.gongwen.platform.internal.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;

/**
 * The package files of a node: incoming bodies are written to {@code tmp/} and moved into
 * {@code packages/<sender>/} once verified. A file name carries a random part, so that two racing
 * submissions of one message never share a file. Thread-safe.
 */
public final class PackageFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path packages;
    private final Path tmp;

    /**
     * Creates the folders and removes what an interrupted upload left in {@code tmp/}.
     *
     * @throws GongwenException {@code LOC-001} if the folders cannot be created
     */
    public PackageFiles(Path storage) throws GongwenException {
        this.packages = storage.resolve("packages");
        this.tmp = storage.resolve("tmp");
        try {
            Files.createDirectories(packages);
            Files.createDirectories(tmp);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp)) {
                for (Path p : leftovers) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot prepare the storage folder " + storage + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bytes the storage folder's file system still has for this node.
     *
     * @throws GongwenException {@code LOC-001} if the file system cannot be asked
     */
    public long usableSpace() throws GongwenException {
        try {
            return Files.getFileStore(tmp).getUsableSpace();
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read the free space of " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** A new empty temporary file for an incoming body. */
    public Path newTemp() throws GongwenException {
        try {
            return Files.createTempFile(tmp, "in-", ".part");
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create a file in " + tmp + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves a verified temporary file into place.
     *
     * @return the file's name relative to the package folder, to be stored with the message
     */
    public String commit(Path temp, OrgCode sender, UUID messageId) throws GongwenException {
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        String name = sender.value() + "/" + messageId + "-" + HexFormat.of().formatHex(r) + ".gwpkg";
        Path target = packages.resolve(name);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return name;
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot store the package: " + e.getMessage(), e);
        }
    }

    /** The path of a stored package. */
    public Path resolve(String fileName) {
        Path p = packages.resolve(fileName).normalize();
        if (!p.startsWith(packages)) {
            throw new IllegalArgumentException("not a package file name: " + fileName);
        }
        return p;
    }

    /** Deletes a file quietly (a failed store cleaning up after itself). */
    public static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more can be done; the start-up sweep of tmp/ removes leftovers
        }
    }
}
