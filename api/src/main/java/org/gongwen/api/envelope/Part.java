package org.gongwen.api.envelope;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One manifest entry: a payload part's name (also its ZIP entry name), role, media type, size
 * in bytes and digest. Immutable; the digest is copied in and out.
 */
public final class Part {
    private final String name;
    private final PartRole role;
    private final String mediaType;
    private final long size;
    private final byte[] digest;

    /**
     * Creates a manifest entry.
     *
     * @throws IllegalArgumentException if the name is not a valid part name
     *     ({@link PartNames#problem}), the media type is malformed, or the size is negative
     */
    public Part(String name, PartRole role, String mediaType, long size, byte[] digest) {
        String problem = PartNames.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("invalid part name: " + problem);
        }
        if (!mediaType.matches("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}")) {
            throw new IllegalArgumentException("invalid media type '" + mediaType + "': expected type/subtype in lower case");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        this.name = name;
        this.role = Objects.requireNonNull(role, "role");
        this.mediaType = mediaType;
        this.size = size;
        this.digest = digest.clone();
    }

    /** The part name, also its entry name in the package. */
    public String name() { return name; }

    /** 正文 or 附件. */
    public PartRole role() { return role; }

    /** The media type, for example {@code application/ofd}. */
    public String mediaType() { return mediaType; }

    /** The size in bytes. */
    public long size() { return size; }

    /** The digest of the part's bytes (a copy). */
    public byte[] digest() { return digest.clone(); }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Part)) {
            return false;
        }
        Part p = (Part) o;
        return p.name.equals(name) && p.role == role && p.mediaType.equals(mediaType) && p.size == size
                && Arrays.equals(p.digest, digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, mediaType, size, Arrays.hashCode(digest));
    }

    @Override
    public String toString() {
        return "Part{" + name + ", " + role + ", " + mediaType + ", " + size + " bytes, "
                + Base64.getEncoder().encodeToString(digest) + "}";
    }
}
