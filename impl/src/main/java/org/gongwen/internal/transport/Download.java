package org.gongwen.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.ErrorFamily;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.internal.pkg.PackageReader;
import org.gongwen.internal.pkg.SignedEnvelope;
import org.gongwen.internal.wire.Binding;

/**
 * One download of a mailbox entry into a file (spec/transport.md, T-5.2), in a single pass: the
 * body is counted against the size limit, hashed and written to a temporary file beside the
 * target while the package verifier reads it. Only a package that verified, whose bytes match the
 * node's digests, that is the message the entry names and that is addressed to this organisation
 * is moved into place; on any failure nothing is left behind. For one use; not thread-safe.
 */
final class Download {
    private final NodeHttp http;
    private final PackageReader verifier;
    private final Limits limits;
    private final OrgCode self;
    private final TransferListener listener;
    private final MailboxEntry entry;
    private final Path target;
    private boolean packageRefused;
    private MessageSignature signature;

    Download(NodeHttp http, PackageReader verifier, Limits limits, OrgCode self, TransferListener listener, MailboxEntry entry, Path target) {
        this.http = http;
        this.verifier = verifier;
        this.limits = limits;
        this.self = self;
        this.listener = listener;
        this.entry = entry;
        this.target = target;
    }

    /**
     * Whether the last failure was the package's own: it does not verify under this
     * organisation's policy and limits, or it is not addressed to this organisation. Such a
     * message is answered with a REJECTED receipt; any other failure leaves it in the mailbox.
     */
    boolean packageRefused() {
        return packageRefused;
    }

    /** The refused message's signature, if it could be read to bind a REJECTED receipt. */
    Optional<MessageSignature> refusedSignature() {
        return Optional.ofNullable(signature);
    }

    /**
     * Downloads and verifies.
     *
     * @throws GongwenException see {@link org.gongwen.api.exchange.ExchangeClient#fetch}
     */
    VerifiedPackage run() throws GongwenException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new GongwenException(ErrorCode.LOCAL_IO, file + " exists already; a download never overwrites a file");
        }
        Path temp;
        try {
            temp = Files.createTempFile(dir, ".gongwen-", ".download");
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create a file in " + dir + ": " + e.getMessage(), e);
        }
        boolean kept = false;
        try {
            VerifiedPackage v = download(temp);
            place(temp, file);
            kept = true;
            return v;
        } finally {
            if (!kept) {
                deleteQuietly(temp);
            }
        }
    }

    private VerifiedPackage download(Path temp) throws GongwenException {
        String path = Binding.mailboxEntry(entry.sender().value(), entry.messageId().toString());
        String what = "GET " + path;
        try (Call call = http.execute(new HttpGet(http.uri(path, null)), Duration.ZERO, what)) {
            if (call.status() != 200) {
                throw Responses.refusal(call);
            }
            if (!call.hasType(Binding.PACKAGE_TYPE)) {
                throw Responses.wrongType(call, Binding.PACKAGE_TYPE);
            }
            String declared = call.header(Binding.PACKAGE_SHA256_HEADER);
            if (declared == null || !declared.matches("[0-9a-f]{64}")) {
                throw new GongwenException(ErrorCode.TRANSPORT_FATAL, "node " + call.node() + " answered " + what + " without a valid "
                        + Binding.PACKAGE_SHA256_HEADER + " header (found " + declared + ")");
            }
            DownloadStream in;
            VerifiedPackage v;
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(ch);
                in = new DownloadStream(call.body(), out, limits.maxPackageBytes(), entry.messageId(), call.contentLength(), listener);
                v = verify(in, temp, declared, call);
                ch.force(true);
            } catch (IOException e) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write " + temp + ": " + e.getMessage(), e);
            }
            String actual = in.sha256();
            if (!actual.equals(declared)) {
                throw new GongwenException(ErrorCode.TRANSPORT_FATAL, "the " + in.count() + " bytes of message " + entry.messageId()
                        + " have SHA-256 " + actual + " but node " + call.node() + " declared " + declared);
            }
            if (!actual.equals(entry.packageSha256())) {
                throw new GongwenException(ErrorCode.TRANSPORT_FATAL, "the package of message " + entry.messageId() + " has SHA-256 "
                        + actual + " but the mailbox listing said " + entry.packageSha256());
            }
            checkAddressed(v);
            return v;
        }
    }

    /**
     * Verifies a file an earlier round fetched for this entry and left behind (its acknowledgement
     * failed), as {@link #run()} verifies a download: the caller has checked that its SHA-256 is the
     * entry's. A package that is refused is the message's own fault as for a download.
     *
     * @throws GongwenException as {@link #run()}
     */
    VerifiedPackage verifyKept() throws GongwenException {
        VerifiedPackage v;
        try {
            v = verifier.verify(target);
        } catch (GongwenException e) {
            if (refusesMessage(e.code())) {
                packageRefused = true;
                signature = readSignature(target);
            }
            throw e;
        }
        checkAddressed(v);
        return v;
    }

    /** Whether a file's SHA-256 is {@code sha256} (lower-case hex); false if it cannot be read. */
    static boolean hasSha256(Path file, String sha256) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest()).equals(sha256);
        } catch (IOException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Verifies while the stream copies; maps a broken stream to its own failure. */
    private VerifiedPackage verify(DownloadStream in, Path temp, String declared, Call call) throws GongwenException {
        try {
            VerifiedPackage v = verifier.verify(in);
            in.drain();
            if (in.failure() != null) {
                throw in.failure();
            }
            return v;
        } catch (IOException e) {
            throw in.failure() != null ? in.failure() : new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "the download of message "
                    + entry.messageId() + " failed: " + e.getMessage(), e);
        } catch (GongwenException e) {
            GongwenException first = in.failure() != null ? in.failure() : e;
            if (!refusesMessage(first.code())) {
                throw first;
            }
            GongwenException own = messagesOwnFault(in, first, declared, call);
            packageRefused = true;
            signature = readSignature(temp);
            throw own;
        }
    }

    /**
     * A refusal is held against the message (T-5.6) only if the node's bytes are the bytes it
     * vouches for: the rest of the body is read (up to the listed size, within the size limit) and
     * the SHA-256 of all of it must equal both the header and the listing. Otherwise the node, not the
     * sender, is at fault: {@code TRN-002}, and the entry stays listed. A message listed, and sent, as
     * larger than this client's limit is refused for its size ({@code LIM-001}) without being read
     * to its end.
     *
     * @return the refusal to hold against the message
     * @throws GongwenException {@code TRN-002} if the bytes are not those the node vouches for,
     *     {@code TRN-001} if the rest of the body broke off, {@code LOC-001} if it cannot be written
     */
    private GongwenException messagesOwnFault(DownloadStream in, GongwenException refusal, String declared, Call call) throws GongwenException {
        long limit = limits.maxPackageBytes();
        long listed = entry.size();
        long length = call.contentLength();
        if (length >= 0 && length != listed) {
            throw nodesFault(call, "it sends " + length + " bytes for a message it lists as " + listed + " bytes", refusal);
        }
        if (listed > limit && length >= 0) {
            return new GongwenException(ErrorCode.LIMIT_SIZE, "message " + entry.messageId() + " has " + listed
                    + " bytes, more than the limit of " + limit + " bytes");
        }
        if (in.failure() != null && in.failure().code() == ErrorCode.LIMIT_SIZE) {
            throw nodesFault(call, "it sent more than " + limit + " bytes for a message it lists as " + listed + " bytes", refusal);
        }
        if (in.failure() != null) {
            throw in.failure();
        }
        boolean ended;
        try {
            ended = in.drainUpTo(listed);
        } catch (IOException e) {
            GongwenException broken = in.failure();
            if (broken != null && broken.code() == ErrorCode.LIMIT_SIZE) {
                ended = false;
            } else if (broken != null) {
                throw broken;
            } else {
                throw new GongwenException(ErrorCode.TRANSPORT_RETRYABLE, "the download of message " + entry.messageId() + " failed: "
                        + e.getMessage(), e);
            }
        }
        if (!ended) {
            throw nodesFault(call, "it sent more bytes than the " + listed + " it lists", refusal);
        }
        String actual = in.sha256();
        if (!actual.equals(declared) || !actual.equals(entry.packageSha256())) {
            throw nodesFault(call, "its " + in.count() + " bytes have SHA-256 " + actual + ", but it declared " + declared + " and listed "
                    + entry.packageSha256(), refusal);
        }
        return refusal;
    }

    private GongwenException nodesFault(Call call, String what, GongwenException refusal) {
        return new GongwenException(ErrorCode.TRANSPORT_FATAL, "node " + call.node() + " does not vouch for the bytes of message "
                + entry.messageId() + " (" + what + "), so the failed check is its fault, not the message's, which stays listed: "
                + refusal.getMessage());
    }

    /** The package is the entry's message, and this organisation is one of its recipients. */
    private void checkAddressed(VerifiedPackage v) throws GongwenException {
        Header h = v.envelope().header();
        if (!h.sender().equals(entry.sender()) || !h.messageId().equals(entry.messageId())) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "the mailbox entry names message " + entry.sender() + "/" + entry.messageId()
                    + " but the package downloaded for it is message " + h.sender() + "/" + h.messageId());
        }
        if (!h.recipients().contains(self)) {
            packageRefused = true;
            signature = new MessageSignature(v.signer().profile(), v.signatureValue());
            throw new GongwenException(ErrorCode.AUTH_FORBIDDEN, "message " + h.sender() + "/" + h.messageId() + " is not addressed to "
                    + self + " (its recipients are " + h.recipients() + ")");
        }
    }

    /**
     * Whether a verifier's code refuses the package itself for good: the content codes of
     * spec/transport.md T-3.4 (422), not a retryable one.
     */
    static boolean refusesMessage(ErrorCode code) {
        if (code.retryable()) {
            return false;
        }
        ErrorFamily f = code.family();
        return f == ErrorFamily.XML || f == ErrorFamily.XML_FORBIDDEN || f == ErrorFamily.LIMIT || f == ErrorFamily.SCHEMA
                || f == ErrorFamily.PACKAGE || f == ErrorFamily.DIGEST || f == ErrorFamily.SIGNATURE || f == ErrorFamily.ALGORITHM
                || f == ErrorFamily.TRUST || f == ErrorFamily.POLICY;
    }

    /** The signature of a refused package, read (unverified) from the part already on disk. */
    private static MessageSignature readSignature(Path temp) {
        try {
            SignedEnvelope s = SignedEnvelope.read(temp, Limits.defaults());
            return new MessageSignature(s.profile(), s.signatureValue());
        } catch (GongwenException e) {
            return null;
        }
    }

    /** Moves the verified file into place without ever replacing a file that appeared meanwhile. */
    private static void place(Path temp, Path file) throws GongwenException {
        try {
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links on this file system: a plain move, which refuses an existing target too
                Files.move(temp, file);
                return;
            }
            deleteQuietly(temp);
        } catch (FileAlreadyExistsException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, file + " appeared during the download; it was not overwritten", e);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot move the download into " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a temporary file with a dot name
        }
    }
}
