package org.gongwen.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.Gongwen;
import org.gongwen.api.GongwenException;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.id.OrgCode;
import org.gongwen.api.reliable.InboxEntry;
import org.gongwen.api.reliable.ReliableExchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gongwen inbox}: the operator's view of an organisation's persistent inbox: parked messages, and releasing them. */
@Command(name = "inbox", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the messages the organisation's inbox has parked (their handler failed as often as allowed), "
                + "with their last error, and releases them for a new series of handler calls.",
                "%nThe application's ReliableExchange calls the handler; this command only reads the store and, with --retry, "
                + "marks a parked message as waiting again."},
        footer = {"", "Exit status: 0 done; 1 MSG-003: no such parked message; 2 usage error; 3 the store cannot be used."})
final class InboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    StoreOptions store;

    @Option(names = "--retry", paramLabel = "SENDER/MESSAGE_ID", description = "release this parked message (repeatable)")
    List<String> retry = List.of();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "list at most N entries (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
        Gongwen gw = Gongwen.load();
        PrintWriter w = spec.commandLine().getOut();
        try (ExchangeClient c = client.open(gw); ReliableExchange x = store.open(gw, c)) {
            for (String key : retry) {
                int slash = key.indexOf('/');
                if (slash < 0) {
                    throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "--retry takes SENDER/MESSAGE_ID, got " + key);
                }
                OrgCode sender;
                UUID id;
                try {
                    sender = OrgCode.of(key.substring(0, slash));
                    id = UUID.fromString(key.substring(slash + 1));
                } catch (IllegalArgumentException e) {
                    throw new GongwenException(ErrorCode.LOCAL_ARGUMENT, "--retry takes SENDER/MESSAGE_ID, got " + key + ": " + e.getMessage());
                }
                x.retryParked(sender, id);
                w.println("released " + sender + "/" + id);
            }
            List<InboxEntry> parked = x.parked(limit);
            w.println(parked.size() + " parked");
            for (InboxEntry e : parked) {
                w.println(ErrorReporter.oneLine("PARKED   " + e.sender() + "/" + e.messageId() + "  " + e.messageType() + "  attempts "
                        + e.attempts() + ", received " + e.received() + ", last " + e.lastError().orElse("")));
            }
        }
        w.flush();
        return ExitStatus.OK;
    }
}
