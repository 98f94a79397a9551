package org.gongwen.cli;

import java.util.concurrent.Callable;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.pkg.VerifiedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongwen return}: 退文 a received document. */
@Command(name = "return", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Returns (退文) a received document to its sender.",
                "%nVerifies the package, then posts a signed RETURNED receipt with the reason."},
        footer = {"", "Exit status: 0 posted; 1 refused (MSG-005: already signed for; MSG-003: not delivered to this "
                + "organisation); 2 usage error; 3 a local file could not be read; 5 the node could not be reached or failed."})
final class ReturnCommand extends AnswerCommand implements Callable<Integer> {
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why the document is returned (required)")
    String reason;

    @Override
    Receipt answer(ExchangeClient c, VerifiedPackage v) throws GongwenException {
        return c.returnDocument(v, reason);
    }

    @Override
    public Integer call() throws GongwenException {
        return run();
    }
}
