package org.gongwen.api.envelope;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The manifest: the digest algorithm and every payload part, in package order. Exactly one
 * part is the 正文 ({@link PartRole#BODY}); names are unique ignoring letter case. Immutable.
 */
public final class Manifest {
    /** The largest number of parts. */
    public static final int MAX_PARTS = 1000;

    private final DigestAlgorithm digestAlgorithm;
    private final List<Part> parts;

    /**
     * Creates a manifest.
     *
     * @throws IllegalArgumentException if there is not exactly one body part, a name repeats,
     *     a digest has the wrong length, or there are more than {@link #MAX_PARTS} parts
     */
    public Manifest(DigestAlgorithm digestAlgorithm, List<Part> parts) {
        this.digestAlgorithm = Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        this.parts = List.copyOf(parts);
        if (this.parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException("more than " + MAX_PARTS + " parts");
        }
        Set<String> seen = new HashSet<>();
        int bodies = 0;
        for (Part p : this.parts) {
            if (!seen.add(PartNames.collisionKey(p.name()))) {
                throw new IllegalArgumentException("part name '" + p.name() + "' occurs twice (letter case ignored)");
            }
            if (p.digest().length != digestAlgorithm.length()) {
                throw new IllegalArgumentException("digest of '" + p.name() + "' has " + p.digest().length
                        + " bytes, " + digestAlgorithm + " has " + digestAlgorithm.length());
            }
            if (p.role() == PartRole.BODY) {
                bodies++;
            }
        }
        if (bodies != 1) {
            throw new IllegalArgumentException("exactly one 正文 (BODY) part is required, found " + bodies);
        }
    }

    /** The digest algorithm of every part. */
    public DigestAlgorithm digestAlgorithm() { return digestAlgorithm; }

    /** The parts, in package order. */
    public List<Part> parts() { return parts; }

    /** The 正文 part. */
    public Part body() {
        return parts.stream().filter(p -> p.role() == PartRole.BODY).findFirst().orElseThrow();
    }

    /** The part with this exact name. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The sum of all part sizes. */
    public long totalSize() {
        return parts.stream().mapToLong(Part::size).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Manifest && ((Manifest) o).digestAlgorithm == digestAlgorithm && ((Manifest) o).parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digestAlgorithm, parts);
    }

    @Override
    public String toString() {
        return "Manifest{" + digestAlgorithm + ", " + parts + "}";
    }
}
