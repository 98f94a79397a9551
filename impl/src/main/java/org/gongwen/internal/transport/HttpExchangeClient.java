package org.gongwen.internal.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.MessageHandler;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.exchange.MessageStatus;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.ReceiptType;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.id.NodeId;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.lifecycle.LifecycleWriter;
import org.gongwen.internal.pkg.PackageReader;
import org.gongwen.internal.pkg.SignedEnvelope;
import org.gongwen.internal.trust.Certificates;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.wire.Binding;
import org.gongwen.internal.wire.DirectoryDocument;
import org.gongwen.internal.wire.MailboxDocument;
import org.gongwen.internal.wire.Receipts;
import org.gongwen.internal.wire.StatusDocument;

/**
 * The SDK's {@link ExchangeClient}: the organisation side of spec/transport.md over HTTP. One
 * trust validator serves every receipt and package this client verifies. Thread-safe; one
 * instance per application.
 */
public final class HttpExchangeClient implements ExchangeClient {
    private final ExchangeConfig config;
    private final OrgCode self;
    private final NodeHttp http;
    private final TrustValidator trust;
    private final PackageReader verifier;
    private final ReceiptIssuer issuer;
    private final DirectoryCache directory;
    private final TransferListener listener;

    private HttpExchangeClient(ExchangeConfig config, OrgCode self, TransferListener listener) throws GongwenException {
        this.config = config;
        this.self = self;
        this.listener = listener;
        this.trust = new TrustValidator(config.trust());
        this.verifier = new PackageReader(trust, config.limits());
        this.directory = new DirectoryCache(config.directoryCacheTime());
        this.http = new NodeHttp(config);
        this.issuer = new ReceiptIssuer(http, trust, config.signingIdentity(), self);
    }

    /**
     * Opens a client.
     *
     * @throws GongwenException {@code LOC-002} if the signing certificate does not name an
     *     organisation or the TLS certificate names another party; {@code LOC-003} if the TLS
     *     material cannot be used
     */
    public static HttpExchangeClient open(ExchangeConfig config) throws GongwenException {
        return open(config, TransferListener.NONE);
    }

    /** Opens a client that reports the progress of package transfers. */
    public static HttpExchangeClient open(ExchangeConfig config, TransferListener listener) throws GongwenException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        return new HttpExchangeClient(config, organisation(config), listener);
    }

    /** The organisation this client acts for: the one its signing certificate names, which its TLS certificate must name too. */
    private static OrgCode organisation(ExchangeConfig config) throws GongwenException {
        String signer = TrustValidator.partyOf(Certificates.toBc(config.signingIdentity().certificate()));
        if (!OrgCode.isValid(signer)) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "the signing certificate names " + signer
                    + "; an exchange client acts for an organisation and needs its 统一社会信用代码 there");
        }
        if (!config.tlsChain().isEmpty()) {
            String tls = TrustValidator.partyOf(Certificates.toBc(config.tlsChain().get(0)));
            if (!tls.equals(signer)) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "the TLS certificate names " + tls + " but the signing certificate names "
                        + signer + "; both must name the same organisation");
            }
        }
        return OrgCode.of(signer);
    }

    /** The organisation this client acts for. */
    public OrgCode organisation() {
        return self;
    }

    /** The package limits this client applies. */
    public Limits limits() {
        return config.limits();
    }

    /** The longest long-poll wait this client asks for. */
    public Duration maxPollWait() {
        return config.maxPollWait();
    }

    /**
     * Verifies a receipt stored earlier (its signature, its signer's certificate under this
     * client's trust policy, and the rules of its type).
     */
    public Receipt verifyReceipt(byte[] xml) throws GongwenException {
        return Receipts.verify(xml, trust);
    }

    @Override
    public Receipt send(Path packageFile) throws GongwenException {
        if (packageFile == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no package file given");
        }
        SignedEnvelope unverified = SignedEnvelope.read(packageFile, config.limits());
        Header h = unverified.envelope().header();
        if (!h.sender().equals(self)) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "the package's sender is " + h.sender() + " but this client acts for " + self);
        }
        long size;
        try {
            size = Files.size(packageFile);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read " + packageFile + ": " + e.getMessage(), e);
        }
        HttpPost post = new HttpPost(http.uri(Binding.MESSAGES, null));
        post.setEntity(new PackageEntity(packageFile, size, h.messageId(), listener));
        String what = "POST " + Binding.MESSAGES + " (message " + h.messageId() + ", " + size + " bytes)";
        byte[] xml;
        try (Call call = http.execute(post, Duration.ZERO, what)) {
            if (call.status() != 201 && call.status() != 200) {
                throw Responses.refusal(call);
            }
            if (!call.hasType(Binding.RECEIPT_TYPE)) {
                throw Responses.wrongType(call, Binding.RECEIPT_TYPE);
            }
            xml = call.readAll(Receipts.MAX_BYTES, "receipt");
        }
        Receipt r;
        try {
            r = Receipts.verify(xml, trust);
        } catch (GongwenException e) {
            throw Failures.withContext(e, "the receipt node " + http.base() + " returned for message " + h.messageId() + " does not verify");
        }
        if (r.type() != ReceiptType.ACCEPTED || !NodeId.isValid(r.issuer())) {
            throw new GongwenException(ErrorCode.RECEIPT_NOT_BOUND, "node " + http.base() + " answered message " + h.messageId() + " with a "
                    + r.type() + " receipt issued by " + r.issuer() + "; expected ACCEPTED from a node");
        }
        MessageSignature s = new MessageSignature(unverified.profile(), unverified.signatureValue());
        Receipts.checkBound(r, h.sender(), h.messageId(), s.profile().digestAlgorithm(), s.digest());
        return r;
    }

    @Override
    public List<MailboxEntry> mailbox(Duration wait) throws GongwenException {
        long seconds = wait == null || wait.isNegative() ? 0 : wait.getSeconds();
        seconds = Math.min(seconds, Math.min(config.maxPollWait().getSeconds(), Binding.MAX_WAIT_SECONDS));
        String what = "GET " + Binding.MAILBOX + "?wait=" + seconds;
        try (Call call = http.execute(new HttpGet(http.uri(Binding.MAILBOX, "wait=" + seconds)), Duration.ofSeconds(seconds), what)) {
            byte[] xml = read(call, Binding.MAILBOX_TYPE, Binding.MAX_MAILBOX_BYTES, "mailbox listing");
            return MailboxDocument.read(xml);
        }
    }

    @Override
    public ReceivedMessage fetch(MailboxEntry entry, Path packageFile) throws GongwenException {
        if (entry == null || packageFile == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "fetch needs a mailbox entry and a file");
        }
        return new ReceivedMessage(entry, packageFile, download(entry, packageFile).run());
    }

    /** A download of one entry, for {@link #fetch} and the receive round. */
    Download download(MailboxEntry entry, Path packageFile) {
        return new Download(http, verifier, config.limits(), self, listener, entry, packageFile);
    }

    /**
     * Fetches an entry into {@code packageFile} (which must not exist) for a persistent inbox. A
     * package that is the message's own fault (it does not verify, or is not addressed to this
     * organisation) is answered with a REJECTED receipt, as {@link #receive} does, and reported in
     * the outcome; any other failure is thrown.
     *
     * @throws GongwenException a transport or local failure ({@code TRN-001}, {@code TRN-002}, {@code LOC-001})
     */
    public FetchOutcome fetchOrReject(MailboxEntry entry, Path packageFile) throws GongwenException {
        Download d = download(entry, packageFile);
        try {
            return new FetchOutcome(new ReceivedMessage(entry, packageFile, d.run()), null, null);
        } catch (GongwenException e) {
            if (!d.packageRefused()) {
                throw e;
            }
            ReceiveResult.Rejection r = ReceiveRound.reject(issuer, entry, d.refusedSignature(), e);
            return new FetchOutcome(null, r.errorCode(), r.message());
        }
    }

    /**
     * Verifies a package file fetched earlier for {@code entry} again, as a fetch verifies it.
     *
     * @throws GongwenException the package's refusal code, or {@code AUT-002} if it is not addressed to this organisation
     */
    public ReceivedMessage verifyStored(MailboxEntry entry, Path packageFile) throws GongwenException {
        return new ReceivedMessage(entry, packageFile, download(entry, packageFile).verifyKept());
    }

    /**
     * Verifies a package stored when it was received at {@code receivedAt}: now, and if its
     * certificates no longer pass now (expired or revoked since, or revocation status unavailable),
     * as of {@code receivedAt}, when it was verified first. A document that was valid when it
     * arrived stays deliverable to the application.
     */
    public ReceivedMessage verifyStored(MailboxEntry entry, Path packageFile, java.time.Instant receivedAt) throws GongwenException {
        try {
            return verifyStored(entry, packageFile);
        } catch (GongwenException e) {
            if (e.code().family() != org.gongwen.api.ErrorFamily.TRUST) {
                throw e;
            }
            TrustPolicy then = config.trust().toBuilder().validationTime(receivedAt).build();
            PackageReader reader = new PackageReader(new TrustValidator(then), config.limits());
            return new ReceivedMessage(entry, packageFile,
                    new Download(http, reader, config.limits(), self, listener, entry, packageFile).verifyKept());
        }
    }

    @Override
    public Receipt acknowledge(ReceivedMessage message) throws GongwenException {
        if (message == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no message given");
        }
        return issuer.delivered(message.verified());
    }

    @Override
    public ReceiveResult receive(Path directory, Duration wait, MessageHandler handler) throws GongwenException {
        return new ReceiveRound(this, issuer).run(directory, wait, handler);
    }

    @Override
    public Receipt signFor(VerifiedPackage document, String signedBy) throws GongwenException {
        return issuer.signedFor(document, signedBy);
    }

    @Override
    public Receipt returnDocument(VerifiedPackage document, String reason) throws GongwenException {
        return issuer.returned(document, reason);
    }

    @Override
    public Receipt withdraw(UUID messageId, String reason) throws GongwenException {
        return sendLifecycle(MessageType.WITHDRAWAL, messageId, reason);
    }

    @Override
    public Receipt remind(UUID messageId, String remark) throws GongwenException {
        return sendLifecycle(MessageType.REMINDER, messageId, remark);
    }

    /** Builds a lifecycle package from the original's status (C-2, C-3), for the recipients not yet final, and sends it. */
    private Receipt sendLifecycle(MessageType type, UUID messageId, String text) throws GongwenException {
        if (text == null || text.isBlank() || text.length() > LifecycleWriter.MAX_TEXT) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, (type == MessageType.WITHDRAWAL ? "the reason" : "the remark")
                    + " must be 1 to " + LifecycleWriter.MAX_TEXT + " characters");
        }
        MessageStatus st = status(messageId);
        UUID conversation = st.conversationId().orElseThrow(() -> new GongwenException(ErrorCode.TRANSPORT_FATAL,
                "node " + http.base() + " does not report the conversation of message " + messageId + " (T-8.1)"));
        List<OrgCode> to = new ArrayList<>();
        List<OrgCode> cc = new ArrayList<>();
        for (RecipientStatus r : st.recipients()) {
            if (!r.state().isFinal()) {
                (r.primary() ? to : cc).add(r.recipient());
            }
        }
        if (to.isEmpty() && cc.isEmpty()) {
            throw new GongwenException(ErrorCode.STATE_CONFLICT, "message " + messageId + " is in a final state for every recipient ("
                    + st.recipients() + "); there is nothing to " + (type == MessageType.WITHDRAWAL ? "withdraw" : "remind of"));
        }
        String name = lookup(self).map(DirectoryEntry::name).orElse(self.value());
        Path file;
        try {
            file = Files.createTempFile("gongwen-" + type.name().toLowerCase(java.util.Locale.ROOT) + "-", ".gwpkg");
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create a temporary package file: " + e.getMessage(), e);
        }
        try {
            new LifecycleWriter(type, self, messageId, conversation, to, cc, text).issuer(name)
                    .signWith(config.signingIdentity()).writeTo(file);
            return send(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the system cleans its temporary folder
            }
        }
    }

    @Override
    public MessageStatus status(UUID messageId) throws GongwenException {
        if (messageId == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no message id given");
        }
        String path = Binding.status(messageId.toString());
        try (Call call = http.execute(new HttpGet(http.uri(path, null)), Duration.ZERO, "GET " + path)) {
            byte[] xml = read(call, Binding.STATUS_TYPE, Binding.MAX_STATUS_BYTES, "status");
            return StatusDocument.read(xml).verify(trust, self, messageId, null);
        }
    }

    @Override
    public Optional<DirectoryEntry> lookup(OrgCode organisation) throws GongwenException {
        if (organisation == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no organisation given");
        }
        return directory().stream().filter(e -> e.organisation().equals(organisation)).findFirst();
    }

    @Override
    public List<DirectoryEntry> directory() throws GongwenException {
        return directory.get(() -> {
            try (Call call = http.execute(new HttpGet(http.uri(Binding.DIRECTORY, null)), Duration.ZERO, "GET " + Binding.DIRECTORY)) {
                return DirectoryDocument.read(read(call, Binding.DIRECTORY_TYPE, Binding.MAX_DIRECTORY_BYTES, "directory"));
            }
        });
    }

    /** The body of a 200 answer of the given type, or the refusal. */
    private static byte[] read(Call call, String type, int max, String document) throws GongwenException {
        if (call.status() != 200) {
            throw Responses.refusal(call);
        }
        if (!call.hasType(type)) {
            throw Responses.wrongType(call, type);
        }
        return call.readAll(max, document);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ExchangeClient{" + self + " at " + http.base() + "}";
    }
}
