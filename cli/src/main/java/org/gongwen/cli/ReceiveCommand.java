package org.gongwen.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.gongwen.api.Gongwen;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.ReceiveResult;
import org.gongwen.api.exchange.ReceivedMessage;
import org.gongwen.api.pkg.PackageVerifier;
import org.gongwen.api.pkg.VerifiedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gongwen receive}: fetches the mailbox into a folder, verifying each package. */
@Command(name = "receive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fetches every waiting message from the mailbox into a folder.",
                "%nEach package is verified against the client's trust anchors while it downloads. A verified "
                + "package is kept as DIR/<sender>_<message id>.gwpkg and acknowledged with a signed DELIVERED "
                + "receipt; one that does not verify is answered with a signed REJECTED receipt and not kept."},
        footer = {"", "Exit status: 0 done (also when the mailbox was empty); 1 a package was rejected; 2 usage error; "
                + "3 a local file could not be written; 5 the node could not be reached or failed."})
final class ReceiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

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
        Files.createDirectories(out);
        Gongwen gw = Gongwen.load();
        PrintWriter w = spec.commandLine().getOut();
        ExchangeConfig cfg = client.config(gw);
        PackageVerifier verifier = gw.verifier(cfg.trust(), cfg.limits());
        try (ExchangeClient c = gw.exchangeClient(cfg)) {
            ReceiveResult result = c.receive(out, Duration.ofSeconds(Math.max(0, waitSeconds)), m -> {
                if (extract) {
                    String name = m.packageFile().getFileName().toString().replaceFirst("\\.gwpkg$", "");
                    verifier.extract(m.packageFile(), out.resolve(name));
                }
                print(w, m);
            });
            for (ReceiveResult.Rejection r : result.rejected()) {
                spec.commandLine().getErr().println(r.errorCode() + " rejected " + r.entry().sender() + "/" + r.entry().messageId()
                        + ": " + ErrorReporter.oneLine(r.message()));
            }
            for (ReceiveResult.HandlerFailure f : result.handlerFailures()) {
                spec.commandLine().getErr().println("LOC-001 not kept " + f.entry().sender() + "/" + f.entry().messageId()
                        + ": " + ErrorReporter.oneLine(String.valueOf(f.error().getMessage())));
            }
            w.println(result.handled().size() + " received, " + result.rejected().size() + " rejected");
            w.flush();
            spec.commandLine().getErr().flush();
            return !result.rejected().isEmpty() ? ExitStatus.REFUSED : !result.handlerFailures().isEmpty() ? ExitStatus.LOCAL : ExitStatus.OK;
        }
    }

    private static void print(PrintWriter w, ReceivedMessage m) {
        VerifiedPackage v = m.verified();
        w.println("DELIVERED " + m.entry().messageId() + " from " + v.signer().organisation() + " "
                + v.envelope().metadata().title() + " -> " + m.packageFile().getFileName());
        w.flush();
    }
}
