package org.gongwen.internal.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Part;
import org.gongwen.api.envelope.PartNames;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.UnverifiedPackage;
import org.gongwen.api.pkg.VerifiedPackage;
import org.gongwen.api.sign.SignerInfo;
import org.gongwen.api.trust.TrustPolicy;
import org.gongwen.internal.crypto.Digests;
import org.gongwen.internal.envelope.EnvelopeCodec;
import org.gongwen.internal.sign.EnvelopeVerifier;
import org.gongwen.internal.sign.SignatureShape;
import org.gongwen.internal.trust.Certificates;
import org.gongwen.internal.trust.TrustValidator;
import org.gongwen.internal.xml.SecureXml;
import org.w3c.dom.Document;

/**
 * Verifies packages in the order of spec/package.md, "Reading": the envelope entry, the
 * envelope XML and schema, the signature and trust, the classification, then every part
 * streamed through its digest, then the central directory. Thread-safe: it holds only
 * immutable configuration.
 */
public final class PackageReader implements PackageVerifier {
    private static final int BUFFER = 64 * 1024;

    private final TrustValidator trust;
    private final Limits limits;

    public PackageReader(TrustPolicy trust, Limits limits) {
        this(new TrustValidator(Objects.requireNonNull(trust, "trust")), limits);
    }

    /** A reader that shares a validator (and its path cache) with other users of the same policy. */
    public PackageReader(TrustValidator trust, Limits limits) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Where verified part bytes go. */
    private interface PartSink {
        OutputStream open(Part part) throws GongwenException;

        void abort();
    }

    @Override
    public VerifiedPackage verify(Path packageFile) throws GongwenException {
        try (InputStream in = open(packageFile)) {
            return read(in, null);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read " + packageFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public VerifiedPackage verify(InputStream in) throws GongwenException {
        return read(new BufferedInputStream(in, BUFFER), null);
    }

    @Override
    public VerifiedPackage extract(Path packageFile, Path directory) throws GongwenException {
        Extraction sink = new Extraction(directory);
        try (InputStream in = open(packageFile)) {
            VerifiedPackage v = read(in, sink);
            return new VerifiedPackage(v.envelope(), v.signer(), v.signatureValue(), sink.commit());
        } catch (IOException e) {
            sink.abort();
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read " + packageFile + ": " + e.getMessage(), e);
        } catch (GongwenException | RuntimeException e) {
            sink.abort();
            throw e;
        }
    }

    private static InputStream open(Path file) throws GongwenException {
        try {
            return new BufferedInputStream(Files.newInputStream(file), BUFFER);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the first entry and parses the envelope; shared with the unverified inspection. */
    static Document readEnvelopeDocument(ZipReader zip, Limits limits) throws GongwenException {
        ZipReader.Entry first = zip.next();
        if (first == null || !PartNames.ENVELOPE.equals(first.name)) {
            throw new GongwenException(ErrorCode.PACKAGE_ENVELOPE_MISSING, "the first entry must be " + PartNames.ENVELOPE
                    + (first == null ? "; the package has no entries" : "; found '" + first.name + "'"));
        }
        if (first.size > limits.maxEnvelopeBytes()) {
            throw new GongwenException(ErrorCode.LIMIT_SIZE, PartNames.ENVELOPE + " has " + first.size + " bytes; the limit is " + limits.maxEnvelopeBytes());
        }
        byte[] xml = zip.bytes((int) first.size);
        CRC32 crc = new CRC32();
        crc.update(xml);
        Document doc = SecureXml.parse(xml, limits.maxXmlDepth());
        if (crc.getValue() != first.crc) {
            throw new GongwenException(ErrorCode.PACKAGE_LAYOUT, "the CRC-32 of " + PartNames.ENVELOPE + " differs from its header");
        }
        return doc;
    }

    private VerifiedPackage read(InputStream in, PartSink sink) throws GongwenException {
        ZipReader zip = new ZipReader(in, limits.maxPackageBytes());
        Document doc = readEnvelopeDocument(zip, limits);
        Envelope env = EnvelopeCodec.fromDocument(doc);
        SignatureShape shape = SignatureShape.read(doc, limits.maxCertificates());
        SignerInfo signer = EnvelopeVerifier.verify(doc, shape, trust, env.header().sender());
        if (env.manifest().digestAlgorithm() != signer.profile().digestAlgorithm()) {
            throw new GongwenException(ErrorCode.ALGORITHM_NOT_ALLOWED, "the manifest uses " + env.manifest().digestAlgorithm()
                    + " but profile " + signer.profile() + " requires " + signer.profile().digestAlgorithm());
        }
        if (env.metadata().classification().isPresent()) {
            throw new GongwenException(ErrorCode.CLASSIFIED_DOCUMENT, "the document is marked " + env.metadata().classification().get()
                    + "; only non-classified documents may be exchanged");
        }
        checkManifest(env);
        readParts(zip, env, sink);
        zip.finish();
        return new VerifiedPackage(env, signer, EnvelopeVerifier.signatureValue(shape), Map.of());
    }

    private void checkManifest(Envelope env) throws GongwenException {
        List<Part> parts = env.manifest().parts();
        if (parts.size() > limits.maxParts()) {
            throw new GongwenException(ErrorCode.LIMIT_COUNT, "the manifest lists " + parts.size() + " parts; the limit is " + limits.maxParts());
        }
        for (Part p : parts) {
            if (p.size() > limits.maxPartBytes()) {
                throw new GongwenException(ErrorCode.LIMIT_SIZE, "part '" + p.name() + "' has " + p.size() + " bytes; the limit is " + limits.maxPartBytes());
            }
            if (p.role() == org.gongwen.api.envelope.PartRole.BODY && !MediaTypes.bodyAllowed(env.header().messageType(), p.mediaType())) {
                throw new GongwenException(ErrorCode.INVALID_VALUE, "the 正文 must be application/ofd or application/pdf (a WITHDRAWAL"
                        + " or REMINDER may also have text/plain); this " + env.header().messageType() + " has " + p.mediaType());
            }
        }
        if (env.manifest().totalSize() > limits.maxPackageBytes()) {
            throw new GongwenException(ErrorCode.LIMIT_SIZE, "the parts add up to more than the package limit of " + limits.maxPackageBytes() + " bytes");
        }
    }

    private void readParts(ZipReader zip, Envelope env, PartSink sink) throws GongwenException {
        Map<String, Integer> index = new HashMap<>();
        List<Part> parts = env.manifest().parts();
        for (int i = 0; i < parts.size(); i++) {
            index.put(parts.get(i).name(), i);
        }
        Set<String> seen = new HashSet<>();
        seen.add(PartNames.ENVELOPE);
        byte[] buf = new byte[BUFFER];
        for (int i = 0; i < parts.size(); i++) {
            Part expected = parts.get(i);
            ZipReader.Entry e = zip.next();
            if (e == null) {
                throw new GongwenException(ErrorCode.PACKAGE_ENTRY_MISSING, "part '" + expected.name() + "' listed in the manifest is missing");
            }
            checkName(e, seen, index, expected, i);
            if (e.size != expected.size()) {
                throw new GongwenException(ErrorCode.PACKAGE_SIZE_MISMATCH, "entry '" + e.name + "' has " + e.size + " bytes; the manifest says " + expected.size());
            }
            MessageDigest md = Digests.newDigest(env.manifest().digestAlgorithm());
            CRC32 crc = new CRC32();
            OutputStream out = sink == null ? null : sink.open(expected);
            long left = e.size;
            try (OutputStream sinkOut = out) {
                while (left > 0) {
                    int n = zip.read(buf, 0, (int) Math.min(buf.length, left));
                    md.update(buf, 0, n);
                    crc.update(buf, 0, n);
                    if (sinkOut != null) {
                        sinkOut.write(buf, 0, n);
                    }
                    left -= n;
                }
            } catch (IOException ex) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write part '" + e.name + "': " + ex.getMessage(), ex);
            }
            if (!MessageDigest.isEqual(md.digest(), expected.digest())) {
                throw new GongwenException(ErrorCode.DIGEST_PART, "the digest of part '" + e.name + "' differs from the manifest");
            }
            if (crc.getValue() != e.crc) {
                throw new GongwenException(ErrorCode.PACKAGE_LAYOUT, "the CRC-32 of part '" + e.name + "' differs from its header");
            }
        }
        ZipReader.Entry extra = zip.next();
        if (extra != null) {
            if (!seen.add(PartNames.collisionKey(extra.name)) || index.containsKey(extra.name)) {
                throw new GongwenException(ErrorCode.PACKAGE_ENTRY_DUPLICATE, "entry '" + extra.name + "' occurs twice");
            }
            throw new GongwenException(PartNames.problem(extra.name) == null ? ErrorCode.PACKAGE_ENTRY_EXTRA : ErrorCode.PACKAGE_ENTRY_NAME,
                    "entry '" + printable(extra.name) + "' is not listed in the manifest");
        }
    }

    private static void checkName(ZipReader.Entry e, Set<String> seen, Map<String, Integer> index, Part expected, int i)
            throws GongwenException {
        if (e.name.equals(expected.name())) {
            seen.add(PartNames.collisionKey(e.name));
            return;
        }
        if (seen.contains(PartNames.collisionKey(e.name))) {
            throw new GongwenException(ErrorCode.PACKAGE_ENTRY_DUPLICATE, "entry '" + printable(e.name) + "' occurs twice");
        }
        if (PartNames.problem(e.name) != null) {
            throw new GongwenException(ErrorCode.PACKAGE_ENTRY_NAME, "entry name '" + printable(e.name) + "' is not allowed: " + PartNames.problem(e.name));
        }
        Integer at = index.get(e.name);
        if (at != null) {
            throw new GongwenException(ErrorCode.PACKAGE_ENTRY_ORDER, "entry '" + e.name + "' is at position " + (i + 1)
                    + " but the manifest lists it at " + (at + 1));
        }
        throw new GongwenException(ErrorCode.PACKAGE_ENTRY_EXTRA, "entry '" + printable(e.name) + "' is not listed in the manifest");
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.length() > 100 ? b.substring(0, 100) + "..." : b.toString();
    }

    /** Reads the envelope of a package without verifying anything but its XML and schema. */
    public static UnverifiedPackage inspect(Path packageFile, Limits limits) throws GongwenException {
        try (InputStream in = open(packageFile)) {
            ZipReader zip = new ZipReader(in, limits.maxPackageBytes());
            Document doc = readEnvelopeDocument(zip, limits);
            Envelope env = EnvelopeCodec.fromDocument(doc);
            List<java.security.cert.X509Certificate> certs = new ArrayList<>();
            try {
                certs.addAll(Certificates.parse(SignatureShape.read(doc, limits.maxCertificates()).certificates()));
            } catch (GongwenException e) {
                // display only: a missing or malformed signature shows as no certificates
            }
            return new UnverifiedPackage(env, SignatureShape.signatureMethodOrNull(doc), certs);
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read " + packageFile + ": " + e.getMessage(), e);
        }
    }

    /** Extraction into a directory: temporary files, renamed only when the whole package has verified. */
    private static final class Extraction implements PartSink {
        private final Path dir;
        private final Map<String, Path> temps = new LinkedHashMap<>();

        Extraction(Path dir) {
            this.dir = dir;
        }

        @Override
        public OutputStream open(Part part) throws GongwenException {
            try {
                Files.createDirectories(dir);
                Path target = dir.resolve(part.name());
                if (!target.getParent().equals(dir.toAbsolutePath()) && !target.getParent().equals(dir)) {
                    throw new GongwenException(ErrorCode.PACKAGE_ENTRY_NAME, "part name '" + part.name() + "' would leave the target directory");
                }
                if (Files.exists(target)) {
                    throw new GongwenException(ErrorCode.LOCAL_IO, target + " exists already; extraction never overwrites");
                }
                Path tmp = Files.createTempFile(dir, ".gongwen-", ".part");
                temps.put(part.name(), tmp);
                return Files.newOutputStream(tmp);
            } catch (IOException e) {
                throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write into " + dir + ": " + e.getMessage(), e);
            }
        }

        Map<String, Path> commit() throws GongwenException {
            Map<String, Path> done = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, Path> t : temps.entrySet()) {
                    Path target = dir.resolve(t.getKey());
                    Files.move(t.getValue(), target);
                    done.put(t.getKey(), target);
                }
            } catch (FileAlreadyExistsException e) {
                abortCommitted(done);
                throw new GongwenException(ErrorCode.LOCAL_IO, e.getFile() + " appeared during extraction; nothing was extracted", e);
            } catch (IOException e) {
                abortCommitted(done);
                throw new GongwenException(ErrorCode.LOCAL_IO, "cannot move extracted parts into place: " + e.getMessage(), e);
            }
            temps.clear();
            return done;
        }

        private void abortCommitted(Map<String, Path> done) {
            for (Path p : done.values()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            }
            abort();
        }

        @Override
        public void abort() {
            for (Path p : temps.values()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            }
            temps.clear();
        }
    }
}
