package org.gongwen.cli;

import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gongwen remind}: 催办 the recipients of a sent document. */
@Command(name = "remind", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reminds (催办) the recipients of a document this organisation sent who have not yet acted.",
                "%nSends a signed REMINDER package to every recipient whose state is not final; `gongwen status` "
                + "then shows REMINDED on their timelines (spec/lifecycle.md)."},
        footer = {"", "Exit status: 0 sent; 1 refused (MSG-003: this node knows no such message from this organisation; "
                + "MSG-005: no recipient is left to remind); 2 usage error; 5 the node could not be reached or failed."})
final class RemindCommand extends LifecycleCommand {
    @Option(names = "--remark", required = true, paramLabel = "TEXT", description = "what the reminder says (required, at most 2,000 characters)")
    String remark;

    @Override
    Receipt send(ExchangeClient c) throws GongwenException {
        return c.remind(messageId, remark);
    }
}
