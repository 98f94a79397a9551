package org.gongwen.cli;

import java.util.concurrent.Callable;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.pkg.VerifiedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongwen sign-for}: 签收 a received document. */
@Command(name = "sign-for", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Signs for (签收) a received document.",
                "%nVerifies the package, then posts a signed SIGNED_FOR receipt naming who signed for it."},
        footer = {"", "Exit status: 0 posted; 1 refused (MSG-005: already returned; MSG-003: not delivered to this "
                + "organisation); 2 usage error; 3 a local file could not be read; 5 the node could not be reached or failed."})
final class SignForCommand extends AnswerCommand implements Callable<Integer> {
    @Option(names = "--by", required = true, paramLabel = "WHO", description = "the person or office that signs for it, e.g. '办公室 王文书'")
    String by;

    @Override
    Receipt answer(ExchangeClient c, VerifiedPackage v) throws GongwenException {
        return c.signFor(v, by);
    }

    @Override
    public Integer call() throws GongwenException {
        return run();
    }
}
