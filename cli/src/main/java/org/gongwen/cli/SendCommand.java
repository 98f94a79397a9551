package org.gongwen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gongwen send}: submits signed packages to the home node. */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Submits signed packages to the organisation's home node.",
                "%nEach package is streamed from disk. The node verifies it and answers with a signed ACCEPTED "
                + "receipt, which is verified before it is shown. Sending the same package again is safe: the node "
                + "answers with the receipt it gave the first time. Packages are sent in the order given; the first "
                + "one that fails ends the command. On a terminal, standard error shows the progress."},
        footer = {"", "Exit status: 0 every package accepted; 1 a package was refused (the line on standard error starts "
                + "with its code, e.g. 'RTE-001 ...' for an unknown recipient, 'MSG-002 ...' for other bytes under a used "
                + "message id); 2 usage error (LOC-002, also a package of another sender); 3 a local file could not be "
                + "read or written; 5 the node could not be reached or failed (TRN-001: sending the same file again later can help)."})
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    GongwenCommand parent;

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
        ExchangeConfig cfg = client.config(gw);
        if (receipts != null) {
            InputFiles.createDirectories(receipts);
        }
        PrintWriter w = spec.commandLine().getOut();
        Progress progress = Progress.on(spec.commandLine().getErr(), parent.terminal);
        try (ExchangeClient c = ClientOptions.open(cfg, progress)) {
            for (Path p : packages) {
                Receipt r;
                try {
                    r = c.send(p);
                } finally {
                    progress.end();
                }
                w.println("ACCEPTED " + r.messageId() + " " + p.getFileName() + " by " + r.issuer() + " at " + r.issued());
                if (receipts != null) {
                    Path file = receipts.resolve(r.messageId() + ".accepted.xml");
                    try {
                        Files.write(file, r.xml());
                    } catch (IOException e) {
                        throw new GongwenException(ErrorCode.LOCAL_IO, "cannot write the receipt " + file + ": " + e.getMessage(), e);
                    }
                }
                w.flush();
            }
        }
        return ExitStatus.OK;
    }
}
