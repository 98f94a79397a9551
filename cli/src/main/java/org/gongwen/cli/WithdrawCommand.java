package org.gongwen.cli;

import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongwen withdraw}: 撤销 a sent document. */
@Command(name = "withdraw", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Withdraws (撤销) a document this organisation sent, with a reason.",
                "%nSends a signed WITHDRAWAL package to every recipient that has not yet signed for the document, "
                + "returned it, or had it withdrawn, expired or rejected. Each recipient's home node takes the decision; "
                + "`gongwen status` then shows WITHDRAWN for those it was withdrawn for (spec/lifecycle.md)."},
        footer = {"", "Exit status: 0 sent; 1 refused (MSG-003: this node knows no such message from this organisation; "
                + "MSG-005: every recipient has already signed for it or it is final for them); 2 usage error; "
                + "5 the node could not be reached or failed."})
final class WithdrawCommand extends LifecycleCommand {
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why the document is withdrawn (required, at most 2,000 characters)")
    String reason;

    @Override
    Receipt send(ExchangeClient c) throws GongwenException {
        return c.withdraw(messageId, reason);
    }
}
