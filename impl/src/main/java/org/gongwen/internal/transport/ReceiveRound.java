package org.gongwen.internal.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.MessageHandler;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;

/**
 * One round of {@link org.gongwen.api.exchange.ExchangeClient#receive}: list the mailbox, then
 * for each entry fetch, verify, hand over and acknowledge, or answer a package that does not
 * verify with a REJECTED receipt. A failure that is not the message's own leaves the message in
 * the mailbox; one that a retry may mend (the node is unreachable) ends the round. A file an
 * earlier round fetched but could not acknowledge (the node went away, the process stopped) is
 * used again if its SHA-256 is the entry's, after it verified again; a file of that name with
 * other bytes is never touched, and the message is fetched into a fresh name. For one use.
 */
final class ReceiveRound {
    private static final int MAX_NAMES = 100;

    private final HttpExchangeClient client;
    private final ReceiptIssuer issuer;
    private final List<ReceivedMessage> handled = new ArrayList<>();
    private final List<ReceiveResult.Rejection> rejected = new ArrayList<>();
    private final List<ReceiveResult.HandlerFailure> failures = new ArrayList<>();

    ReceiveRound(HttpExchangeClient client, ReceiptIssuer issuer) {
        this.client = client;
        this.issuer = issuer;
    }

    ReceiveResult run(Path directory, Duration wait, MessageHandler handler) throws GongwenException {
        if (directory == null || handler == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "receive needs a directory and a handler");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create " + directory + ": " + e.getMessage(), e);
        }
        for (MailboxEntry entry : client.mailbox(wait)) {
            if (!offer(entry, directory, handler)) {
                break;
            }
        }
        return new ReceiveResult(handled, rejected, failures);
    }

    /** The file a message is fetched into: {@code <sender>_<messageId>.gwpkg}. */
    static String fileName(MailboxEntry entry) {
        return fileName(entry, 1);
    }

    /** The n-th name for a message's file: {@code <sender>_<messageId>.gwpkg}, then {@code <sender>_<messageId>-n.gwpkg}. */
    static String fileName(MailboxEntry entry, int n) {
        return entry.sender().value() + "_" + entry.messageId() + (n == 1 ? "" : "-" + n) + ".gwpkg";
    }

    /**
     * The first of the message's names that is free or holds the entry's bytes (left by an
     * earlier round), or null if none of the first {@value #MAX_NAMES} is.
     */
    private static Path slot(Path directory, MailboxEntry entry) {
        for (int n = 1; n <= MAX_NAMES; n++) {
            Path p = directory.resolve(fileName(entry, n));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                    || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Download.hasSha256(p, entry.packageSha256())) {
                return p;
            }
        }
        return null;
    }

    /** Handles one entry; false if the round should end. */
    private boolean offer(MailboxEntry entry, Path directory, MessageHandler handler) {
        Path file = slot(directory, entry);
        if (file == null) {
            failures.add(new ReceiveResult.HandlerFailure(entry, new GongwenException(ErrorCode.LOCAL_IO, "the names "
                    + fileName(entry) + " to " + fileName(entry, MAX_NAMES) + " in " + directory + " are all taken by other files")));
            return true;
        }
        boolean kept = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        Download d = client.download(entry, file);
        ReceivedMessage message;
        try {
            message = new ReceivedMessage(entry, file, kept ? d.verifyKept() : d.run());
        } catch (GongwenException e) {
            if (d.packageRefused()) {
                if (kept) {
                    deleteQuietly(file);
                }
                rejected.add(reject(issuer, entry, d.refusedSignature(), e));
                return true;
            }
            failures.add(new ReceiveResult.HandlerFailure(entry, e));
            return e.code() != ErrorCode.TRANSPORT_RETRYABLE;
        }
        try {
            handler.handle(message);
        } catch (Exception e) {
            deleteQuietly(file);
            failures.add(new ReceiveResult.HandlerFailure(entry, e));
            return true;
        }
        try {
            client.acknowledge(message);
            handled.add(message);
            return true;
        } catch (GongwenException e) {
            // handled but not acknowledged: the file stays with the application, the entry in the mailbox
            failures.add(new ReceiveResult.HandlerFailure(entry, e));
            return e.code() != ErrorCode.TRANSPORT_RETRYABLE;
        }
    }

    /** Answers a refused package with a REJECTED receipt where its signature can bind one. */
    static ReceiveResult.Rejection reject(ReceiptIssuer issuer, MailboxEntry entry, Optional<MessageSignature> signature, GongwenException e) {
        String text = e.getMessage();
        if (signature.isEmpty()) {
            return new ReceiveResult.Rejection(entry, e.code().code(), text
                    + " (no REJECTED receipt was posted: the message's signature value cannot be read to bind one)");
        }
        try {
            issuer.rejected(entry.sender(), entry.messageId(), signature.get(), e.code(), text);
            return new ReceiveResult.Rejection(entry, e.code().code(), text);
        } catch (GongwenException posting) {
            return new ReceiveResult.Rejection(entry, e.code().code(), text + " (the REJECTED receipt could not be posted: "
                    + posting.getMessage() + ")");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the next round refuses to overwrite it and says so
        }
    }
}
