package org.gongwen.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.DirectoryEntry;
import org.gongwen.api.sign.SignatureProfile;
import org.gongwen.platform.DevPlatform;
import org.gongwen.platform.PlatformMain;
import org.gongwen.platform.PlatformNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gongwen platform}: a platform node, or the three-node development platform, in the foreground. */
@Command(name = "platform", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a platform node, or a development platform of three nodes, until it is stopped (Ctrl-C or SIGTERM).",
                "%n--config runs the node a node.properties file describes (platform/README.md lists its keys).",
                "%n--dev makes a fresh development PKI and starts 陕西省 GWNODE-610000, 咸阳市 GWNODE-610400 and "
                + "礼泉县 GWNODE-610425 on 127.0.0.1 with TLS, serving the six sample organisations. It writes the PKI "
                + "into DIR/pki and, per organisation, a client configuration file DIR/<code>.client.properties for the "
                + "--client option of send, receive, status, sign-for and return. For development and tests only."},
        footer = {"", "Stopped with Ctrl-C or SIGTERM, it closes the nodes and exits as the JVM does (130 or 143). "
                + "Exit status when it cannot start: 2 usage error, or a bad key or value in the configuration (LOC-002); "
                + "3 a file cannot be read or written, a key is unusable, DIR is not empty or a node cannot start "
                + "(LOC-001, LOC-003)."})
final class PlatformCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    /** Exactly one of the two ways to run. */
    static final class Mode {
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "run the node this node.properties file describes")
        Path config;

        @Option(names = "--dev", required = true, paramLabel = "DIR",
                description = "run the development platform, writing its files into DIR (new or empty)")
        Path dev;
    }

    @Option(names = "--profile", paramLabel = "P", defaultValue = "SM2_SM3",
            description = "with --dev: the signing keys' profile, SM2_SM3 (default), RSA_SHA256, ECDSA_P256_SHA256 or ED25519")
    SignatureProfile profile;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (mode.config != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--profile")) {
                throw new ParameterException(spec.commandLine(), "--profile goes with --dev; a node's profile is in its configuration file");
            }
            InputFiles.requireReadable(List.of(mode.config));
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            PlatformNode node = PlatformMain.run(mode.config, new PrintStream(line, true, StandardCharsets.UTF_8));
            w.print(line.toString(StandardCharsets.UTF_8));
            w.println("running; stop with Ctrl-C");
            w.flush();
            UntilStopped.run(node, "node " + node.id(), w);
        } else {
            requireEmpty(mode.dev);
            DevPlatform dev = DevPlatform.start(mode.dev, profile);
            try {
                dev.writeFiles();
            } catch (GongwenException e) {
                dev.close();
                throw e;
            }
            describe(dev, mode.dev, w);
            UntilStopped.run(dev, "development platform", w);
        }
        return ExitStatus.OK;
    }

    private void describe(DevPlatform dev, Path dir, PrintWriter w) {
        w.println("development platform (" + dev.profile() + "), files in " + dir);
        w.println("nodes:");
        for (PlatformNode n : dev.nodes()) {
            w.println("  " + n.id() + "  " + n.uri() + "  " + n.config().name());
        }
        w.println("client configuration files (--client):");
        for (DirectoryEntry e : dev.directory()) {
            w.println("  " + dir.resolve(dev.clientFile(e.organisation()).getFileName()) + "  " + e.name() + ", home " + e.homeNode());
        }
        Path pki = dir.resolve("pki");
        w.println("trust anchors: documents " + pki.resolve("document-ca.pem") + ", TLS " + pki.resolve("tls-ca.pem"));
        w.println("keys: " + pki.resolve("orgs").resolve("<code>") + "/signing-key.pem, signing-cert.pem (for pack --key, --cert)");
        w.println("running; stop with Ctrl-C");
        w.flush();
    }

    /** A development platform makes a fresh PKI: it does not start on files and storage of an earlier one. */
    private static void requireEmpty(Path dir) throws GongwenException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new GongwenException(ErrorCode.LOCAL_IO, dir + " is not a directory");
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw new GongwenException(ErrorCode.LOCAL_IO, dir + " is not empty; a development platform makes a fresh PKI "
                        + "and needs a new or empty folder");
            }
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
