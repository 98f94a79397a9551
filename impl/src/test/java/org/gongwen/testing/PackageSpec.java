package org.gongwen.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.pkg.PackageBuilder;
import org.gongwen.api.sign.SignatureProfile;

/**
 * What a generated package holds: header, metadata and parts (the first one the 正文). The
 * parts' bytes come from {@link Fixtures#file}, so a spec is small to print and to shrink.
 */
public final class PackageSpec {
    private static final Gongwen GW = Gongwen.load();

    /** One part: its name in the package, media type, size and the seed of its bytes. */
    public static final class PartSpec {
        private final String name;
        private final String mediaType;
        private final int size;
        private final long seed;

        public PartSpec(String name, String mediaType, int size, long seed) {
            this.name = name;
            this.mediaType = mediaType;
            this.size = size;
            this.seed = seed;
        }

        public String name() {
            return name;
        }

        public String mediaType() {
            return mediaType;
        }

        public int size() {
            return size;
        }

        public long seed() {
            return seed;
        }

        @Override
        public String toString() {
            return "'" + name + "' " + mediaType + " " + size + " bytes (seed " + seed + ")";
        }
    }

    /** A package written from a spec: the envelope as signed, the package bytes and each part's bytes in order. */
    public static final class Written {
        public final Envelope envelope;
        public final byte[] bytes;
        public final List<byte[]> parts;

        Written(Envelope envelope, byte[] bytes, List<byte[]> parts) {
            this.envelope = envelope;
            this.bytes = bytes;
            this.parts = parts;
        }
    }

    private final Header header;
    private final DocumentMetadata metadata;
    private final List<PartSpec> parts;

    public PackageSpec(Header header, DocumentMetadata metadata, List<PartSpec> parts) {
        this.header = header;
        this.metadata = metadata;
        this.parts = List.copyOf(parts);
    }

    public Header header() {
        return header;
    }

    public DocumentMetadata metadata() {
        return metadata;
    }

    public List<PartSpec> parts() {
        return parts;
    }

    /** Writes the part files into a scratch directory and packs and signs them as 礼泉县 under {@code profile}. */
    public Written write(SignatureProfile profile) throws GongwenException {
        try (ScratchDir dir = ScratchDir.create()) {
            PackageBuilder b = GW.newPackage().header(header).metadata(metadata)
                    .signWith(Fixtures.pki(profile).liquan.identity());
            List<byte[]> bytes = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                PartSpec p = parts.get(i);
                Path f = Fixtures.file(dir.path(), "part" + i, p.size(), p.seed());
                bytes.add(Files.readAllBytes(f));
                if (i == 0) {
                    b.body(f, p.name(), p.mediaType());
                } else {
                    b.attachment(f, p.name(), p.mediaType());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Envelope env = b.writeTo(out);
            return new Written(env, out.toByteArray(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "PackageSpec{" + header + ", " + metadata + ", parts " + parts + "}";
    }
}
