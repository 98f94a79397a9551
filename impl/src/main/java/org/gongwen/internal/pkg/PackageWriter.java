package org.gongwen.internal.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.envelope.Manifest;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartNames;
import org.gongwen.api.envelope.PartRole;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.PackageBuilder;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.Digests;
import org.gongwen.internal.crypto.SignatureEngines;
import org.gongwen.internal.envelope.EnvelopeCodec;
import org.gongwen.internal.sign.EnvelopeSigner;
import org.gongwen.internal.trust.Certificates;
import org.gongwen.internal.trust.TrustValidator;
import org.w3c.dom.Document;

/**
 * Packs and signs one package: a first pass over each part file computes its digest, size and
 * CRC-32; the envelope is signed; a second pass streams the parts into the fixed ZIP layout.
 */
public final class PackageWriter implements PackageBuilder {
    private PackProgress progress = (done, total) -> { };
    private long progressDone;
    private long progressTotal;

    private static final int BUFFER = 64 * 1024;

    private Header header;
    private DocumentMetadata metadata;
    private SigningIdentity identity;
    private final List<Source> sources = new ArrayList<>();

    private static final class Source {
        final Path file;
        final String name;
        final String mediaType;
        final PartRole role;
        long size;
        long crc;

        Source(Path file, String name, String mediaType, PartRole role) {
            this.file = file;
            this.name = name;
            this.mediaType = mediaType;
            this.role = role;
        }
    }

    @Override
    public PackageBuilder header(Header h) {
        this.header = Objects.requireNonNull(h);
        return this;
    }

    @Override
    public PackageBuilder metadata(DocumentMetadata m) {
        this.metadata = Objects.requireNonNull(m);
        return this;
    }

    @Override
    public PackageBuilder body(Path file) {
        return body(file, fileName(file), MediaTypes.guess(fileName(file)));
    }

    @Override
    public PackageBuilder body(Path file, String partName, String mediaType) {
        sources.add(new Source(file, partName, mediaType, PartRole.BODY));
        return this;
    }

    @Override
    public PackageBuilder attachment(Path file) {
        return attachment(file, fileName(file), MediaTypes.guess(fileName(file)));
    }

    @Override
    public PackageBuilder attachment(Path file, String partName, String mediaType) {
        sources.add(new Source(file, partName, mediaType, PartRole.ATTACHMENT));
        return this;
    }

    @Override
    public PackageBuilder progress(PackProgress listener) {
        this.progress = java.util.Objects.requireNonNull(listener, "listener");
        return this;
    }

    @Override
    public PackageBuilder signWith(SigningIdentity id) {
        this.identity = Objects.requireNonNull(id);
        return this;
    }

    private static String fileName(Path file) {
        Path n = file.getFileName();
        return n == null ? "" : n.toString();
    }

    @Override
    public Envelope writeTo(Path packageFile) throws GongwenException {
        Path abs = packageFile.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create a file in " + dir + ": " + e.getMessage(), e);
        }
        try {
            Envelope env;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                env = writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            return env;
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write " + abs + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the temporary file is hidden and named after the target
            }
        }
    }

    @Override
    public Envelope writeTo(OutputStream out) throws GongwenException {
        checkReady();
        Manifest manifest = firstPass();
        Envelope env = new Envelope(header, metadata, manifest);
        Document doc = EnvelopeCodec.toDocument(env);
        EnvelopeSigner.sign(doc, identity);
        byte[] envelopeBytes = EnvelopeSigner.serialize(doc);
        try {
            CRC32 crc = new CRC32();
            crc.update(envelopeBytes);
            ZipWriter zip = new ZipWriter(out);
            zip.begin(PartNames.ENVELOPE, envelopeBytes.length, crc.getValue());
            zip.write(envelopeBytes, 0, envelopeBytes.length);
            byte[] buf = new byte[BUFFER];
            for (Source s : sources) {
                zip.begin(s.name, s.size, s.crc);
                try (InputStream in = Files.newInputStream(s.file)) {
                    long left = s.size;
                    while (left > 0) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                        if (n < 0) {
                            throw new IOException(s.file + " became shorter while it was being packed");
                        }
                        zip.write(buf, 0, n);
                        left -= n;
                        progressDone += n;
                        progress.packed(progressDone, progressTotal);
                    }
                    if (in.read() != -1) {
                        throw new IOException(s.file + " became longer while it was being packed");
                    }
                }
            }
            zip.finish();
            progress.packed(progressDone, progressDone);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write the package: " + e.getMessage(), e);
        }
        return env;
    }

    private void checkReady() throws GongwenException {
        if (header == null || metadata == null || identity == null) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "header, metadata and a signing identity are required");
        }
        if (metadata.classification().isPresent()) {
            throw new GongwenException(ErrorCode.CLASSIFIED_DOCUMENT, "the document is marked "
                    + metadata.classification().get() + "; only non-classified documents (非涉密) may be exchanged");
        }
        SignatureEngines.checkKey(identity.profile(), identity.privateKey());
        OrgCode certOrg = TrustValidator.organisationOf(Certificates.toBc(identity.certificate()));
        if (!certOrg.equals(header.sender())) {
            throw new GongwenException(ErrorCode.TRUST_SENDER_BINDING, "the signing certificate belongs to " + certOrg
                    + " but the header names " + header.sender() + " as sender");
        }
        long bodies = sources.stream().filter(s -> s.role == PartRole.BODY).count();
        if (bodies != 1) {
            throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "exactly one 正文 (body) is required, found " + bodies);
        }
        Set<String> names = new HashSet<>();
        for (Source s : sources) {
            String problem = PartNames.problem(s.name);
            if (problem != null) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "part name: " + problem);
            }
            if (!names.add(PartNames.collisionKey(s.name))) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "two parts are named '" + s.name + "' (letter case ignored)");
            }
            if (s.role == PartRole.BODY && !MediaTypes.bodyAllowed(header.messageType(), s.mediaType)) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "the 正文 must be OFD or PDF (application/ofd, application/pdf)"
                        + " (a WITHDRAWAL or REMINDER may also have text/plain), found " + s.mediaType);
            }
        }
    }

    private Manifest firstPass() throws GongwenException {
        List<Part> parts = new ArrayList<>();
        byte[] buf = new byte[BUFFER];
        // the body first, then attachments in the order given
        sources.sort((a, b) -> a.role == b.role ? 0 : a.role == PartRole.BODY ? -1 : 1);
        progressDone = 0;
        progressTotal = 0;
        for (Source s : sources) {
            try {
                progressTotal += 2 * Files.size(s.file);
            } catch (IOException e) {
                // reported when the part is read
            }
        }
        long total = 0;
        for (Source s : sources) {
            MessageDigest md = Digests.newDigest(identity.profile().digestAlgorithm());
            CRC32 crc = new CRC32();
            long size = 0;
            try (InputStream in = Files.newInputStream(s.file)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    crc.update(buf, 0, n);
                    size += n;
                    progressDone += n;
                    progress.packed(progressDone, Math.max(progressTotal, progressDone));
                }
            } catch (IOException e) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read " + s.file + ": " + e.getMessage(), e);
            }
            s.size = size;
            s.crc = crc.getValue();
            total += size;
            if (total > org.gongwen.api.pkg.Limits.FORMAT_MAX_PACKAGE_BYTES) {
                throw new GongwenException(ErrorCode.LIMIT_SIZE, "the parts add up to more than 4 GiB, the largest package the version 1.0 layout allows");
            }
            try {
                parts.add(new Part(s.name, s.role, s.mediaType, size, md.digest()));
            } catch (IllegalArgumentException e) {
                throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, e.getMessage());
            }
        }
        return new Manifest(identity.profile().digestAlgorithm(), parts);
    }
}
