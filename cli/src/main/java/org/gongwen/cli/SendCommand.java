package org.gongwen.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gongwen send}: submits signed packages to the home node. */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Submits signed packages to the organisation's home node.",
                "%nEach package is streamed from disk. The node verifies it and answers with a signed ACCEPTED "
                + "receipt, which is verified before it is shown. Sending the same package again is safe: the node "
                + "answers with the receipt it gave the first time."},
        footer = {"", "Exit status: 0 every package accepted; 1 a package was refused (the line on standard error starts "
                + "with its code, e.g. 'MSG-002 ...'); 2 usage error; 3 a local file could not be read; 5 the node "
                + "could not be reached or failed (TRN-001: retrying later can help)."})
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Option(names = "--receipts", paramLabel = "DIR", description = "also write each ACCEPTED receipt to DIR/<message id>.accepted.xml")
    Path receipts;

    @Parameters(arity = "1..*", paramLabel = "PACKAGE", description = "the package file(s)")
    List<Path> packages;

    @Override
    public Integer call() throws Exception {
        InputFiles.requireReadable(packages);
        Gongwen gw = Gongwen.load();
        PrintWriter w = spec.commandLine().getOut();
        try (ExchangeClient c = client.open(gw)) {
            for (Path p : packages) {
                Receipt r = c.send(p);
                w.println("ACCEPTED " + r.messageId() + " " + p.getFileName() + " by " + r.issuer() + " at " + r.issued());
                if (receipts != null) {
                    Files.createDirectories(receipts);
                    Files.write(receipts.resolve(r.messageId() + ".accepted.xml"), r.xml());
                }
                w.flush();
            }
        }
        return ExitStatus.OK;
    }
}
