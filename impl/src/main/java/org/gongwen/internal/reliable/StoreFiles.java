package org.gongwen.internal.reliable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Predicate;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * The package files of the outbox and inbox: {@code outbox/<message id>.<first 16 hex digits of its
 * SHA-256>.gwpkg} and {@code inbox/<sender>_<message id>.<8 random hex digits>.gwpkg} under the
 * store folder (names built from validated organisation codes and UUIDs only). A file is written under a
 * temporary name, forced to disk and then renamed, so a name always holds complete bytes; a row is
 * committed only after its file is in place. Files a crash left without a row are removed when
 * the store opens.
 */
final class StoreFiles {
    static final String SUFFIX = ".gwpkg";
    private static final String PART = ".part";

    private final Path outbox;
    private final Path inbox;

    StoreFiles(Path directory) throws GongwenException {
        this.outbox = directory.resolve("outbox");
        this.inbox = directory.resolve("inbox");
        try {
            Files.createDirectories(outbox);
            Files.createDirectories(inbox);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create the store folders in " + directory + ": " + e.getMessage(), e);
        }
    }

    Path outboxFile(String name) {
        return outbox.resolve(name);
    }

    Path inboxFile(String name) {
        return inbox.resolve(name);
    }

    Path inboxFolder() {
        return inbox;
    }

    /** A package copied into the outbox under a temporary name, forced to disk, not yet placed. */
    record Copied(Path temp, String sha256, long size) {
    }

    /**
     * Copies {@code source} into the outbox under a temporary name, hashing it on the way, and
     * forces it to disk. The caller reads the copy (never the source again) and then
     * {@linkplain #place places} it or deletes it.
     */
    Copied copyIntoOutbox(Path source) throws GongwenException {
        Path temp = outbox.resolve("incoming-" + java.util.UUID.randomUUID() + PART);
        MessageDigest sha = sha256();
        long size;
        try (InputStream in = Files.newInputStream(source);
                OutputStream out = new DigestOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), sha)) {
            size = in.transferTo(out);
            out.flush();
            force(temp);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot copy " + source + " into the outbox: " + e.getMessage(), e);
        }
        return new Copied(temp, HexFormat.of().formatHex(sha.digest()), size);
    }

    /** Renames a copy to its outbox name (replacing a file of that name, which holds the same bytes) and forces the folder. */
    void place(Copied copy, String name) throws GongwenException {
        try {
            move(copy.temp(), outbox.resolve(name));
            forceFolder(outbox);
        } catch (IOException e) {
            deleteQuietly(copy.temp());
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot place " + name + " in the outbox: " + e.getMessage(), e);
        }
    }

    /** Forces the inbox folder to disk, so that the name of a fetched file (whose bytes the download forced) survives. */
    void forceInboxFolder() {
        forceFolder(inbox);
    }

    /**
     * Removes files older than {@code minAge} that no row names ({@code known} says which do), and
     * temporary files: what a crash between writing a file and committing its row left behind.
     *
     * @return how many files were removed
     */
    int sweep(Predicate<Path> knownOutbox, Predicate<Path> knownInbox, Duration minAge) {
        return sweep(outbox, knownOutbox, minAge) + sweep(inbox, knownInbox, minAge);
    }

    private static int sweep(Path folder, Predicate<Path> known, Duration minAge) {
        Instant before = Instant.now().minus(minAge);
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path p : files) {
                String n = p.getFileName().toString();
                boolean temporary = n.endsWith(PART) || n.startsWith(".gongwen-");
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        || Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(before)) {
                    continue;
                }
                if (temporary || n.endsWith(SUFFIX) && !known.test(p)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            // a sweep that cannot finish leaves files for the next one; it never touches a row
        }
        return removed;
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the sweep at the next start removes it
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void forceFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems cannot open a folder; the rename is then as durable as they make it
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
