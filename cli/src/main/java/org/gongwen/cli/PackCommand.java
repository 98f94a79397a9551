package org.gongwen.cli;

import org.gongwen.internal.keys.PasswordFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Envelope;
import org.gongwen.api.envelope.Header;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.pkg.PackageBuilder;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.api.sign.SigningIdentity;
import org.gongwen.internal.crypto.SignatureEngines;
import org.gongwen.internal.trust.TrustValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gongwen pack}: packs and signs one official document. */
@Command(name = "pack", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Packs and signs an official document into a package.",
                "%nThe package holds the 正文 (OFD or PDF), any 附件, the routing header and the GB/T 33480 "
                + "metadata, signed with the sending organisation's key."},
        footer = {"", "--metadata FILE is UTF-8 key=value text with the metadata options' names without '--', "
                + "e.g. kind=通知, title=..., number=礼政办发〔2026〕7号, date=2026-11-20; list keys are numbered: "
                + "signatory.1=..., attachment-note.1=... . Options override the file; a blank value unsets.",
                "%nDefaults: --from is the organisation in the certificate, --profile follows the key, "
                + "--issuing-authority is the certificate's organisation name (O)."})
final class PackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "PEM", description = "the sender's private key (PKCS#8 PEM)")
    Path key;

    @Option(names = "--cert", required = true, paramLabel = "PEM", description = "the sender's certificate chain (PEM), signer first")
    Path cert;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file whose first line is the password of an encrypted key")
    Path passwordFile;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "signature profile: ${COMPLETION-CANDIDATES} (default: the one the key belongs to)")
    SignatureProfile profile;

    @Option(names = "--from", paramLabel = "CODE", converter = Converters.Org.class,
            description = "sender's 统一社会信用代码 (default: the organisation named in the certificate)")
    OrgCode from;

    @Option(names = "--to", paramLabel = "CODE", split = "[,，]", splitSynopsisLabel = ",",
            converter = Converters.Org.class, description = "主送: recipient 统一社会信用代码 (repeatable or comma list; "
            + "required unless --reply-to names the recipient)")
    List<OrgCode> to = new ArrayList<>();

    @Option(names = "--reply-to", paramLabel = "PACKAGE", description = "make a REPLY to this received package: to its sender "
            + "(and any --to/--cc), in its conversation, referring to its message id (spec/lifecycle.md)")
    Path replyTo;

    @Option(names = "--cc", paramLabel = "CODE", split = "[,，]", splitSynopsisLabel = ",",
            converter = Converters.Org.class, description = "抄送: copy recipient (repeatable or comma list)")
    List<OrgCode> cc = new ArrayList<>();

    @Option(names = "--body", required = true, paramLabel = "FILE", description = "the 正文, an .ofd or .pdf file")
    Path body;

    @Option(names = "--attachment", paramLabel = "FILE", description = "a 附件 (repeatable; packed in the order given)")
    List<Path> attachments = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the package file to write, e.g. out.gwpkg")
    Path out;

    @Option(names = "--force", description = "replace --out if it exists")
    boolean force;

    @Mixin
    MetadataOptions metadata;

    @Override
    public Integer call() throws GongwenException {
        if (!force && Files.exists(out)) {
            throw new GongwenException(ErrorCode.LOCAL_IO, out + " exists already (use --force to replace it)");
        }
        if (to.isEmpty() && replyTo == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--to=CODE' (or --reply-to PACKAGE)");
        }
        List<Path> inputs = new ArrayList<>(List.of(key, cert, body));
        if (replyTo != null) {
            inputs.add(replyTo);
        }
        inputs.addAll(attachments);
        InputFiles.requireReadable(inputs);
        Gongwen gw = Gongwen.load();
        SigningIdentity identity = identity(gw);
        X509Certificate signer = identity.certificate();
        OrgCode sender = from != null ? from : TrustValidator.organisationOf(signer);
        DocumentMetadata meta = metadata.build(spec.commandLine(), CertificateNames.organisationName(signer).orElse(null));
        Header header;
        try {
            Header.Builder hb;
            if (replyTo != null) {
                // the original's routing only: it was verified when it was received, and the node checks the reply
                Header original = gw.inspectUnverified(replyTo).envelope().header();
                hb = Header.replyTo(original, sender).to(to.stream().filter(o -> !o.equals(original.sender())).toArray(OrgCode[]::new));
            } else {
                hb = Header.builder().sender(sender).to(to.toArray(OrgCode[]::new));
            }
            header = hb.cc(cc.toArray(OrgCode[]::new)).urgency(meta.urgency().orElse(null)).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Progress progress = Progress.on(spec.commandLine().getErr(), ((GongwenCommand) spec.root().userObject()).terminal);
        String label = out.getFileName().toString();
        PackageBuilder b = gw.newPackage().header(header).metadata(meta).body(body).signWith(identity)
                .progress((done, total) -> progress.packed(label, done, total));
        attachments.forEach(b::attachment);
        Envelope env = b.writeTo(out);
        printSummary(env, identity.profile());
        return ExitStatus.OK;
    }

    private SigningIdentity identity(Gongwen gw) throws GongwenException {
        SignatureProfile p = profile != null ? profile : profileOf(gw.keys().readCertificates(cert).get(0));
        char[] password = passwordFile == null ? null : PasswordFile.read(passwordFile);
        try {
            return gw.keys().readIdentity(p, key, cert, password);
        } finally {
            PasswordFile.wipe(password);
        }
    }

    /** The profile whose key type the certificate's public key has. */
    private static SignatureProfile profileOf(X509Certificate certificate) throws GongwenException {
        for (SignatureProfile p : SignatureProfile.values()) {
            try {
                SignatureEngines.checkKey(p, certificate.getPublicKey());
                return p;
            } catch (GongwenException e) {
                // not this profile's key type
            }
        }
        throw new GongwenException(ErrorCode.ALGORITHM_KEY, "the certificate's " + certificate.getPublicKey().getAlgorithm()
                + " key fits none of the profiles SM2_SM3, RSA_SHA256, ECDSA_P256_SHA256, ED25519");
    }

    private void printSummary(Envelope env, SignatureProfile used) throws GongwenException {
        PrintWriter w = spec.commandLine().getOut();
        w.println("packed " + out + " (" + InputFiles.size(out) + " bytes, signed with " + used + ")");
        EnvelopeSummary.print(w, env);
        w.flush();
    }
}
