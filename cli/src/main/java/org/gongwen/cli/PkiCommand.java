package org.gongwen.cli;

import org.gongwen.internal.keys.PasswordFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.internal.keys.DevPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gongwen pki}: a development CA and organisation certificates for one profile. */
@Command(name = "pki", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates a development PKI: a root CA, an empty CRL, keys and certificates.",
                "%nOne signature profile; each organisation certificate carries the 统一社会信用代码 in the "
                + "subject's organizationIdentifier. For development and tests only: a real deployment gets its "
                + "certificates from its CA."},
        footer = {"", "Files written into DIR: ca.cert.pem, ca.key.pem, ca.crl.pem, and per organisation "
                + "CODE.cert.pem and CODE.key.pem (PKCS#8; key files are created with mode 600). "
                + "Without --org, the six sample organisations of the design brief are used."})
final class PkiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write into (created if missing)")
    Path out;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "SM2_SM3",
            description = "signature profile: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    SignatureProfile profile;

    @Option(names = "--org", paramLabel = "CODE=NAME",
            description = "an organisation: 统一社会信用代码 and name, e.g. 116104250162020100=礼泉县人民政府办公室 (repeatable)")
    List<String> orgs = new ArrayList<>();

    @Option(names = "--ca-name", paramLabel = "NAME", defaultValue = "Gongwen Development",
            description = "organisation name of the CA; its CN adds \" Root CA\" (default: ${DEFAULT-VALUE})")
    String caName;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "encrypt every private key with the password on this file's first line")
    Path passwordFile;

    @Option(names = "--force", description = "replace existing files")
    boolean force;

    @Override
    public Integer call() throws GongwenException {
        Map<OrgCode, String> organisations = organisations();
        List<Path> targets = new ArrayList<>(List.of(out.resolve("ca.cert.pem"), out.resolve("ca.key.pem"), out.resolve("ca.crl.pem")));
        for (OrgCode code : organisations.keySet()) {
            targets.add(out.resolve(code + ".key.pem"));
            targets.add(out.resolve(code + ".cert.pem"));
        }
        PemFiles.checkAbsent(targets, force);
        char[] password = passwordFile == null ? null : PasswordFile.read(passwordFile);
        try {
            // everything is generated before the first file is written
            DevPki.Authority ca = DevPki.newAuthority(profile, caName);
            X509CRL crl = ca.crl();
            Map<OrgCode, DevPki.Issued> issued = new LinkedHashMap<>();
            organisations.forEach((code, name) -> issued.put(code, ca.issue(code, name)));

            Files.createDirectories(out);
            PemFiles.writePublic(out.resolve("ca.cert.pem"), ca.certificate(), force);
            PemFiles.writePrivateKey(out.resolve("ca.key.pem"), ca.keys().getPrivate(), password, force);
            PemFiles.writePublic(out.resolve("ca.crl.pem"), crl, force);
            for (Map.Entry<OrgCode, DevPki.Issued> i : issued.entrySet()) {
                PemFiles.writePrivateKey(out.resolve(i.getKey() + ".key.pem"), i.getValue().keys().getPrivate(), password, force);
                PemFiles.writePublic(out.resolve(i.getKey() + ".cert.pem"), i.getValue().certificate(), force);
            }

            PrintWriter w = spec.commandLine().getOut();
            w.println("development PKI (" + profile + ") in " + out + " - for development and tests only");
            w.println("  ca.cert.pem  " + ca.certificate().getSubjectX500Principal().getName() + ", valid until "
                    + ca.certificate().getNotAfter().toInstant());
            w.println("  ca.key.pem   CA private key" + (password == null ? "" : " (encrypted)"));
            w.println("  ca.crl.pem   empty CRL, next update " + crl.getNextUpdate().toInstant());
            organisations.forEach((code, name) -> w.println("  " + code + ".cert.pem / .key.pem  " + name));
            w.flush();
            return ExitStatus.OK;
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot create " + out + ": " + e.getMessage(), e);
        } finally {
            PasswordFile.wipe(password);
        }
    }

    private Map<OrgCode, String> organisations() {
        if (orgs.isEmpty()) {
            return SampleOrganisations.all();
        }
        Map<OrgCode, String> m = new LinkedHashMap<>();
        for (String given : orgs) {
            int eq = given.indexOf('=');
            if (eq < 0 || given.substring(eq + 1).isBlank()) {
                throw usage("--org expects CODE=NAME, e.g. 116104250162020100=礼泉县人民政府办公室; found '" + given + "'");
            }
            OrgCode code;
            try {
                code = OrgCode.of(given.substring(0, eq).trim());
            } catch (IllegalArgumentException e) {
                throw usage("--org: " + e.getMessage());
            }
            if (m.put(code, given.substring(eq + 1).trim()) != null) {
                throw usage("--org: organisation " + code + " is named twice");
            }
        }
        return m;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
