package org.gongwen.internal.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.pkg.Limits;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.envelope.EnvelopeCodec;
import org.gongwen.internal.sign.EnvelopeVerifier;
import org.gongwen.internal.sign.SignatureShape;
import org.w3c.dom.Document;

/**
 * The envelope of a package and the value of its signature, read from the first entry only and
 * NOT verified: what a receipt needs to name the message it is about (spec/transport.md, T-7.2).
 * Only the envelope entry is read, so the rest of the file may be missing (a download that
 * stopped early). Never act on the content. Immutable.
 */
public final class SignedEnvelope {
    private final Envelope envelope;
    private final SignatureProfile profile;
    private final byte[] signatureValue;

    private SignedEnvelope(Envelope envelope, SignatureProfile profile, byte[] signatureValue) {
        this.envelope = envelope;
        this.profile = profile;
        this.signatureValue = signatureValue;
    }

    /**
     * Reads the envelope entry of a package file.
     *
     * @throws GongwenException the code of the first rule the envelope entry breaks (its XML, its
     *     schema, the shape of its signature), or {@code LOC-001} if the file cannot be read
     */
    public static SignedEnvelope read(Path packageFile, Limits limits) throws GongwenException {
        Objects.requireNonNull(limits, "limits");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(packageFile), 64 * 1024)) {
            ZipReader zip = new ZipReader(in, limits.maxPackageBytes());
            Document doc = PackageReader.readEnvelopeDocument(zip, limits);
            Envelope env = EnvelopeCodec.fromDocument(doc);
            SignatureShape shape = SignatureShape.read(doc, limits.maxCertificates());
            return new SignedEnvelope(env, shape.profile(), EnvelopeVerifier.signatureValue(shape));
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read " + packageFile + ": " + e.getMessage(), e);
        }
    }

    /** The envelope as written, unverified. */
    public Envelope envelope() {
        return envelope;
    }

    /** The profile named by the signature's SignatureMethod. */
    public SignatureProfile profile() {
        return profile;
    }

    /** The decoded SignatureValue bytes (a copy). */
    public byte[] signatureValue() {
        return signatureValue.clone();
    }
}
