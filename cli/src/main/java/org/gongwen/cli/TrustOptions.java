package org.gongwen.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.gongwen.api.GongwenException;
import org.gongwen.api.sign.KeyMaterial;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.trust.TrustPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The trust policy options shared by {@code verify}, {@code inspect} and {@code extract}. */
final class TrustOptions {
    @Option(names = "--trust", paramLabel = "PEM", description = "trust anchor certificate(s), PEM or DER (repeatable)")
    List<Path> anchors = new ArrayList<>();

    @Option(names = "--intermediate", paramLabel = "PEM", description = "intermediate CA certificate(s) for path building (repeatable)")
    List<Path> intermediates = new ArrayList<>();

    @Option(names = "--crl", paramLabel = "PEM", description = "CRL(s) to check revocation against (repeatable)")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--require-revocation", description = "refuse a certificate whose issuer has no CRL among --crl (TRU-006)")
    boolean requireRevocation;

    @Option(names = "--profile", paramLabel = "PROFILE", split = ",",
            description = "accept only these signature profiles (repeatable or comma list; default: all): ${COMPLETION-CANDIDATES}")
    List<SignatureProfile> profiles = new ArrayList<>();

    @Option(names = "--at", paramLabel = "TIME", converter = Converters.Time.class,
            description = "verify as of this time (ISO-8601, e.g. 2026-11-26T08:00:00Z; default: now)")
    Instant at;

    /** Whether any trust option was given. */
    boolean given() {
        return !anchors.isEmpty() || !intermediates.isEmpty() || !crls.isEmpty() || requireRevocation || !profiles.isEmpty() || at != null;
    }

    /**
     * Builds the policy from the files.
     *
     * @throws ParameterException if no trust anchor is named or the options do not fit together
     * @throws GongwenException {@code LOC-003} if a certificate or CRL file cannot be read
     */
    TrustPolicy policy(CommandLine cmd, KeyMaterial keys) throws GongwenException {
        if (anchors.isEmpty()) {
            throw new ParameterException(cmd, "--trust is required: name at least one trust anchor certificate, e.g. ca.cert.pem from 'gongwen pki'");
        }
        if (requireRevocation && crls.isEmpty()) {
            throw new ParameterException(cmd, "--require-revocation needs at least one --crl");
        }
        TrustPolicy.Builder b = TrustPolicy.builder();
        for (Path p : anchors) {
            b.trustAnchors(keys.readCertificates(p));
        }
        for (Path p : intermediates) {
            b.intermediates(keys.readCertificates(p));
        }
        for (Path p : crls) {
            b.crls(keys.readCrls(p));
        }
        if (!profiles.isEmpty()) {
            b.profiles(EnumSet.copyOf(profiles));
        }
        return b.validationTime(at).requireRevocationCheck(requireRevocation).build();
    }
}
