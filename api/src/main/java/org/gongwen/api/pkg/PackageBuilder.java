package org.gongwen.api.pkg;

import java.io.OutputStream;
import java.nio.file.Path;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.sign.SigningIdentity;

/**
 * Packs and signs one document: header, metadata, one 正文 and any number of 附件 from files
 * on disk. Parts are streamed: they are read once for their digests and once into the
 * package, never held in memory. A builder is for one package and is not thread-safe.
 *
 * <pre>{@code
 * Envelope env = gongwen.newPackage()
 *     .header(header).metadata(metadata)
 *     .body(Path.of("正文.ofd"))
 *     .attachment(Path.of("附件1.pdf"))
 *     .signWith(identity)
 *     .writeTo(Path.of("out.gwpkg"));
 * }</pre>
 */
public interface PackageBuilder {
    /** Sets the routing header; its sender must be the organisation of the signing certificate. */
    PackageBuilder header(Header header);

    /** Sets the document metadata. */
    PackageBuilder metadata(DocumentMetadata metadata);

    /** Adds the 正文 from a file; the part is named after the file, the media type guessed from its extension. */
    PackageBuilder body(Path file);

    /** Adds the 正文 with an explicit part name and media type. */
    PackageBuilder body(Path file, String partName, String mediaType);

    /** Adds a 附件 from a file; named after the file, media type guessed from its extension. */
    PackageBuilder attachment(Path file);

    /** Adds a 附件 with an explicit part name and media type. */
    PackageBuilder attachment(Path file, String partName, String mediaType);

    /** Sets the identity to sign with; its profile decides the algorithms. */
    PackageBuilder signWith(SigningIdentity identity);

    /**
     * Reports progress while the package is written: {@code listener} is called from the writing
     * thread with the bytes of the parts processed so far and the total to process (each part is
     * read twice: once for its digest, size and CRC-32, once to copy it), at most every 64 KiB and
     * once at the end. It must return quickly and not throw.
     */
    default PackageBuilder progress(PackProgress listener) {
        return this;
    }

    /** Progress of {@link #writeTo}: {@code done} of {@code total} bytes processed. */
    @FunctionalInterface
    interface PackProgress {
        /** Called with the bytes processed so far and the total. */
        void packed(long done, long total);
    }

    /**
     * Writes the signed package to a file. The file appears complete or not at all: the package
     * is written to a temporary file beside it and moved into place.
     *
     * @return the envelope as signed, with its manifest
     * @throws GongwenException {@code POL-001} for a classified document, {@code ALG-002} if the
     *     key does not fit the profile, {@code TRU-005} if the certificate is not the sender's,
     *     {@code LOC-001} if a file cannot be read or written, {@code LOC-002} if something required is missing
     */
    Envelope writeTo(Path packageFile) throws GongwenException;

    /**
     * Writes the signed package to a stream (which is not closed).
     *
     * @return the envelope as signed
     * @throws GongwenException as {@link #writeTo(Path)}
     */
    Envelope writeTo(OutputStream out) throws GongwenException;
}
