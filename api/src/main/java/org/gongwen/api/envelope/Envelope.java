package org.gongwen.api.envelope;

import java.util.Objects;

/**
 * The content of {@code envelope.xml} without its signature: routing header, document
 * metadata and manifest. Immutable.
 */
public final class Envelope {
    /** The version of the standard this SDK writes and reads. */
    public static final String VERSION = "1.0";

    private final Header header;
    private final DocumentMetadata metadata;
    private final Manifest manifest;

    /** Creates an envelope from its three sections. */
    public Envelope(Header header, DocumentMetadata metadata, Manifest manifest) {
        this.header = Objects.requireNonNull(header, "header");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
    }

    /** The routing header. */
    public Header header() { return header; }

    /** The document metadata. */
    public DocumentMetadata metadata() { return metadata; }

    /** The manifest of parts. */
    public Manifest manifest() { return manifest; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Envelope && ((Envelope) o).header.equals(header) && ((Envelope) o).metadata.equals(metadata)
                && ((Envelope) o).manifest.equals(manifest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, metadata, manifest);
    }

    @Override
    public String toString() {
        return "Envelope{" + header + ", " + metadata + ", " + manifest + "}";
    }
}
