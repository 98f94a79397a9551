package org.gongwen.api.pkg;

/**
 * Limits on everything a reader takes from outside. Exceeding one gives a {@code LIM-*} code.
 * Immutable; {@link #defaults()} suits ordinary official documents.
 */
public final class Limits {
    /** The largest package a version 1.0 ZIP layout can describe (no ZIP64): 4 GiB minus one byte. */
    public static final long FORMAT_MAX_PACKAGE_BYTES = 0xFFFF_FFFFL;

    private final int maxEnvelopeBytes;
    private final int maxXmlDepth;
    private final int maxParts;
    private final long maxPartBytes;
    private final long maxPackageBytes;
    private final int maxCertificates;

    private Limits(Builder b) {
        if (b.maxEnvelopeBytes < 1024 || b.maxXmlDepth < 8 || b.maxParts < 1 || b.maxPartBytes < 0
                || b.maxPackageBytes < 1024 || b.maxPackageBytes > FORMAT_MAX_PACKAGE_BYTES || b.maxCertificates < 1) {
            throw new IllegalArgumentException("limit out of range");
        }
        this.maxEnvelopeBytes = b.maxEnvelopeBytes;
        this.maxXmlDepth = b.maxXmlDepth;
        this.maxParts = b.maxParts;
        this.maxPartBytes = b.maxPartBytes;
        this.maxPackageBytes = b.maxPackageBytes;
        this.maxCertificates = b.maxCertificates;
    }

    /** The defaults: envelope 1 MiB, XML depth 32, 1000 parts, part 2 GiB, package 4 GiB - 1, 8 certificates. */
    public static Limits defaults() {
        return new Builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The largest envelope.xml in bytes. */
    public int maxEnvelopeBytes() { return maxEnvelopeBytes; }

    /** The deepest element nesting in an envelope. */
    public int maxXmlDepth() { return maxXmlDepth; }

    /** The most parts in one package. */
    public int maxParts() { return maxParts; }

    /** The largest part in bytes. */
    public long maxPartBytes() { return maxPartBytes; }

    /** The largest package in bytes. */
    public long maxPackageBytes() { return maxPackageBytes; }

    /** The most certificates in a signature's KeyInfo. */
    public int maxCertificates() { return maxCertificates; }

    /** Builds {@link Limits}. */
    public static final class Builder {
        private int maxEnvelopeBytes = 1 << 20;
        private int maxXmlDepth = 32;
        private int maxParts = 1000;
        private long maxPartBytes = 2L << 30;
        private long maxPackageBytes = FORMAT_MAX_PACKAGE_BYTES;
        private int maxCertificates = 8;

        private Builder() {
        }

        /** Sets the largest envelope in bytes (at least 1024). */
        public Builder maxEnvelopeBytes(int v) { maxEnvelopeBytes = v; return this; }

        /** Sets the deepest XML nesting (at least 8). */
        public Builder maxXmlDepth(int v) { maxXmlDepth = v; return this; }

        /** Sets the most parts. */
        public Builder maxParts(int v) { maxParts = v; return this; }

        /** Sets the largest part in bytes. */
        public Builder maxPartBytes(long v) { maxPartBytes = v; return this; }

        /** Sets the largest package in bytes (at most {@link #FORMAT_MAX_PACKAGE_BYTES}). */
        public Builder maxPackageBytes(long v) { maxPackageBytes = v; return this; }

        /** Sets the most certificates in KeyInfo. */
        public Builder maxCertificates(int v) { maxCertificates = v; return this; }

        /**
         * Builds the limits.
         *
         * @throws IllegalArgumentException if a limit is out of range
         */
        public Limits build() {
            return new Limits(this);
        }
    }
}
