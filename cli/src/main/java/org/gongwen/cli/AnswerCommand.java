package org.gongwen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.ExchangeConfig;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.pkg.VerifiedPackage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code sign-for} and {@code return} share: verify the received package, then post a receipt. */
abstract class AnswerCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "the received package file (as 'gongwen receive' kept it)")
    Path pkg;

    /** Posts the receipt for a verified package. */
    abstract Receipt answer(ExchangeClient c, VerifiedPackage v) throws GongwenException;

    final int run() throws GongwenException {
        InputFiles.requireReadable(List.of(pkg));
        Gongwen gw = Gongwen.load();
        ExchangeConfig cfg = client.config(gw);
        VerifiedPackage v = gw.verifier(cfg.trust(), cfg.limits()).verify(pkg);
        PrintWriter w = spec.commandLine().getOut();
        try (ExchangeClient c = gw.exchangeClient(cfg)) {
            Receipt r = answer(c, v);
            w.println(r.type() + " " + r.messageId() + " from " + r.messageSender() + " at " + r.issued());
        }
        w.flush();
        return ExitStatus.OK;
    }
}
