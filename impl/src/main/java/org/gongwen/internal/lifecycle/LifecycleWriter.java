package org.gongwen.internal.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.MessageType;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.LifecycleBuilder;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.pkg.MediaTypes;
import org.gongwen.internal.pkg.PackageWriter;

/**
 * Writes a WITHDRAWAL or REMINDER package (C-2, C-3): the header names the original, the 正文 is
 * the reason or remark as UTF-8 plain text, repeated as 附注 in the metadata, 文种 函. Not thread-safe.
 */
public final class LifecycleWriter implements LifecycleBuilder {
    /** The longest reason or remark (C-2.1): the length of a receipt's Reason. */
    public static final int MAX_TEXT = 2000;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MessageType type;
    private final OrgCode sender;
    private final UUID originalId;
    private final UUID conversationId;
    private final List<OrgCode> originalTo;
    private final List<OrgCode> originalCc;
    private final String text;
    private final List<OrgCode> chosen = new ArrayList<>();
    private String issuer;
    private String title;
    private Instant expires;
    private SigningIdentity identity;

    /**
     * A lifecycle package about an original known by its parts.
     *
     * @param type WITHDRAWAL or REMINDER
     * @param originalTo the original's primary recipients (主送), or those of them the package concerns
     * @param originalCc the original's copy recipients (抄送), likewise
     */
    public LifecycleWriter(MessageType type, OrgCode sender, UUID originalId, UUID conversationId, List<OrgCode> originalTo,
            List<OrgCode> originalCc, String text) {
        if (type != MessageType.WITHDRAWAL && type != MessageType.REMINDER) {
            throw new IllegalArgumentException("a lifecycle package is a WITHDRAWAL or a REMINDER, not " + type);
        }
        this.type = type;
        this.sender = Objects.requireNonNull(sender, "sender");
        this.originalId = Objects.requireNonNull(originalId, "originalId");
        this.conversationId = Objects.requireNonNull(conversationId, "conversationId");
        this.originalTo = List.copyOf(originalTo);
        this.originalCc = List.copyOf(originalCc);
        this.text = text;
    }

    /** A lifecycle package about an original known by its header. */
    public static LifecycleWriter about(MessageType type, Header original, String text) {
        Objects.requireNonNull(original, "original");
        if (original.messageType() == MessageType.WITHDRAWAL || original.messageType() == MessageType.REMINDER) {
            throw new IllegalArgumentException("message " + original.messageId() + " is a " + original.messageType()
                    + "; only a DOCUMENT or a REPLY can be withdrawn or reminded of");
        }
        return new LifecycleWriter(type, original.sender(), original.messageId(), original.conversationId(), original.to(), original.cc(), text);
    }

    @Override
    public LifecycleBuilder recipients(OrgCode... recipients) {
        for (OrgCode r : recipients) {
            chosen.add(Objects.requireNonNull(r));
        }
        return this;
    }

    @Override
    public LifecycleBuilder issuer(String name) {
        this.issuer = name;
        return this;
    }

    @Override
    public LifecycleBuilder title(String t) {
        this.title = t;
        return this;
    }

    @Override
    public LifecycleBuilder expires(Instant t) {
        this.expires = t;
        return this;
    }

    @Override
    public LifecycleBuilder signWith(SigningIdentity id) {
        this.identity = Objects.requireNonNull(id);
        return this;
    }

    @Override
    public Envelope writeTo(Path packageFile) throws GongwenException {
        Objects.requireNonNull(packageFile, "packageFile");
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, (type == MessageType.WITHDRAWAL ? "the reason" : "the remark")
                    + " must be 1 to " + MAX_TEXT + " characters");
        }
        if (identity == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "no signing identity given");
        }
        Header header = header();
        DocumentMetadata metadata;
        try {
            String name = issuer == null ? sender.value() : issuer;
            metadata = DocumentMetadata.builder().kind(DocumentKind.LETTER).issuerMark(name).issuingAuthority(name)
                    .title(title != null ? title : type == MessageType.WITHDRAWAL ? "撤销通知" : "催办通知")
                    .dateOfWriting(LocalDate.now(CHINA)).annotation(text).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "lifecycle package: " + e.getMessage(), e);
        }
        Path parent = packageFile.toAbsolutePath().getParent();
        Path body;
        try {
            body = Files.createTempFile(parent, ".gw-", ".txt");
            Files.writeString(body, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write the 正文 beside " + packageFile + ": " + e.getMessage(), e);
        }
        try {
            return new PackageWriter().header(header).metadata(metadata)
                    .body(body, type == MessageType.WITHDRAWAL ? "撤销.txt" : "催办.txt", MediaTypes.TEXT_BODY)
                    .signWith(identity).writeTo(packageFile);
        } finally {
            try {
                Files.deleteIfExists(body);
            } catch (IOException ignored) {
                // a temporary file left beside the package; harmless
            }
        }
    }

    private Header header() throws GongwenException {
        Set<OrgCode> concerned = new LinkedHashSet<>(chosen);
        for (OrgCode r : concerned) {
            if (!originalTo.contains(r) && !originalCc.contains(r)) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, r + " is not a recipient of message " + originalId);
            }
        }
        List<OrgCode> to = originalTo.stream().filter(r -> concerned.isEmpty() || concerned.contains(r)).toList();
        List<OrgCode> cc = originalCc.stream().filter(r -> concerned.isEmpty() || concerned.contains(r)).toList();
        Header.Builder b = Header.builder().conversationId(conversationId).refToMessageId(originalId).sender(sender)
                .messageType(type).expires(expires);
        if (to.isEmpty()) {
            // a package needs a primary recipient: the 抄送 recipients concerned become its 主送
            b.to(cc.toArray(new OrgCode[0]));
        } else {
            b.to(to.toArray(new OrgCode[0])).cc(cc.toArray(new OrgCode[0]));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "lifecycle header: " + e.getMessage(), e);
        }
    }
}
