package org.gongwen.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.MailboxEntry;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gongwen receive}: fetches the mailbox into a folder, verifying each package. */
@Command(name = "receive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fetches every waiting message from the mailbox into a folder.",
                "%nEach package is verified against the client's trust anchors while it downloads. A verified "
                + "package is kept as DIR/<sender>_<message id>.gwpkg and acknowledged with a signed DELIVERED "
                + "receipt; one that does not verify is answered with a signed REJECTED receipt and not kept. "
                + "A message that could not be kept or acknowledged stays in the mailbox for the next run. "
                + "On a terminal, standard error shows the progress."},
        footer = {"", "Exit status: 0 done (also when the mailbox was empty); 5 the node could not be reached or failed "
                + "(the messages not yet received wait for the next run); 1 a package was rejected; 2 usage error; "
                + "3 a local file could not be written. Each message that was rejected or not received is one line on "
                + "standard error that starts with its code."})
final class ReceiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    GongwenCommand parent;

    @Mixin
    ClientOptions client;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the received packages (created if missing)")
    Path out;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "wait up to this long for a message if the mailbox is empty (default: ${DEFAULT-VALUE})")
    int waitSeconds;

    @Option(names = "--extract", description = "also extract each verified package's parts into DIR/<sender>_<message id>/")
    boolean extract;

    @Override
    public Integer call() throws Exception {
        Gongwen gw = Gongwen.load();
        ExchangeConfig cfg = client.config(gw);
        InputFiles.createDirectories(out);
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PackageVerifier verifier = gw.verifier(cfg.trust(), cfg.limits());
        Progress progress = Progress.on(err, parent.terminal);
        Map<UUID, Path> extracted = new HashMap<>();
        ReceiveResult result;
        try (ExchangeClient c = ClientOptions.open(cfg, progress)) {
            result = c.receive(out, Duration.ofSeconds(Math.max(0, waitSeconds)), m -> {
                progress.end();
                if (extract) {
                    Path parts = freeFolder(m.packageFile().getFileName().toString().replaceFirst("\\.gwpkg$", ""));
                    verifier.extract(m.packageFile(), parts);
                    extracted.put(m.entry().messageId(), parts);
                }
            });
        } finally {
            progress.end();
        }
        for (ReceivedMessage m : result.handled()) {
            print(w, m, extracted.get(m.entry().messageId()));
        }
        int status = ExitStatus.OK;
        for (ReceiveResult.Rejection r : result.rejected()) {
            err.println(r.errorCode() + " rejected " + name(r.entry()) + ": " + ErrorReporter.oneLine(r.message()));
            status = ExitStatus.REFUSED;
        }
        boolean transport = false;
        for (ReceiveResult.HandlerFailure f : result.handlerFailures()) {
            ErrorCode code = f.error() instanceof GongwenException ? ((GongwenException) f.error()).code() : ErrorCode.LOCAL_IO;
            err.println(code.code() + " not received " + name(f.entry()) + ": " + ErrorReporter.oneLine(detail(f.error(), code)));
            transport |= ExitStatus.of(code) == ExitStatus.TRANSPORT;
            if (status == ExitStatus.OK) {
                status = ExitStatus.of(code);
            }
        }
        w.println(result.handled().size() + " received, " + result.rejected().size() + " rejected"
                + (result.handlerFailures().isEmpty() ? "" : ", " + result.handlerFailures().size() + " left in the mailbox"));
        w.flush();
        err.flush();
        return transport ? ExitStatus.TRANSPORT : status;
    }

    /** {@code DIR/name}, or {@code DIR/name-2} and so on if a folder of that name is there already (from an earlier run). */
    private Path freeFolder(String name) {
        Path p = out.resolve(name);
        for (int i = 2; Files.exists(p); i++) {
            p = out.resolve(name + "-" + i);
        }
        return p;
    }

    private static String name(MailboxEntry e) {
        return e.sender() + "/" + e.messageId();
    }

    /** The text of an error without the code it starts with. */
    private static String detail(Exception e, ErrorCode code) {
        String m = String.valueOf(e instanceof GongwenException ? e.getMessage() : e.toString());
        return m.startsWith(code.code() + " ") ? m.substring(code.code().length() + 1) : m;
    }

    private static void print(PrintWriter w, ReceivedMessage m, Path parts) {
        VerifiedPackage v = m.verified();
        w.println("DELIVERED " + m.entry().messageId() + " from " + v.signer().organisation() + " "
                + ErrorReporter.oneLine(v.envelope().metadata().title()) + " -> " + m.packageFile().getFileName()
                + (parts == null ? "" : " (parts in " + parts.getFileName() + "/)"));
    }
}
