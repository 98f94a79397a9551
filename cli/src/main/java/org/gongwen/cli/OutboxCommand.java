package org.gongwen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gongwen.api.Gongwen;
import org.gongwen.api.exchange.ExchangeClient;
import org.gongwen.api.exchange.Receipt;
import org.gongwen.api.exchange.RecipientStatus;
import org.gongwen.api.reliable.OutboxEntry;
import org.gongwen.api.reliable.OutboxState;
import org.gongwen.api.reliable.ReliableExchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gongwen outbox}: writes packages to an organisation's persistent outbox, sends what is due, lists entries. */
@Command(name = "outbox", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes packages to the organisation's persistent outbox, sends what is due and shows where each entry stands.",
                "%nA package written with --add is committed to the outbox before anything is sent, and is sent again with the same "
                + "bytes, after a growing pause, until the home node accepts it (ACCEPTED), refuses it for good (FAILED) or it "
                + "expires (EXPIRED). --send makes one round of attempts and reads the status of accepted messages; "
                + "a long-running application uses the SDK's ReliableExchange instead (README)."},
        footer = {"", "Exit status: 0 done (and, with --send, nothing left queued); 1 a package was refused (MSG-002: another package "
                + "under a message id already in the outbox); 2 usage error; 3 the store or a file cannot be used; "
                + "5 with --send: entries are still queued because the node could not be reached (run again later)."})
final class OutboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    @Mixin
    StoreOptions store;

    @Option(names = "--add", paramLabel = "PACKAGE", description = "write this signed package to the outbox (repeatable)")
    List<Path> add = List.of();

    @Option(names = "--send", description = "make one round of attempts for every entry that is due, then read the status of accepted ones")
    boolean send;

    @Option(names = "--state", paramLabel = "STATE", description = "list the entries in this state: QUEUED, ACCEPTED, FAILED or EXPIRED")
    OutboxState state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "list at most N entries (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
        Gongwen gw = Gongwen.load();
        PrintWriter w = spec.commandLine().getOut();
        try (ExchangeClient c = client.open(gw); ReliableExchange x = store.open(gw, c)) {
            for (Path p : add) {
                OutboxEntry e = x.send(p);
                w.println("queued   " + e.messageId() + "  " + p.getFileName() + " (" + e.size() + " bytes)");
            }
            if (send) {
                x.runSendRound();
                x.runStatusRound();
            }
            List<OutboxState> shown = state != null ? List.of(state) : List.of(OutboxState.values());
            for (OutboxState s : shown) {
                for (OutboxEntry e : x.outbox(s, limit)) {
                    print(w, e);
                }
            }
            w.flush();
            if (send && !x.outbox(OutboxState.QUEUED, 1).isEmpty()) {
                return ExitStatus.TRANSPORT;
            }
        }
        return ExitStatus.OK;
    }

    static void print(PrintWriter w, OutboxEntry e) {
        StringBuilder line = new StringBuilder().append(String.format("%-8s", e.state())).append(' ').append(e.messageId())
                .append("  attempts ").append(e.attempts());
        e.nextAttempt().ifPresent(t -> line.append(", next ").append(t));
        e.lastErrorCode().ifPresent(code -> line.append(", last ").append(e.lastError().orElse(code)));
        w.println(ErrorReporter.oneLine(line.toString()));
        for (RecipientStatus r : e.recipients()) {
            StringBuilder rl = new StringBuilder("  ").append(r.recipient()).append(r.primary() ? " 主送 " : " 抄送 ").append(r.state());
            for (Receipt t : r.timeline()) {
                rl.append(", ").append(t.type()).append(' ').append(t.issued());
            }
            w.println(ErrorReporter.oneLine(rl.toString()));
        }
    }
}
